import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get } from '../api';
import { VIRTUAL_SERVER_FIELDS } from '../problems';
import { CertificateView, CipherSuiteView, PairView, TrustStoreView } from '../types';
import { useLoad } from '../useLoad';
import { FieldSpec, Option, ResourceForm } from './ResourceForm';

export const CLIENT_AUTH = ['NONE', 'OPTIONAL', 'REQUIRED'];
export const REVOCATION = ['NONE', 'OCSP', 'CRL', 'BOTH'];
export const NO_AIA = ['REJECT', 'ACCEPT'];

/** Pairs, certificates and trust stores a listener form chooses from. */
export function useListenerChoices() {
  const { data } = useLoad(
    () =>
      Promise.all([
        get<PairView[]>('pairs?limit=1000'),
        get<CertificateView[]>('certificates?limit=1000'),
        get<TrustStoreView[]>('trust-stores'),
        get<CipherSuiteView[]>('cipher-suites'),
      ]),
    [],
  );
  return data ?? [[], [], [], []];
}

export const PROTOCOL_OPTIONS: Option[] = ['TLSv1.2', 'TLSv1.3'].map((p) => ({ value: p, label: p }));

/** The suites a certificate's key can authenticate (TLS 1.3's suites work with any key). */
export function suitesFor(suites: CipherSuiteView[], keyAlgorithm: string | undefined): Option[] {
  return suites.filter((s) => s.keyType === 'ANY' || keyAlgorithm === undefined || s.keyType === keyAlgorithm).map((s) => ({ value: s.name, label: s.name }));
}

export function VirtualServerForm() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [pairs, certificates, stores, suites] = useListenerChoices();
  const none: Option = { value: '', label: t('common.choose') };
  const fields: FieldSpec[] = [
    { name: 'pairId', label: t('vs.pair'), kind: 'select', required: true, fixedOnceCreated: true, options: [none, ...pairs.map((p) => ({ value: String(p.id), label: p.name }))] },
    { name: 'name', label: t('vs.name'), kind: 'text', required: true, fixedOnceCreated: true },
    { name: 'bindAddress', label: t('vs.bindAddress'), kind: 'text', required: true, initial: '0.0.0.0' },
    { name: 'bindPort', label: t('vs.bindPort'), kind: 'number', required: true, initial: '55020' },
    { name: 'targetAddress', label: t('vs.targetAddress'), kind: 'text', required: true },
    { name: 'targetPort', label: t('vs.targetPort'), kind: 'number', required: true, initial: '5020' },
    { name: 'certificateId', label: t('vs.certificate'), kind: 'select', required: true, options: [none, ...certificates.filter((c) => c.hasPrivateKey).map((c) => ({ value: String(c.id), label: `${c.subject} (${c.keyAlgorithm} ${c.keySize})` }))] },
    { name: 'clientAuth', label: t('vs.clientAuth'), kind: 'select', required: true, initial: 'NONE', options: CLIENT_AUTH.map((v) => ({ value: v, label: t(`clientAuth.${v}`) })) },
    { name: 'clientTrustStoreId', label: t('vs.clientTrustStore'), kind: 'select', options: [{ value: '', label: t('common.notUsed') }, ...stores.map((s) => ({ value: String(s.id), label: s.name }))] },
    { name: 'revocation', label: t('vs.revocation'), kind: 'select', required: true, initial: 'NONE', options: REVOCATION.map((v) => ({ value: v, label: t(`revocation.${v}`) })) },
    { name: 'noAiaPolicy', label: t('vs.noAia'), kind: 'select', required: true, initial: 'REJECT', options: NO_AIA.map((v) => ({ value: v, label: t(`noAia.${v}`) })) },
    { name: 'protocols', label: t('listener.protocols'), kind: 'choices', options: PROTOCOL_OPTIONS, helper: t('listener.protocolsHelp') },
    {
      name: 'cipherSuites',
      label: t('listener.cipherSuites'),
      kind: 'choices',
      optionsFor: (draft) => suitesFor(suites, certificates.find((c) => String(c.id) === draft.certificateId)?.keyAlgorithm),
      helper: t('listener.cipherSuitesByKey'),
    },
    { name: 'ocspStapling', label: t('vs.ocspStapling'), kind: 'boolean' },
  ];
  return <ResourceForm id={id} collection="virtual-servers" back="/virtual-servers" prefix="vs" formId="virtual-server" title={t('vs.title')} createTitle={t('vs.create')} fields={fields} phrases={VIRTUAL_SERVER_FIELDS} />;
}
