import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Label, Title } from '@patternfly/react-core';
import { get } from '../api';
import { DataTable, ProblemAlert, Screen } from '../components';
import { BAND_COLOR, expiryBand, formatDateTime } from '../format';
import { CertificateNotificationView, CertificateWatchView, PartnerCertificateView } from '../types';
import { useLoad } from '../useLoad';
import { NotificationSettings } from './NotificationSettings';

const STATE_COLOR: Record<string, 'green' | 'orange' | 'red' | 'grey'> = { SENT: 'green', PENDING: 'grey', RETRYING: 'orange', FAILED: 'red' };

/**
 * What expires when (per pair that uses it, partners' certificates seen by the gateways included)
 * with its next notification, where the partners' certificates were seen, the global notification
 * channels with their test buttons, and every delivery (notification × channel) with its state.
 */
export function CertificateWatch() {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const { data, error } = useLoad(
    () =>
      Promise.all([
        get<CertificateWatchView[]>('certificate-watch?expiringWithinDays=400'),
        get<CertificateNotificationView[]>('certificate-watch/notifications?limit=100'),
        get<PartnerCertificateView[]>('partner-certificates?limit=500'),
      ]),
    [],
  );
  const [watched, sent, partners] = data ?? [[], [], []];
  const expiry = (notAfter: string, daysLeft: number, expired: boolean) => {
    const b = expiryBand(daysLeft, expired);
    return <>{when(notAfter)} <Label color={BAND_COLOR[b]}>{t('certificates.daysLeft', { days: daysLeft })}</Label></>;
  };
  return (
    <Screen title={t('watch.title')}>
      <ProblemAlert error={error} />
      <DataTable
        id="watch-table"
        label={t('watch.title')}
        rows={watched}
        rowKey={(w) => `${w.sha256}-${w.pairId ?? 0}-${w.partner}`}
        columns={[
          {
            title: t('certificates.subject'),
            cell: (w) =>
              w.partner || w.certificateId === null ? (
                <>{w.subject} <Label color="purple" className="partner-label">{t('watch.partner')}</Label></>
              ) : (
                <Link to={`/certificates/${w.certificateId}`}>{w.subject}</Link>
              ),
          },
          { title: t('certificates.notAfter'), cell: (w) => expiry(w.notAfter, w.daysLeft, w.expired) },
          { title: t('vs.pair'), cell: (w) => (w.pairId ? <Link to={`/pairs/${w.pairId}`}>{w.pairName}</Link> : t('watch.global')) },
          { title: t('watch.schedule'), cell: (w) => t(`watch.schedule-${w.expirySchedule}`, { days: w.expiryWarningDays }) },
          { title: t('watch.next'), cell: (w) => (w.nextNotification ? t('watch.nextAt', { when: when(w.nextNotification.from), days: w.nextNotification.thresholdDays }) : w.inUse ? t('watch.noChannel') : t('watch.notInUse')) },
        ]}
      />
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">{t('watch.partners')}</Title>
      <DataTable
        id="partners-table"
        label={t('watch.partners')}
        rows={partners}
        rowKey={(p) => p.id}
        columns={[
          { title: t('certificates.subject'), cell: (p) => <>{p.subject}{p.position > 0 ? ` (${t('watch.chain')})` : ''}</> },
          { title: t('certificates.notAfter'), cell: (p) => expiry(p.notAfter, p.daysLeft, p.expired) },
          { title: t('vs.pair'), cell: (p) => <Link to={`/pairs/${p.pairId}`}>{p.pairName}</Link> },
          { title: t('watch.seenBy'), cell: (p) => `${t('watch.seenAt', { node: p.nodeName, listener: p.listener })}: ${t(`watch.peerRole-${p.peerRole}`)}` },
          { title: t('watch.lastSeen'), cell: (p) => when(p.lastSeen) },
        ]}
      />
      <div className="pf-v6-u-mt-lg">
        <NotificationSettings />
      </div>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">{t('watch.history')}</Title>
      <DataTable
        id="notifications-table"
        label={t('watch.history')}
        rows={sent}
        rowKey={(n) => n.id}
        columns={[
          { title: t('watch.state'), cell: (n) => <Label color={STATE_COLOR[n.state] ?? 'grey'}>{t(`watch.state-${n.state}`, { defaultValue: n.state })}</Label> },
          { title: t('certificates.subject'), cell: (n) => (n.certificateId ? <Link to={`/certificates/${n.certificateId}`}>{n.subject}</Link> : n.subject) },
          { title: t('watch.daysLeft'), cell: (n) => n.daysLeft },
          { title: t('vs.pair'), cell: (n) => n.pairName ?? t('watch.global') },
          { title: t('watch.channel'), cell: (n) => t(`watch.channel-${n.channel}`, { defaultValue: n.channel }) },
          { title: t('watch.destination'), cell: (n) => n.destination },
          { title: t('watch.attempts'), cell: (n) => n.attempts },
          { title: t('watch.sentAt'), cell: (n) => (n.sentAt ? when(n.sentAt) : n.nextAttemptAt ? t('watch.retryAt', { when: when(n.nextAttemptAt) }) : '—') },
          { title: t('watch.lastError'), cell: (n) => n.lastError ?? '—' },
        ]}
      />
    </Screen>
  );
}
