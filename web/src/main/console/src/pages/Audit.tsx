import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Form, FormGroup, Grid, GridItem, TextInput } from '@patternfly/react-core';
import { download, get } from '../api';
import { DataTable, ProblemAlert, Screen } from '../components';
import { formatDateTime } from '../format';
import { AuditEventView } from '../types';
import { useLoad } from '../useLoad';

const FILTERS = ['actor', 'objectType', 'action', 'from', 'to'] as const;

interface ChainVerification {
  intact: boolean;
  eventsChecked: number;
  firstBrokenEventId: number | null;
  problem: string | null;
}

export function Audit() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<Record<string, string>>(Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])));
  const query = new URLSearchParams([...params.entries()].filter(([k, v]) => (FILTERS as readonly string[]).includes(k) && v));
  query.set('limit', '200');
  const { data, error } = useLoad(() => Promise.all([get<AuditEventView[]>(`audit?${query}`), get<ChainVerification>('audit/verify')]), [params.toString()]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)));
  };
  const exportCsv = () => download('GET', `audit?${query}`, 'text/csv', 'zengate-audit.csv');
  const verification = data?.[1];
  return (
    <Screen title={t('audit.title')} actions={<Button id="export-csv" variant="secondary" onClick={() => void exportCsv()}>{t('audit.export')}</Button>}>
      {verification && (
        <Alert id="chain-verification" isInline className="pf-v6-u-mb-md" variant={verification.intact ? 'success' : 'danger'}
          title={verification.intact ? t('audit.intact', { events: verification.eventsChecked }) : t('audit.broken', { id: verification.firstBrokenEventId })}>
          {verification.problem}
        </Alert>
      )}
      <Form onSubmit={submit} className="pf-v6-u-mb-md">
        <Grid hasGutter md={2}>
          {FILTERS.map((f) => (
            <GridItem key={f}>
              <FormGroup label={t(`audit.${f}`)} fieldId={`audit-${f}`}>
                <TextInput id={`audit-${f}`} value={draft[f]} placeholder={f === 'from' || f === 'to' ? '2026-12-01T00:00:00+09:00' : ''} onChange={(_e, v) => setDraft((d) => ({ ...d, [f]: v }))} />
              </FormGroup>
            </GridItem>
          ))}
          <GridItem>
            <Button type="submit" id="audit-filter" className="pf-v6-u-mt-lg">{t('audit.filter')}</Button>
          </GridItem>
        </Grid>
      </Form>
      <ProblemAlert error={error} />
      <DataTable
        id="audit-table"
        label={t('audit.title')}
        rows={data?.[0] ?? []}
        rowKey={(e) => e.id}
        columns={[
          { title: t('audit.when'), cell: (e) => formatDateTime(e.occurredAt, i18n.language) },
          { title: t('audit.actor'), cell: (e) => `${e.actor} (${e.sourceAddress ?? ''})` },
          { title: t('audit.action'), cell: (e) => e.action },
          { title: t('audit.object'), cell: (e) => `${e.objectType} ${e.objectId ?? ''}` },
          { title: t('audit.change'), cell: (e) => <ChangeCell before={e.before} after={e.after} /> },
        ]}
      />
    </Screen>
  );
}

function ChangeCell({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  if (!before && !after) return <>—</>;
  return (
    <details>
      <summary>{t('audit.showChange')}</summary>
      {before && <pre className="zg-command">− {before}</pre>}
      {after && <pre className="zg-command">+ {after}</pre>}
    </details>
  );
}
