// The REST API's representations, as the console reads them (web/.../interfaces/rest/dto).

export interface NodeView {
  id: number;
  name: string;
  host: string;
  priority: number;
  enrolled: boolean;
  enrolledAt: string | null;
  reportedRole: string | null;
  live: boolean;
  lastHeartbeatAt: string | null;
  activeConnections: number | null;
  publishedVersion: number;
  publishedHash: string | null;
  publishedAt: string | null;
  publicationFailedAt: string | null;
  publicationFailure: string | null;
  appliedConfigVersion: number | null;
  appliedConfigHash: string | null;
  appliedAt: string | null;
  inSync: boolean;
  rejectedVersion: number | null;
  rejectedCode: string | null;
  rejectedReason: string | null;
  rejectedAt: string | null;
  version: number;
}

export interface PairView {
  id: number;
  name: string;
  site: string | null;
  description: string | null;
  nodes: NodeView[];
  version: number;
}

export interface PairStatusView {
  pairId: number;
  pair: string;
  master: string | null;
  splitBrain: boolean;
  inSync: boolean;
  inSyncSince: string | null;
  outOfSyncSince: string | null;
  nodes: NodeView[];
}

export interface CertificateView {
  id: number;
  sha256Fingerprint: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  expired: boolean;
  keyAlgorithm: string;
  keySize: number;
  subjectAltNames: string[];
  ca: boolean;
  origin: string;
  issuerCertificateId: number | null;
  hasPrivateKey: boolean;
}

export interface VirtualServerView {
  id: number;
  pairId: number;
  name: string;
  bindAddress: string;
  bindPort: number;
  targetAddress: string;
  targetPort: number;
  certificateId: number;
  clientAuth: string;
  clientTrustStoreId: number | null;
  protocols: string[];
  cipherSuites: string[];
  revocation: string;
  noAiaPolicy: string;
  ocspStapling: boolean;
  version: number;
}

export interface CertificateWatchView {
  certificateId: number | null;
  /** A partner's certificate seen by a gateway in a handshake (no stored certificate). */
  partner: boolean;
  sha256: string;
  subject: string;
  notAfter: string;
  daysLeft: number;
  expired: boolean;
  pairId: number | null;
  pairName: string | null;
  usages: string[];
  inUse: boolean;
  expirySchedule: string;
  expiryWarningDays: number;
  syslogTarget: string | null;
  webhookUrl: string | null;
  emailRecipients: string[];
  nextNotification: { from: string; thresholdDays: number; threshold: string } | null;
}

/** A partner's certificate as one gateway's listener saw it. */
export interface PartnerCertificateView {
  id: number;
  pairId: number;
  pairName: string;
  nodeId: number;
  nodeName: string;
  listener: string;
  peerRole: 'client' | 'server';
  position: number;
  subject: string;
  issuer: string;
  serial: string;
  sha256: string;
  notAfter: string;
  daysLeft: number;
  expired: boolean;
  firstSeen: string;
  lastSeen: string;
}

export interface CertificateNotificationView {
  id: number;
  notificationId: number;
  channel: string;
  destination: string;
  state: string;
  attempts: number;
  lastError: string | null;
  dueAt: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  thresholdDays: number;
  daysLeft: number;
  certificateId: number | null;
  subject: string;
  pairId: number | null;
  pairName: string | null;
}

export interface CertificateUse {
  kind: 'virtual-server' | 'virtual-client' | 'trust-store' | 'issuer';
  id: number;
  name: string;
  pairId: number | null;
  pairName: string | null;
  role: string;
}

export interface VirtualClientView {
  id: number;
  pairId: number;
  name: string;
  listenAddress: string;
  listenPort: number;
  targetHost: string;
  targetPort: number;
  trustStoreId: number | null;
  verifyName: string | null;
  clientCertificateId: number | null;
  sourceAddress: string | null;
  clientCertificateRules: unknown[] | null;
  protocols: string[];
  cipherSuites: string[];
  revocation: string;
  noAiaPolicy: string;
  version: number;
}

export interface TrustStoreView {
  id: number;
  name: string;
  description: string | null;
  certificates: CertificateView[];
  version: number;
}

export interface AuditEventView {
  id: number;
  occurredAt: string;
  actor: string;
  sourceAddress: string;
  action: string;
  objectType: string;
  objectId: string;
  before: string | null;
  after: string | null;
}

export interface ApiTokenView {
  id: number;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

export interface UserView {
  username: string;
  role: string;
  enabled: boolean;
  version: number;
}

/** A cipher suite a listener may be given and the certificate key it needs (ANY: TLS 1.3). */
export interface CipherSuiteView {
  name: string;
  keyType: 'RSA' | 'EC' | 'ANY';
}

/** One node (or, for split brain, one pair) that needs attention; see /api/attention. */
export interface AttentionItem {
  pairId: number;
  pairName: string;
  nodeName: string | null;
  since: string | null;
  detail: string | null;
  publishedVersion: number | null;
  appliedVersion: number | null;
}

/** Each kind's total over all pairs and its oldest few. */
export interface AttentionView {
  outOfSync: { count: number; first: AttentionItem[] };
  splitBrain: { count: number; first: AttentionItem[] };
  notReporting: { count: number; first: AttentionItem[] };
  rejected: { count: number; first: AttentionItem[] };
  publicationFailing: { count: number; first: AttentionItem[] };
  /** Stored certificates by expiry band, the soonest few of each. */
  certificates: Record<'expired' | 'within15' | 'within30' | 'within60', { count: number; first: { id: number; subject: string; notAfter: string }[] }>;
}

export interface RecipientView {
  address: string;
  language: 'ja' | 'en';
}

/** The watch's global settings: schedule, channels every pair inherits, the SMTP server. */
export interface WatchSettingsView {
  expirySchedule: string;
  expiryWarningDays: number;
  syslogTarget: string | null;
  syslogCaPem: string | null;
  emailRecipients: RecipientView[];
  webhookUrl: string | null;
  webhookSecretSet: boolean;
  webhookCaPem: string | null;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecurity: string;
  smtpUsername: string | null;
  smtpPasswordSet: boolean;
  smtpFrom: string | null;
  smtpCaPem: string | null;
}

export interface ChannelTestOutcome {
  channel: string;
  destination: string;
  sent: boolean;
  error: string | null;
}

/** A pair's settings; its empty notification channels take the global ones. */
export interface PairSettingsView {
  pairId: number;
  httpProxyUrl: string | null;
  dnsServers: string[];
  ntpServers: string[];
  syslogTarget: string | null;
  expirySchedule: string;
  expiryWarningDays: number;
  syslogCaPem: string | null;
  emailRecipients: RecipientView[];
  webhookUrl: string | null;
  webhookSecretSet: boolean;
  webhookCaPem: string | null;
  version: number;
}
