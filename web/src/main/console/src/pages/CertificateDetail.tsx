import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FormEvent, useState } from 'react';
import { ActionGroup, Alert, Button, Checkbox, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Form, FormGroup, Label, TextInput, Title } from '@patternfly/react-core';
import { download, get } from '../api';
import { canManageUsers, useSession } from '../session';
import { ProblemAlert, Screen } from '../components';
import { BAND_COLOR, expiryBand, formatDateTime } from '../format';
import { CertificateUse, CertificateView } from '../types';
import { DataTable } from '../components';
import { useLoad } from '../useLoad';

export function CertificateDetail() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { data: c, error } = useLoad(() => get<CertificateView>(`certificates/${id}`), [id]);
  if (error) return <Screen title={t('certificates.detail')}><ProblemAlert error={error} /></Screen>;
  if (!c) return <Screen title={t('certificates.detail')}>{t('common.loading')}</Screen>;
  const band = expiryBand(c.daysLeft, c.expired);
  const rows: [string, React.ReactNode][] = [
    [t('certificates.subject'), c.subject],
    [t('certificates.issuer'), c.issuerCertificateId ? <Link to={`/certificates/${c.issuerCertificateId}`}>{c.issuer}</Link> : c.issuer],
    [t('certificates.serial'), c.serialNumber],
    [t('certificates.notBefore'), formatDateTime(c.notBefore, i18n.language)],
    [t('certificates.notAfter'), <>{formatDateTime(c.notAfter, i18n.language)} <Label color={BAND_COLOR[band]}>{t(`band.${band}`)}</Label></>],
    [t('certificates.key'), `${c.keyAlgorithm} ${c.keySize}` + (c.hasPrivateKey ? ` · ${t('certificates.withKey')}` : '')],
    [t('certificates.kind'), c.ca ? t('certificates.ca') : t('certificates.endEntity')],
    [t('certificates.sans'), c.subjectAltNames.join(', ') || '—'],
    [t('certificates.fingerprint'), <code>{c.sha256Fingerprint}</code>],
    [t('certificates.origin'), c.origin],
  ];
  return (
    <Screen title={`${t('certificates.detail')}: ${c.subject}`}>
      <DescriptionList isHorizontal id="certificate-detail">
        {rows.map(([term, value]) => (
          <DescriptionListGroup key={term}>
            <DescriptionListTerm>{term}</DescriptionListTerm>
            <DescriptionListDescription>{value}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
      <WhereUsed id={c.id} />
      {c.hasPrivateKey && <ExportPkcs12 certificate={c} />}
    </Screen>
  );
}

/**
 * PKCS#12 export of the certificate with its private key: admins only (the server refuses others),
 * after saying in so many words that the key leaves Zengate; audited by the server.
 */
function ExportPkcs12({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!canManageUsers(session.role)) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await download('POST', `certificates/${certificate.id}/export`, 'application/x-pkcs12', `certificate-${certificate.id}.p12`, { passphrase });
      setError(null);
      setPassphrase('');
      setConfirmed(false);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form onSubmit={submit} id="export-pkcs12" className="pf-v6-u-mt-lg" isWidthLimited>
      <Title headingLevel="h2">{t('certificates.export')}</Title>
      <Alert variant="warning" isInline title={t('certificates.exportWarning')} />
      <ProblemAlert error={error} />
      <FormGroup label={t('certificates.exportPassphrase')} isRequired fieldId="export-passphrase">
        <TextInput id="export-passphrase" type="password" value={passphrase} onChange={(_e, v) => setPassphrase(v)} autoComplete="new-password" />
      </FormGroup>
      <Checkbox id="export-confirm" label={t('certificates.exportConfirm')} isChecked={confirmed} onChange={(_e, v) => setConfirmed(v)} />
      <ActionGroup>
        <Button type="submit" variant="danger" id="export-submit" isDisabled={!confirmed}>{t('certificates.exportButton')}</Button>
      </ActionGroup>
    </Form>
  );
}

const USE_LINK: Record<CertificateUse['kind'], (u: CertificateUse) => string> = {
  'virtual-server': (u) => `/virtual-servers/${u.id}`,
  'virtual-client': (u) => `/virtual-clients/${u.id}`,
  'trust-store': () => '/trust-stores',
  issuer: (u) => `/certificates/${u.id}`,
};

/** What uses this certificate: what breaks when it expires or is replaced. */
function WhereUsed({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => get<CertificateUse[]>(`certificates/${id}/usage`), [id]);
  return (
    <section className="pf-v6-u-mt-lg">
      <Title headingLevel="h2">{t('usage.title')}</Title>
      <ProblemAlert error={error} />
      <DataTable
        id="certificate-usage"
        label={t('usage.title')}
        rows={data ?? []}
        rowKey={(u) => `${u.kind}-${u.id}-${u.role}`}
        columns={[
          { title: t('usage.kind'), cell: (u) => t(`usage.${u.kind}`) },
          { title: t('usage.name'), cell: (u) => <Link to={USE_LINK[u.kind](u)}>{u.name}</Link> },
          { title: t('vs.pair'), cell: (u) => (u.pairId ? <Link to={`/pairs/${u.pairId}`}>{u.pairName}</Link> : '—') },
          { title: t('usage.role'), cell: (u) => t(`usage.role-${u.role}`) },
        ]}
      />
    </section>
  );
}
