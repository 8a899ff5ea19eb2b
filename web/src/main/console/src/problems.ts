// The server names the value it refuses in its own words ("bind port 70000 is out of range",
// "a virtual server needs a certificate (certificateId)"); this finds the form field concerned.

/** Field name → phrases with which the server's messages about that field begin or that they contain. */
export type FieldPhrases = Record<string, string[]>;

export function fieldOfProblem(detail: string, fields: FieldPhrases): string | null {
  const text = detail.toLowerCase();
  let best: { field: string; length: number } | null = null;
  for (const [field, phrases] of Object.entries(fields)) {
    for (const phrase of [`(${field.toLowerCase()})`, ...phrases.map((p) => p.toLowerCase())]) {
      // The longest phrase found wins: "target port" over "port", "(certificateId)" over "name".
      if (text.includes(phrase) && (best === null || phrase.length > best.length)) {
        best = { field, length: phrase.length };
      }
    }
  }
  return best?.field ?? null;
}

export const VIRTUAL_SERVER_FIELDS: FieldPhrases = {
  name: ['name'],
  bindAddress: ['bind address'],
  bindPort: ['bind port'],
  targetAddress: ['target address'],
  targetPort: ['target port'],
  certificateId: ['certificate'],
  clientTrustStoreId: ['trust store'],
  protocols: ['protocol', 'tls version'],
  cipherSuites: ['cipher suite', 'suite'],
  ocspStapling: ['stapling'],
};

export const VIRTUAL_CLIENT_FIELDS: FieldPhrases = {
  name: ['name'],
  listenAddress: ['listen address'],
  listenPort: ['listen port'],
  targetHost: ['target host', 'target'],
  targetPort: ['target port'],
  trustStoreId: ['trust store'],
  clientCertificateId: ['client certificate'],
  clientCertificateRules: ['client certificate rule'],
  sourceAddress: ['source address'],
  protocols: ['protocol', 'tls version'],
  cipherSuites: ['cipher suite', 'suite'],
};

export const PAIR_FIELDS: FieldPhrases = {
  name: ['name'],
  site: ['site'],
  description: ['description'],
};

/** The watch's channel settings: the server's messages begin with the API field's name. */
export const NOTIFICATION_FIELDS: FieldPhrases = Object.fromEntries(
  ['syslogTarget', 'syslogCaPem', 'emailRecipients', 'webhookUrl', 'webhookSecret', 'webhookCaPem', 'smtpHost', 'smtpPort', 'smtpUsername', 'smtpPassword', 'smtpFrom', 'smtpCaPem', 'expiryWarningDays'].map((f) => [
    f,
    [`${f.toLowerCase()}:`, `${f.toLowerCase()} `, `${f.toLowerCase()}[`],
  ]),
);
