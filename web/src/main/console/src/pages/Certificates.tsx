import { ChangeEvent, FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ActionGroup, Button, Form, FormGroup, FormSelect, FormSelectOption, Label, TextInput, Title, ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import { api, apiUrl, get } from '../api';
import { readFile, subjectAltNames, uploadBody } from '../certificateUpload';
import { curlCommand } from '../commands';
import { CurlCall, DataTable, ProblemAlert, Screen } from '../components';
import { BAND_COLOR, expiryBand, ExpiryBand, formatDateTime } from '../format';
import { canEdit, useSession } from '../session';
import { CertificateView } from '../types';
import { useLoad } from '../useLoad';

const BANDS: (ExpiryBand | 'all')[] = ['all', 'expired', 'within15', 'within30', 'within60', 'later'];
const WITHIN: Partial<Record<ExpiryBand | 'all', number>> = { expired: 0, within15: 15, within30: 30, within60: 60 };
const PAGE = 100;

export function Certificates() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const band = (params.get('band') ?? 'all') as ExpiryBand | 'all';
  const offset = Number(params.get('offset') ?? 0);
  // Paged on the server (10,000 certificates are not one screen); a band up to 60 days is asked
  // of the server too, then narrowed to the band here.
  const { data, error, reload } = useLoad(
    () => get<CertificateView[]>(`certificates?limit=${PAGE}&offset=${offset}` + (WITHIN[band] !== undefined ? `&expiringWithinDays=${WITHIN[band]}` : '')),
    [band, offset],
  );
  const rows = (data ?? []).filter((c) => band === 'all' || expiryBand(c.daysLeft, c.expired) === band);
  const go = (next: { band?: string; offset?: number }) => {
    const p = new URLSearchParams();
    const b = next.band ?? band;
    if (b !== 'all') p.set('band', b);
    if (next.offset) p.set('offset', String(next.offset));
    setParams(p);
  };
  return (
    <Screen title={t('certificates.title')}>
      {canEdit(session.role) && <ImportCertificate onImported={reload} />}
      {canEdit(session.role) && <CertificateRequests onIssued={reload} />}
      <ToggleGroup aria-label={t('certificates.band')} className="pf-v6-u-mb-md">
        {BANDS.map((b) => (
          <ToggleGroupItem key={b} text={t(`band.${b}`)} buttonId={`band-${b}`} isSelected={band === b} onChange={() => go({ band: b, offset: 0 })} />
        ))}
      </ToggleGroup>
      <div className="pf-v6-u-mb-md">
        <Button variant="secondary" isDisabled={offset === 0} onClick={() => go({ offset: Math.max(0, offset - PAGE) })}>{t('common.previous')}</Button>{' '}
        <Button variant="secondary" isDisabled={!data || data.length < PAGE} onClick={() => go({ offset: offset + PAGE })}>{t('common.next')}</Button>{' '}
        {t('common.rows', { from: offset + 1, to: offset + (data?.length ?? 0) })}
      </div>
      <ProblemAlert error={error} />
      <DataTable
        id="certificates-table"
        label={t('certificates.title')}
        rows={rows}
        rowKey={(c) => c.id}
        columns={[
          { title: t('certificates.subject'), cell: (c) => <Link to={`/certificates/${c.id}`}>{c.subject}</Link> },
          { title: t('certificates.issuer'), cell: (c) => c.issuer },
          { title: t('certificates.key'), cell: (c) => `${c.keyAlgorithm} ${c.keySize}` + (c.hasPrivateKey ? ` · ${t('certificates.withKey')}` : '') },
          { title: t('certificates.kind'), cell: (c) => (c.ca ? t('certificates.ca') : t('certificates.endEntity')) },
          { title: t('certificates.notAfter'), cell: (c) => formatDateTime(c.notAfter, i18n.language) },
          { title: t('certificates.expiry'), cell: (c) => { const b = expiryBand(c.daysLeft, c.expired); return <Label color={BAND_COLOR[b]}>{t(`band.${b}`)} ({t('certificates.daysLeft', { days: c.daysLeft })})</Label>; } },
        ]}
      />
    </Screen>
  );
}

