import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ActionGroup, Alert, Button, ClipboardCopy, ClipboardCopyVariant, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Form, FormGroup, Label, TextInput, Title } from '@patternfly/react-core';
import { api, apiUrl, get } from '../api';
import { curlCommand, enrollCommand, serverAddress } from '../commands';
import { CurlCall, DataTable, FieldError, ProblemAlert, Screen } from '../components';
import { formatDateTime } from '../format';
import { fieldOfProblem } from '../problems';
import { canEdit, canEnroll, useSession } from '../session';
import { NodeView, PairStatusView, VirtualServerView } from '../types';
import { useLoad } from '../useLoad';
import { PairNotificationSettings } from './PairNotificationSettings';

interface IssuedEnrollment {
  token: string;
  expiresAt: string;
}

export function PairDetail() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [enrollment, setEnrollment] = useState<{ node: string; command: string; expiresAt: string } | null>(null);
  const [enrollError, setEnrollError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(
    () => Promise.all([get<PairStatusView>(`pairs/${id}/status`), get<VirtualServerView[]>('virtual-servers')]),
    [id],
  );
  if (error) return <Screen title={t('pair.title')}><ProblemAlert error={error} /></Screen>;
  if (!data) return <Screen title={t('pair.title')}>{t('common.loading')}</Screen>;
  const [status, servers] = data;
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);

  const issue = async (node: NodeView) => {
    setEnrollError(null);
    try {
      const { data: issued } = await api<IssuedEnrollment>('POST', `pairs/${id}/nodes/${encodeURIComponent(node.name)}/enrollment`, { validitySeconds: 1800 });
      // Shown once: the server keeps only a hash of the token.
      setEnrollment({ node: node.name, command: enrollCommand(serverAddress(document.baseURI), issued.token), expiresAt: issued.expiresAt });
    } catch (err) {
      setEnrollError(err);
    }
  };

  return (
    <Screen title={`${t('pair.title')}: ${status.pair}`}>
      <DescriptionList isHorizontal isCompact className="pf-v6-u-mb-md">
        <DescriptionListGroup>
          <DescriptionListTerm>{t('pairs.master')}</DescriptionListTerm>
          <DescriptionListDescription id="pair-master">{status.master ?? '—'}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('pairs.sync')}</DescriptionListTerm>
          <DescriptionListDescription>
            {status.splitBrain && <Label color="red">{t('overview.splitBrain')}</Label>}{' '}
            {status.inSync ? <Label color="green">{t('pairs.inSync')}</Label> : <Label color="orange">{t('pairs.outOfSync')}</Label>}{' '}
            {status.inSync ? t('overview.since', { when: when(status.inSyncSince) }) : status.outOfSyncSince ? t('overview.since', { when: when(status.outOfSyncSince) }) : ''}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>

      <Title headingLevel="h2">{t('pair.nodes')}</Title>
      <ProblemAlert error={enrollError} />
      {enrollment && (
        <Alert variant="info" isInline title={t('pair.enrollmentIssued', { node: enrollment.node, when: when(enrollment.expiresAt) })} className="pf-v6-u-mb-md" id="enrollment">
          <p>{t('pair.enrollmentOnce')}</p>
          <ClipboardCopy isCode isReadOnly variant={ClipboardCopyVariant.expansion} isExpanded hoverTip={t('common.copy')} clickTip={t('common.copied')} id="enroll-command">
            {enrollment.command}
          </ClipboardCopy>
        </Alert>
      )}
      <DataTable
        id="nodes-table"
        label={t('pair.nodes')}
        rows={status.nodes}
        rowKey={(n) => n.id}
        columns={[
          { title: t('pair.node'), cell: (n) => `${n.name} (${n.host})` },
          { title: t('pair.priority'), cell: (n) => n.priority },
          { title: t('pair.role'), cell: (n) => (n.reportedRole ? t(`nodeRole.${n.reportedRole}`, { defaultValue: n.reportedRole }) : '—') },
          { title: t('pair.published'), cell: (n) => `v${n.publishedVersion}` + (n.publishedHash ? ` ${n.publishedHash.slice(0, 12)}` : '') },
          { title: t('pair.applied'), cell: (n) => (n.appliedConfigVersion == null ? '—' : `v${n.appliedConfigVersion} ${n.appliedConfigHash?.slice(0, 12) ?? ''}`) },
          { title: t('pair.heartbeat'), cell: (n) => <>{n.live ? <Label color="green">{t('pair.live')}</Label> : <Label color="grey">{t('pair.notReporting')}</Label>} {when(n.lastHeartbeatAt)}</> },
          { title: t('pair.connections'), cell: (n) => n.activeConnections ?? '—' },
          { title: t('pair.publicationFailure'), cell: (n) => (n.publicationFailedAt ? `${n.publicationFailure} (${t('overview.since', { when: when(n.publicationFailedAt) })})` : '—') },
          { title: t('pair.lastRejection'), cell: (n) => (n.rejectedCode ? `${n.rejectedCode}: ${n.rejectedReason} (${when(n.rejectedAt)})` : '—') },
          {
            title: t('pair.enrollment'),
            cell: (n) => (
              <>
                {n.enrolled ? t('pair.enrolledAt', { when: when(n.enrolledAt) }) : t('pair.notEnrolled')}{' '}
                {canEnroll(session.role) && (
                  <Button variant="link" isInline id={`enroll-${n.name}`} onClick={() => void issue(n)}>
                    {t('pair.issueToken')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      {canEdit(session.role) && status.nodes.length < 2 && <AddNode pairId={id!} onAdded={reload} />}

      <Title headingLevel="h2" className="pf-v6-u-mt-lg">{t('pair.listeners')}</Title>
      <DataTable
        label={t('pair.listeners')}
        rows={servers.filter((s) => s.pairId === status.pairId)}
        rowKey={(s) => s.id}
        columns={[
          { title: t('vs.name'), cell: (s) => <Link to={`/virtual-servers/${s.id}`}>{s.name}</Link> },
          { title: t('vs.bind'), cell: (s) => `${s.bindAddress}:${s.bindPort}` },
          { title: t('vs.target'), cell: (s) => `${s.targetAddress}:${s.targetPort}` },
        ]}
      />
      <PairNotificationSettings pairId={String(status.pairId)} />
    </Screen>
  );
}

function AddNode({ pairId, onAdded }: { pairId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [priority, setPriority] = useState('100');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const body = { name, host, priority: Number(priority) };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `pairs/${pairId}/nodes`, body);
      setName('');
      setHost('');
      setError(null);
      setFieldErrors({});
      onAdded();
    } catch (err) {
      const field = err instanceof Error ? fieldOfProblem(err.message, { name: ['name'], host: ['host'], priority: ['priority'] }) : null;
      setFieldErrors(field ? { [field]: (err as Error).message } : {});
      setError(field ? null : err);
    }
  };
  return (
    <Form onSubmit={submit} className="pf-v6-u-mt-md" id="add-node">
      <Title headingLevel="h3">{t('pair.addNode')}</Title>
      <ProblemAlert error={error} />
      <FormGroup label={t('pair.nodeName')} isRequired fieldId="node-name">
        <TextInput id="node-name" value={name} onChange={(_e, v) => setName(v)} validated={fieldErrors.name ? 'error' : 'default'} />
        <FieldError id="node-name-error" message={fieldErrors.name} />
      </FormGroup>
      <FormGroup label={t('pair.host')} isRequired fieldId="node-host">
        <TextInput id="node-host" value={host} onChange={(_e, v) => setHost(v)} validated={fieldErrors.host ? 'error' : 'default'} />
        <FieldError id="node-host-error" message={fieldErrors.host} />
      </FormGroup>
      <FormGroup label={t('pair.priority')} fieldId="node-priority">
        <TextInput id="node-priority" type="number" value={priority} onChange={(_e, v) => setPriority(v)} validated={fieldErrors.priority ? 'error' : 'default'} />
        <FieldError id="node-priority-error" message={fieldErrors.priority} />
      </FormGroup>
      <ActionGroup>
        <Button type="submit" id="add-node-submit">{t('pair.addNode')}</Button>
      </ActionGroup>
      <CurlCall command={curlCommand('POST', apiUrl(`pairs/${pairId}/nodes`), body)} />
    </Form>
  );
}
