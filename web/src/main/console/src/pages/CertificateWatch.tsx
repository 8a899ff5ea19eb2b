import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Label, Title } from '@patternfly/react-core';
import { get } from '../api';
import { DataTable, ProblemAlert, Screen } from '../components';
import { BAND_COLOR, expiryBand, formatDateTime } from '../format';
import { CertificateNotificationView, CertificateWatchView } from '../types';
import { useLoad } from '../useLoad';
import { NotificationSettings } from './NotificationSettings';

const STATE_COLOR: Record<string, 'green' | 'orange' | 'red' | 'grey'> = { SENT: 'green', PENDING: 'grey', RETRYING: 'orange', FAILED: 'red' };

/**
 * What expires when (per pair that uses it) with its next notification, the global notification
 * channels with their test buttons, and every delivery (notification × channel) with its state.
 */
export function CertificateWatch() {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const { data, error } = useLoad(
    () => Promise.all([get<CertificateWatchView[]>('certificate-watch?expiringWithinDays=400'), get<CertificateNotificationView[]>('certificate-watch/notifications?limit=100')]),
    [],
  );
  const [watched, sent] = data ?? [[], []];
  return (
    <Screen title={t('watch.title')}>
      <ProblemAlert error={error} />
      <DataTable
        id="watch-table"
        label={t('watch.title')}
        rows={watched}
        rowKey={(w) => `${w.certificateId}-${w.pairId ?? 0}`}
        columns={[
          { title: t('certificates.subject'), cell: (w) => <Link to={`/certificates/${w.certificateId}`}>{w.subject}</Link> },
          { title: t('certificates.notAfter'), cell: (w) => { const b = expiryBand(w.daysLeft, w.expired); return <>{when(w.notAfter)} <Label color={BAND_COLOR[b]}>{t('certificates.daysLeft', { days: w.daysLeft })}</Label></>; } },
          { title: t('vs.pair'), cell: (w) => (w.pairId ? <Link to={`/pairs/${w.pairId}`}>{w.pairName}</Link> : t('watch.global')) },
          { title: t('watch.schedule'), cell: (w) => t(`watch.schedule-${w.expirySchedule}`, { days: w.expiryWarningDays }) },
          { title: t('watch.next'), cell: (w) => (w.nextNotification ? t('watch.nextAt', { when: when(w.nextNotification.from), days: w.nextNotification.thresholdDays }) : w.inUse ? t('watch.noChannel') : t('watch.notInUse')) },
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
