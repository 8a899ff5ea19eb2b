import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { VIRTUAL_CLIENT_FIELDS } from '../problems';
import { FieldSpec, Option, ResourceForm } from './ResourceForm';
import { NO_AIA, PROTOCOL_OPTIONS, REVOCATION, suitesFor, useListenerChoices } from './VirtualServerForm';

export function VirtualClientForm() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [pairs, certificates, stores, suites] = useListenerChoices();
  const withKey = certificates.filter((c) => c.hasPrivateKey).map((c) => ({ value: String(c.id), label: `${c.subject} (${c.keyAlgorithm} ${c.keySize})` }));
  const none: Option = { value: '', label: t('common.choose') };
  const fields: FieldSpec[] = [
    { name: 'pairId', label: t('vs.pair'), kind: 'select', required: true, fixedOnceCreated: true, options: [none, ...pairs.map((p) => ({ value: String(p.id), label: p.name }))] },
    { name: 'name', label: t('vc.name'), kind: 'text', required: true, fixedOnceCreated: true },
    { name: 'listenAddress', label: t('vc.listenAddress'), kind: 'text', required: true, initial: '0.0.0.0' },
    { name: 'listenPort', label: t('vc.listenPort'), kind: 'number', required: true, initial: '5021' },
    { name: 'targetHost', label: t('vc.targetHost'), kind: 'text', required: true },
    { name: 'targetPort', label: t('vc.targetPort'), kind: 'number', required: true, initial: '55020' },
    { name: 'trustStoreId', label: t('vc.trustStore'), kind: 'select', required: true, options: [none, ...stores.map((s) => ({ value: String(s.id), label: s.name }))] },
    { name: 'verifyName', label: t('vc.verifyName'), kind: 'text' },
    { name: 'clientCertificateId', label: t('vc.clientCertificate'), kind: 'select', options: [{ value: '', label: t('common.notUsed') }, ...withKey] },
    { name: 'clientCertificateRules', label: t('vc.rules'), kind: 'rules', options: [none, ...withKey], helper: t('vc.rulesHelp') },
    { name: 'sourceAddress', label: t('vc.sourceAddress'), kind: 'text' },
    { name: 'revocation', label: t('vc.revocation'), kind: 'select', required: true, initial: 'NONE', options: REVOCATION.map((v) => ({ value: v, label: t(`revocation.${v}`) })) },
    { name: 'noAiaPolicy', label: t('vc.noAia'), kind: 'select', required: true, initial: 'REJECT', options: NO_AIA.map((v) => ({ value: v, label: t(`noAia.${v}`) })) },
    { name: 'protocols', label: t('listener.protocols'), kind: 'choices', options: PROTOCOL_OPTIONS, helper: t('listener.protocolsHelp') },
    // The partner server's key decides which suites work, so every suite is offered.
    { name: 'cipherSuites', label: t('listener.cipherSuites'), kind: 'choices', options: suitesFor(suites, undefined), helper: t('listener.cipherSuitesHelp') },
  ];
  return <ResourceForm id={id} collection="virtual-clients" back="/virtual-clients" prefix="vc" formId="virtual-client" title={t('vc.title')} createTitle={t('vc.create')} fields={fields} phrases={VIRTUAL_CLIENT_FIELDS} />;
}
