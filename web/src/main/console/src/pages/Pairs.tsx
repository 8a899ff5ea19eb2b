import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ActionGroup, Button, Form, FormGroup, Label, SearchInput, TextInput, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { api, apiUrl, get } from '../api';
import { curlCommand } from '../commands';
import { CurlCall, DataTable, FieldError, ProblemAlert, Screen } from '../components';
import { formatDateTime } from '../format';
import { fieldOfProblem, PAIR_FIELDS } from '../problems';
import { canEdit, useSession } from '../session';
import { PairView } from '../types';
import { useLoad } from '../useLoad';

const PAGE = 50;

export function Pairs() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const [search, setSearch] = useState(q);
  const { data, error } = useLoad(
    () => get<PairView[]>(`pairs?limit=${PAGE}&offset=${offset}` + (q ? `&q=${encodeURIComponent(q)}` : '')),
    [q, offset],
  );
  const go = (next: { q?: string; offset?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    if (nq) p.set('q', nq);
    if (next.offset) p.set('offset', String(next.offset));
    setParams(p);
  };
  const master = (pair: PairView) => pair.nodes.find((n) => n.live && n.reportedRole === 'MASTER')?.name ?? '—';
  const lastHeartbeat = (pair: PairView) =>
    pair.nodes.map((n) => n.lastHeartbeatAt).filter(Boolean).sort().pop() ?? null;

  return (
    <Screen title={t('pairs.title')}>
      {canEdit(session.role) && <CreatePair />}
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <SearchInput
              aria-label={t('pairs.search')}
              placeholder={t('pairs.search')}
              value={search}
              onChange={(_e, v) => setSearch(v)}
              onSearch={(_e, v) => go({ q: v, offset: 0 })}
              onClear={() => { setSearch(''); go({ q: '', offset: 0 }); }}
            />
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" isDisabled={offset === 0} onClick={() => go({ offset: Math.max(0, offset - PAGE) })}>{t('common.previous')}</Button>{' '}
            <Button variant="secondary" isDisabled={!data || data.length < PAGE} onClick={() => go({ offset: offset + PAGE })}>{t('common.next')}</Button>{' '}
            {t('common.rows', { from: offset + 1, to: offset + (data?.length ?? 0) })}
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ProblemAlert error={error} />
      <DataTable
        id="pairs-table"
        label={t('pairs.title')}
        rows={data ?? []}
        rowKey={(p) => p.id}
        columns={[
          { title: t('pairs.name'), cell: (p) => <Link to={`/pairs/${p.id}`}>{p.name}</Link> },
          { title: t('pairs.site'), cell: (p) => p.site ?? '' },
          { title: t('pairs.master'), cell: master },
          {
            title: t('pairs.sync'),
            cell: (p) =>
              p.nodes.length === 0 ? <Label color="grey">{t('pairs.noNodes')}</Label>
              : p.nodes.every((n) => n.inSync) ? <Label color="green">{t('pairs.inSync')}</Label>
              : <Label color="orange">{t('pairs.outOfSync')}</Label>,
          },
          { title: t('pairs.lastHeartbeat'), cell: (p) => formatDateTime(lastHeartbeat(p), i18n.language) },
        ]}
      />
    </Screen>
  );
}

function CreatePair() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [site, setSite] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const body = { name, site: site || null };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { data } = await api<PairView>('POST', 'pairs', body);
      navigate(`/pairs/${data.id}`);
    } catch (err) {
      const field = err instanceof Error ? fieldOfProblem(err.message, PAIR_FIELDS) : null;
      setFieldErrors(field ? { [field]: (err as Error).message } : {});
      setError(field ? null : err);
    }
  };
  return (
    <Form onSubmit={submit} className="pf-v6-u-mb-lg" id="create-pair">
      <ProblemAlert error={error} />
      <FormGroup label={t('pairs.name')} isRequired fieldId="pair-name">
        <TextInput id="pair-name" value={name} onChange={(_e, v) => setName(v)} validated={fieldErrors.name ? 'error' : 'default'} />
        <FieldError id="pair-name-error" message={fieldErrors.name} />
      </FormGroup>
      <FormGroup label={t('pairs.site')} fieldId="pair-site">
        <TextInput id="pair-site" value={site} onChange={(_e, v) => setSite(v)} />
      </FormGroup>
      <ActionGroup>
        <Button type="submit" id="create-pair-submit">{t('pairs.create')}</Button>
      </ActionGroup>
      <CurlCall command={curlCommand('POST', apiUrl('pairs'), body)} />
    </Form>
  );
}
