import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get } from '../api';
import { DataTable, ProblemAlert, Screen } from '../components';
import { formatDateTime } from '../format';
import { TrustStoreView } from '../types';
import { useLoad } from '../useLoad';

export function TrustStores() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad(() => get<TrustStoreView[]>('trust-stores'), []);
  return (
    <Screen title={t('trustStores.title')}>
      <ProblemAlert error={error} />
      {(data ?? []).length === 0 && !error && <p>{t('common.none')}</p>}
      {(data ?? []).map((store) => (
        <section key={store.id} className="pf-v6-u-mb-lg">
          <h2 className="pf-v6-c-title pf-m-lg">{store.name}</h2>
          {store.description && <p>{store.description}</p>}
          <DataTable
            label={store.name}
            rows={store.certificates}
            rowKey={(c) => c.id}
            columns={[
              { title: t('trustStores.ca'), cell: (c) => <Link to={`/certificates/${c.id}`}>{c.subject}</Link> },
              { title: t('certificates.notAfter'), cell: (c) => formatDateTime(c.notAfter, i18n.language) },
            ]}
          />
        </section>
      ))}
    </Screen>
  );
}
