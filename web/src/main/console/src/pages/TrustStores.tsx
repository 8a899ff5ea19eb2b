import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionGroup, Button, Form, FormGroup, TextInput, Title } from '@patternfly/react-core';
import { api, apiUrl, get } from '../api';
import { readFile, uploadBody } from '../certificateUpload';
import { curlCommand } from '../commands';
import { CurlCall, DataTable, ProblemAlert, Screen } from '../components';
import { formatDateTime } from '../format';
import { canEdit, useSession } from '../session';
import { TrustStoreView } from '../types';
import { useLoad } from '../useLoad';

export function TrustStores() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { data, error, reload } = useLoad(() => get<TrustStoreView[]>('trust-stores'), []);
  const editable = canEdit(session.role);
  return (
    <Screen title={t('trustStores.title')}>
      <ProblemAlert error={error} />
      {(data ?? []).length === 0 && !error && <p>{t('common.none')}</p>}
      {(data ?? []).map((store) => (
        <TrustStore key={store.id} store={store} editable={editable} reload={reload} />
      ))}
      {editable && <CreateTrustStore onCreated={reload} />}
    </Screen>
  );
}

/** The CA certificates (PEM, several per file, or one DER) in the file input {@code id}. */
async function certificatesIn(form: HTMLFormElement, id: string): Promise<string | null> {
  const file = await readFile(form.querySelector<HTMLInputElement>(`#${id}`));
  return file ? uploadBody(file, null, '').certificates ?? null : null;
}

function TrustStore({ store, editable, reload }: { store: TrustStoreView; editable: boolean; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  // Changes send the ETag of the store as read now, so a concurrent change is not overwritten.
  const run = async (change: (etag: string | null) => Promise<unknown>, form?: HTMLFormElement) => {
    try {
      const { etag } = await api<TrustStoreView>('GET', `trust-stores/${store.id}`);
      await change(etag);
      form?.reset();
      setError(null);
      reload();
    } catch (err) {
      setError(err);
    }
  };
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const certificates = await certificatesIn(form, `add-ca-${store.id}`);
    if (!certificates) {
      setError(t('certificates.chooseFile'));
      return;
    }
    await run((etag) => api('POST', `trust-stores/${store.id}/certificates`, { certificates }, etag), form);
  };
  return (
    <section className="pf-v6-u-mb-lg" id={`trust-store-${store.id}`}>
      <h2 className="pf-v6-c-title pf-m-lg">{store.name}</h2>
      {store.description && <p>{store.description}</p>}
      <ProblemAlert error={error} />
      <DataTable
        label={store.name}
        rows={store.certificates}
        rowKey={(c) => c.id}
        columns={[
          { title: t('trustStores.ca'), cell: (c) => <Link to={`/certificates/${c.id}`}>{c.subject}</Link> },
          { title: t('certificates.notAfter'), cell: (c) => formatDateTime(c.notAfter, i18n.language) },
          ...(editable
            ? [{
                title: '',
                cell: (c: TrustStoreView['certificates'][number]) => (
                  <Button variant="link" isInline isDanger id={`remove-ca-${store.id}-${c.id}`} onClick={() => void run((etag) => api('DELETE', `trust-stores/${store.id}/certificates/${c.id}`, undefined, etag))}>
                    {t('trustStores.remove')}
                  </Button>
                ),
              }]
            : []),
        ]}
      />
      {editable && (
        <Form onSubmit={add} className="pf-v6-u-mt-sm" isHorizontal>
          <FormGroup label={t('trustStores.addCa')} fieldId={`add-ca-${store.id}`}>
            <input id={`add-ca-${store.id}`} type="file" accept=".pem,.crt,.cer,.der" />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" variant="secondary" id={`add-ca-submit-${store.id}`}>{t('trustStores.add')}</Button>
          </ActionGroup>
        </Form>
      )}
    </section>
  );
}

function CreateTrustStore({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const certificates = await certificatesIn(form, 'new-trust-store-file');
    try {
      await api('POST', 'trust-stores', { name, description: description || null, certificates: certificates ?? '' });
      setName('');
      setDescription('');
      form.reset();
      setError(null);
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form onSubmit={submit} id="create-trust-store" isWidthLimited>
      <Title headingLevel="h2">{t('trustStores.create')}</Title>
      <ProblemAlert error={error} />
      <FormGroup label={t('trustStores.name')} isRequired fieldId="new-trust-store-name">
        <TextInput id="new-trust-store-name" value={name} onChange={(_e, v) => setName(v)} />
      </FormGroup>
      <FormGroup label={t('trustStores.description')} fieldId="new-trust-store-description">
        <TextInput id="new-trust-store-description" value={description} onChange={(_e, v) => setDescription(v)} />
      </FormGroup>
      <FormGroup label={t('trustStores.caFile')} isRequired fieldId="new-trust-store-file">
        <input id="new-trust-store-file" type="file" accept=".pem,.crt,.cer,.der" />
      </FormGroup>
      <ActionGroup>
        <Button type="submit" id="create-trust-store-submit">{t('trustStores.create')}</Button>
      </ActionGroup>
      <CurlCall command={curlCommand('POST', apiUrl('trust-stores'), { name, description: description || undefined, certificates: '<partner-ca.pem>' })} />
    </Form>
  );
}
