import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Card, CardBody, CardTitle, Gallery, Label, List, ListItem, Spinner } from '@patternfly/react-core';
import { get } from '../api';
import { ProblemAlert, Screen } from '../components';
import { formatDateTime } from '../format';
import { AttentionItem, AttentionView } from '../types';
import { useLoad } from '../useLoad';

const SHOWN = 5;

export function Overview() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad(
    () => get<AttentionView>('attention'),
    [],
  );
  if (error) return <Screen title={t('overview.title')}><ProblemAlert error={error} /></Screen>;
  if (!data) return <Screen title={t('overview.title')}><Spinner aria-label={t('common.loading')} /></Screen>;
  const attention = data;
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

  // Nodes of one kind: the server counts over every pair and sends the oldest few.
  const nodeCard = (id: string, title: string, kind: { count: number; first: AttentionItem[] }, what: (i: AttentionItem) => string) =>
    card(id, title, kind.count,
      kind.first.map((i) => (
        <ListItem key={`${i.pairId}/${i.nodeName}`}>
          <Link to={`/pairs/${i.pairId}`}>{i.pairName} / {i.nodeName}</Link> — {what(i)}
        </ListItem>
      )), '/pairs');

  return (
    <Screen title={t('overview.title')}>
      <Gallery hasGutter minWidths={{ default: '320px' }}>
        {nodeCard('attention-out-of-sync', t('overview.outOfSync'), attention.outOfSync, (i) =>
          `${t('overview.publishedApplied', { published: i.publishedVersion, applied: i.appliedVersion ?? '—' })} (${t('overview.since', { when: when(i.since) })})`)}
        {card('attention-split-brain', t('overview.splitBrain'), attention.splitBrain.count,
          attention.splitBrain.first.map((i) => (
            <ListItem key={i.pairId}><Link to={`/pairs/${i.pairId}`}>{i.pairName}</Link></ListItem>
          )), '/pairs')}
        {nodeCard('attention-not-reporting', t('overview.notReporting'), attention.notReporting, (i) => t('overview.lastHeartbeat', { when: when(i.since) }))}
        {nodeCard('attention-publication-failing', t('overview.publicationFailing'), attention.publicationFailing, (i) => `${i.detail} (${t('overview.since', { when: when(i.since) })})`)}
        {nodeCard('attention-rejected', t('overview.rejected'), attention.rejected, (i) => i.detail ?? '')}
        {bands.map((band) =>
          card(`attention-certificates-${band}`, t(`band.${band}`), attention.certificates[band].count,
            attention.certificates[band].first.map((c) => (
              <ListItem key={c.id}>
                <Link to={`/certificates/${c.id}`}>{c.subject}</Link> — {when(c.notAfter)}
              </ListItem>
            )), `/certificates?band=${band}`),
        )}
      </Gallery>
    </Screen>
  );
}