function ImportCertificate({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [passphrase, setPassphrase] = useState('');
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const file = await readFile(form.querySelector<HTMLInputElement>('#certificate-file'));
    if (!file) {
      setError(t('certificates.chooseFile'));
      return;
    }
    const keyFile = await readFile(form.querySelector<HTMLInputElement>('#key-file'));
    try {
      const { data } = await api<{ certificate: CertificateView; warnings: string[] }>('POST', 'certificates', uploadBody(file, keyFile, passphrase));
      onImported();
      navigate(`/certificates/${data.certificate.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form onSubmit={submit} id="import-certificate" className="pf-v6-u-mb-lg">
      <Title headingLevel="h2">{t('certificates.import')}</Title>
      <ProblemAlert error={error} />
      <FormGroup label={t('certificates.file')} isRequired fieldId="certificate-file">
        <input id="certificate-file" type="file" accept=".pem,.crt,.cer,.der,.p12,.pfx" onChange={(e: ChangeEvent<HTMLInputElement>) => setFileName(e.target.files?.[0]?.name ?? '')} />
      </FormGroup>
      <FormGroup label={t('certificates.keyFile')} fieldId="key-file">
        <input id="key-file" type="file" accept=".pem,.key" />
      </FormGroup>
      <FormGroup label={t('certificates.passphrase')} fieldId="certificate-passphrase">
        <TextInput id="certificate-passphrase" type="password" value={passphrase} onChange={(_e, v) => setPassphrase(v)} autoComplete="off" />
      </FormGroup>
      <ActionGroup>
        <Button type="submit" id="import-submit">{t('certificates.importButton')}</Button>
      </ActionGroup>
      <CurlCall command={curlCommand('POST', apiUrl('certificates'), { certificates: `<${fileName || 'server.pem'}>`, passphrase: passphrase ? '…' : undefined })} />
    </Form>
  );
}

interface CsrView {
  id: number;
  keyType: string;
  subject: string;
  csr: string;
  certificateId: number | null;
}

const KEY_TYPES = ['EC-P256', 'EC-P384', 'RSA-2048', 'RSA-3072'];

/**
 * The CSR workflow: Zengate makes the key (it never leaves, sealed) and a CSR to download and send
 * to the CA; the certificate the CA issues is uploaded here and joins its key.
 */
function CertificateRequests({ onIssued }: { onIssued: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pending = useLoad(() => get<CsrView[]>('certificates/csr'), []);
  const [keyType, setKeyType] = useState('EC-P256');
  const [subject, setSubject] = useState('');
  const [sans, setSans] = useState('');
  const [error, setError] = useState<unknown>(null);
  const body = { keyType, subject, subjectAltNames: subjectAltNames(sans) };
  const request = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', 'certificates/csr', body);
      setSubject('');
      setSans('');
      setError(null);
      pending.reload();
    } catch (err) {
      setError(err);
    }
  };
  const saveCsr = (csr: CsrView) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csr.csr], { type: 'application/pkcs10' }));
    link.download = `zengate-${csr.id}.csr`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = await readFile(e.currentTarget.querySelector<HTMLInputElement>('#issued-file'));
    if (!file) {
      setError(t('certificates.chooseFile'));
      return;
    }
    try {
      const { data } = await api<{ certificate: CertificateView }>('POST', 'certificates/issued', { certificates: uploadBody(file, null, '').certificates });
      onIssued();
      navigate(`/certificates/${data.certificate.id}`);
    } catch (err) {
      setError(err);
    }
  };
  const waiting = (pending.data ?? []).filter((p) => p.certificateId == null);
  return (
    <>
      <Form onSubmit={request} id="request-certificate" className="pf-v6-u-mb-lg" isWidthLimited>
        <Title headingLevel="h2">{t('csr.title')}</Title>
        <ProblemAlert error={error ?? pending.error} />
        <FormGroup label={t('csr.keyType')} fieldId="csr-key-type">
          <FormSelect id="csr-key-type" value={keyType} onChange={(_e, v) => setKeyType(v)}>
            {KEY_TYPES.map((k) => <FormSelectOption key={k} value={k} label={k} />)}
          </FormSelect>
        </FormGroup>
        <FormGroup label={t('csr.subject')} isRequired fieldId="csr-subject">
          <TextInput id="csr-subject" value={subject} onChange={(_e, v) => setSubject(v)} placeholder="CN=gw.example.co.jp,O=Example Bank" />
        </FormGroup>
        <FormGroup label={t('csr.sans')} fieldId="csr-sans">
          <TextInput id="csr-sans" value={sans} onChange={(_e, v) => setSans(v)} placeholder="gw.example.co.jp, 192.0.2.10" />
        </FormGroup>
        <ActionGroup>
          <Button type="submit" id="csr-submit">{t('csr.make')}</Button>
        </ActionGroup>
        <CurlCall command={curlCommand('POST', apiUrl('certificates/csr'), body)} />
      </Form>
      {waiting.length > 0 && (
        <Form onSubmit={upload} id="pending-csrs" className="pf-v6-u-mb-lg">
          <Title headingLevel="h3">{t('csr.pending')}</Title>
          <DataTable
            id="pending-csrs-table"
            label={t('csr.pending')}
            rows={waiting}
            rowKey={(p) => p.id}
            columns={[
              { title: t('csr.subject'), cell: (p) => p.subject },
              { title: t('csr.keyType'), cell: (p) => p.keyType },
              { title: '', cell: (p) => <Button variant="link" isInline id={`download-csr-${p.id}`} onClick={() => saveCsr(p)}>{t('csr.download')}</Button> },
            ]}
          />
          <FormGroup label={t('csr.issuedFile')} fieldId="issued-file">
            <input id="issued-file" type="file" accept=".pem,.crt,.cer,.der" />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" id="issued-submit" variant="secondary">{t('csr.upload')}</Button>
          </ActionGroup>
        </Form>
      )}
    </>
  );
}
