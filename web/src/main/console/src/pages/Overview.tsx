import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Card, CardBody, CardTitle, Gallery, Label, List, ListItem, Spinner } from '@patternfly/react-core';
import { get } from '../api';
import { ProblemAlert, Screen } from '../components';
import { expiryBand, formatDateTime } from '../format';
import { CertificateView, PairView } from '../types';
import { useLoad } from '../useLoad';
import { attentionOf } from '../attention';

const SHOWN = 5;

export function Overview() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad(
    () => Promise.all([get<PairView[]>('pairs?limit=1000'), get<CertificateView[]>('certificates?expiringWithinDays=60&limit=1000')]),
    [],
  );
  if (error) return <Screen title={t('overview.title')}><ProblemAlert error={error} /></Screen>;
  if (!data) return <Screen title={t('overview.title')}><Spinner aria-label={t('common.loading')} /></Screen>;
  const [pairs, certificates] = data;
  const attention = attentionOf(pairs);
  const bands = ['expired', 'within15', 'within30', 'within60'] as const;
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);

  // The first few of each kind; the rest are one click away in the list they belong to.
  const card = (id: string, title: string, count: number, items: JSX.Element[], more: string) => (
    <Card id={id} isCompact>
      <CardTitle>
        {title} <Label color={count ? 'red' : 'green'}>{count}</Label>
      </CardTitle>
      <CardBody>
        {count ? <List>{items.slice(0, SHOWN)}</List> : t('overview.nothing')}
        {count > SHOWN && <Link to={more}>{t('overview.more', { count: count - SHOWN })}</Link>}
      </CardBody>
    </Card>
  );

  return (
    <Screen title={t('overview.title')}>
      <Gallery hasGutter minWidths={{ default: '320px' }}>
        {card('attention-out-of-sync', t('overview.outOfSync'), attention.outOfSync.length,
          attention.outOfSync.map(({ pair, node }) => (
            <ListItem key={node.id}>
              <Link to={`/pairs/${pair.id}`}>{pair.name} / {node.name}</Link> — {t('overview.publishedApplied', { published: node.publishedVersion, applied: node.appliedConfigVersion ?? '—' })} ({t('overview.since', { when: when(node.publishedAt) })})
            </ListItem>
          )), '/pairs')}
        {card('attention-split-brain', t('overview.splitBrain'), attention.splitBrain.length,
          attention.splitBrain.map((pair) => (
            <ListItem key={pair.id}><Link to={`/pairs/${pair.id}`}>{pair.name}</Link></ListItem>
          )), '/pairs')}
        {card('attention-not-reporting', t('overview.notReporting'), attention.notReporting.length,
          attention.notReporting.map(({ pair, node }) => (
            <ListItem key={node.id}>
              <Link to={`/pairs/${pair.id}`}>{pair.name} / {node.name}</Link> — {t('overview.lastHeartbeat', { when: when(node.lastHeartbeatAt) })}
            </ListItem>
          )), '/pairs')}
        {card('attention-publication-failing', t('overview.publicationFailing'), attention.publicationFailing.length,
          attention.publicationFailing.map(({ pair, node }) => (
            <ListItem key={node.id}>
              <Link to={`/pairs/${pair.id}`}>{pair.name} / {node.name}</Link> — {node.publicationFailure} ({t('overview.since', { when: when(node.publicationFailedAt) })})
            </ListItem>
          )), '/pairs')}
        {card('attention-rejected', t('overview.rejected'), attention.rejected.length,
          attention.rejected.map(({ pair, node }) => (
            <ListItem key={node.id}>
              <Link to={`/pairs/${pair.id}`}>{pair.name} / {node.name}</Link> — {node.rejectedCode}: {node.rejectedReason}
            </ListItem>
          )), '/pairs')}
        {bands.map((band) => {
          const inBand = certificates.filter((c) => expiryBand(c.daysLeft, c.expired) === band);
          return card(`attention-certificates-${band}`, t(`band.${band}`), inBand.length,
            inBand.slice(0, SHOWN).map((c) => (
              <ListItem key={c.id}>
                <Link to={`/certificates/${c.id}`}>{c.subject}</Link> — {when(c.notAfter)}
              </ListItem>
            )), `/certificates?band=${band}`);
        })}
      </Gallery>
    </Screen>
  );
}
