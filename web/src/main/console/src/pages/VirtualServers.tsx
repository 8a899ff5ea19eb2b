import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from '@patternfly/react-core';
import { get } from '../api';
import { DataTable, ProblemAlert, Screen } from '../components';
import { canEdit, useSession } from '../session';
import { PairView, VirtualServerView } from '../types';
import { useLoad } from '../useLoad';

export function VirtualServers() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { data, error } = useLoad(() => Promise.all([get<VirtualServerView[]>('virtual-servers'), get<PairView[]>('pairs?limit=1000')]), []);
  const pairName = (id: number) => data?.[1].find((p) => p.id === id)?.name ?? `#${id}`;
  return (
    <Screen
      title={t('vs.title')}
      actions={canEdit(session.role) && (
        <Link to="/virtual-servers/new"><Button id="new-virtual-server" component="span">{t('vs.create')}</Button></Link>
      )}
    >
      <ProblemAlert error={error} />
      <DataTable
        id="virtual-servers-table"
        label={t('vs.title')}
        rows={data?.[0] ?? []}
        rowKey={(s) => s.id}
        columns={[
          { title: t('vs.name'), cell: (s) => <Link to={`/virtual-servers/${s.id}`}>{s.name}</Link> },
          { title: t('vs.pair'), cell: (s) => <Link to={`/pairs/${s.pairId}`}>{pairName(s.pairId)}</Link> },
          { title: t('vs.bind'), cell: (s) => `${s.bindAddress}:${s.bindPort}` },
          { title: t('vs.target'), cell: (s) => `${s.targetAddress}:${s.targetPort}` },
          { title: t('vs.clientAuth'), cell: (s) => t(`clientAuth.${s.clientAuth}`) },
          { title: t('vs.revocation'), cell: (s) => t(`revocation.${s.revocation}`) },
        ]}
      />
    </Screen>
  );
}
