import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Label } from '@patternfly/react-core';
import { get } from '../api';
import { ProblemAlert, Screen } from '../components';
import { BAND_COLOR, expiryBand, formatDateTime } from '../format';
import { CertificateView } from '../types';
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
    </Screen>
  );
}
