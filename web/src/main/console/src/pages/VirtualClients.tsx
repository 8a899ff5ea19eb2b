import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from '@patternfly/react-core';
import { get } from '../api';
import { DataTable, ProblemAlert, Screen } from '../components';
import { canEdit, useSession } from '../session';
import { PairView, VirtualClientView } from '../types';
import { useLoad } from '../useLoad';

export function VirtualClients() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { data, error } = useLoad(() => Promise.all([get<VirtualClientView[]>('virtual-clients'), get<PairView[]>('pairs?limit=1000')]), []);
  const pairName = (id: number) => data?.[1].find((p) => p.id === id)?.name ?? `#${id}`;
  return (
    <Screen
      title={t('vc.title')}
      actions={canEdit(session.role) && (
        <Link to="/virtual-clients/new"><Button id="new-virtual-client" component="span">{t('vc.create')}</Button></Link>
      )}
    >
      <ProblemAlert error={error} />
      <DataTable
        id="virtual-clients-table"
        label={t('vc.title')}
        rows={data?.[0] ?? []}
        rowKey={(c) => c.id}
        columns={[
          { title: t('vc.name'), cell: (c) => <Link to={`/virtual-clients/${c.id}`}>{c.name}</Link> },
          { title: t('vs.pair'), cell: (c) => <Link to={`/pairs/${c.pairId}`}>{pairName(c.pairId)}</Link> },
          { title: t('vc.listen'), cell: (c) => `${c.listenAddress}:${c.listenPort}` },
          { title: t('vc.target'), cell: (c) => `${c.targetHost}:${c.targetPort}` },
          { title: t('vc.rules'), cell: (c) => (c.clientCertificateRules ?? []).length },
          { title: t('vc.revocation'), cell: (c) => t(`revocation.${c.revocation}`) },
        ]}
      />
    </Screen>
  );
}
