import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ActionGroup, Button, Form, FormGroup, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { api, apiUrl, get } from '../api';
import { curlCommand } from '../commands';
import { CurlCall, FieldError, ProblemAlert, Screen } from '../components';
import { fieldOfProblem, VIRTUAL_SERVER_FIELDS } from '../problems';
import { canEdit, useSession } from '../session';
import { CertificateView, PairView, TrustStoreView, VirtualServerView } from '../types';
import { useLoad } from '../useLoad';

const CLIENT_AUTH = ['NONE', 'OPTIONAL', 'REQUIRED'];
const REVOCATION = ['NONE', 'OCSP', 'CRL', 'BOTH'];
const NO_AIA = ['REJECT', 'ACCEPT'];

interface Draft {
  pairId: string;
  name: string;
  bindAddress: string;
  bindPort: string;
  targetAddress: string;
  targetPort: string;
  certificateId: string;
  clientAuth: string;
  clientTrustStoreId: string;
  revocation: string;
  noAiaPolicy: string;
}

const EMPTY: Draft = { pairId: '', name: '', bindAddress: '0.0.0.0', bindPort: '55020', targetAddress: '', targetPort: '5020', certificateId: '', clientAuth: 'NONE', clientTrustStoreId: '', revocation: 'NONE', noAiaPolicy: 'REJECT' };

/** The JSON the API takes; numbers stay as typed when they are not numbers, so the server names them. */
export function virtualServerBody(d: Draft) {
  const number = (v: string) => (v.trim() === '' ? null : Number.isNaN(Number(v)) ? v : Number(v));
  return {
    pairId: number(d.pairId),
    name: d.name,
    bindAddress: d.bindAddress,
    bindPort: number(d.bindPort),
    targetAddress: d.targetAddress,
    targetPort: number(d.targetPort),
    certificateId: number(d.certificateId),
    clientAuth: d.clientAuth,
    clientTrustStoreId: number(d.clientTrustStoreId),
    revocation: d.revocation,
    noAiaPolicy: d.noAiaPolicy,
  };
}

export function VirtualServerForm() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const editing = id !== undefined;
  const readOnly = !canEdit(session.role);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [etag, setEtag] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { data: choices } = useLoad(
    () => Promise.all([get<PairView[]>('pairs?limit=1000'), get<CertificateView[]>('certificates?limit=1000'), get<TrustStoreView[]>('trust-stores')]),
    [],
  );
  useEffect(() => {
    if (!editing) return;
    api<VirtualServerView>('GET', `virtual-servers/${id}`)
      .then(({ data: v, etag: e }) => {
        setEtag(e);
        setDraft({ pairId: String(v.pairId), name: v.name, bindAddress: v.bindAddress, bindPort: String(v.bindPort), targetAddress: v.targetAddress, targetPort: String(v.targetPort), certificateId: String(v.certificateId), clientAuth: v.clientAuth, clientTrustStoreId: v.clientTrustStoreId == null ? '' : String(v.clientTrustStoreId), revocation: v.revocation, noAiaPolicy: v.noAiaPolicy });
      })
      .catch(setError);
  }, [editing, id]);

  const set = (field: keyof Draft) => (_e: unknown, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const body = virtualServerBody(draft);
  const method = editing ? 'PUT' : 'POST';
  const path = editing ? `virtual-servers/${id}` : 'virtual-servers';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api(method, path, body, etag);
      navigate('/virtual-servers');
    } catch (err) {
      const field = err instanceof Error ? fieldOfProblem(err.message, VIRTUAL_SERVER_FIELDS) : null;
      setFieldErrors(field ? { [field]: (err as Error).message } : {});
      setError(field ? null : err);
    }
  };

  const text = (field: keyof Draft, label: string, required = true) => (
    <FormGroup label={label} isRequired={required} fieldId={`vs-${field}`}>
      <TextInput id={`vs-${field}`} value={draft[field]} onChange={set(field)} isDisabled={readOnly || (editing && field === 'name')} validated={fieldErrors[field] ? 'error' : 'default'} />
      <FieldError id={`vs-${field}-error`} message={fieldErrors[field]} />
    </FormGroup>
  );
  const select = (field: keyof Draft, label: string, options: { value: string; label: string }[], required = true) => (
    <FormGroup label={label} isRequired={required} fieldId={`vs-${field}`}>
      <FormSelect id={`vs-${field}`} value={draft[field]} onChange={set(field)} isDisabled={readOnly || (editing && field === 'pairId')} validated={fieldErrors[field] ? 'error' : 'default'}>
        {options.map((o) => <FormSelectOption key={o.value} value={o.value} label={o.label} />)}
      </FormSelect>
      <FieldError id={`vs-${field}-error`} message={fieldErrors[field]} />
    </FormGroup>
  );
  const [pairs, certificates, stores] = choices ?? [[], [], []];
  const none = { value: '', label: t('common.choose') };

  return (
    <Screen title={editing ? `${t('vs.title')}: ${draft.name}` : t('vs.create')}>
      <ProblemAlert error={error} />
      <Form onSubmit={submit} id="virtual-server-form" isWidthLimited>
        {select('pairId', t('vs.pair'), [none, ...pairs.map((p) => ({ value: String(p.id), label: p.name }))])}
        {text('name', t('vs.name'))}
        {text('bindAddress', t('vs.bindAddress'))}
        {text('bindPort', t('vs.bindPort'))}
        {text('targetAddress', t('vs.targetAddress'))}
        {text('targetPort', t('vs.targetPort'))}
        {select('certificateId', t('vs.certificate'), [none, ...certificates.filter((c) => c.hasPrivateKey).map((c) => ({ value: String(c.id), label: `${c.subject} (${c.keyAlgorithm} ${c.keySize})` }))])}
        {select('clientAuth', t('vs.clientAuth'), CLIENT_AUTH.map((v) => ({ value: v, label: t(`clientAuth.${v}`) })))}
        {select('clientTrustStoreId', t('vs.clientTrustStore'), [{ value: '', label: t('common.notUsed') }, ...stores.map((s) => ({ value: String(s.id), label: s.name }))], false)}
        {select('revocation', t('vs.revocation'), REVOCATION.map((v) => ({ value: v, label: t(`revocation.${v}`) })))}
        {select('noAiaPolicy', t('vs.noAia'), NO_AIA.map((v) => ({ value: v, label: t(`noAia.${v}`) })))}
        {!readOnly && (
          <ActionGroup>
            <Button type="submit" id="virtual-server-submit">{t('common.save')}</Button>
            <Button variant="link" onClick={() => navigate('/virtual-servers')}>{t('common.cancel')}</Button>
          </ActionGroup>
        )}
        <CurlCall command={curlCommand(method, apiUrl(path), body, etag)} />
      </Form>
    </Screen>
  );
}
