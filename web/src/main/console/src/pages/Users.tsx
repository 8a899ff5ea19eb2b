import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Button, ClipboardCopy, Form, FormGroup, FormSelect, FormSelectOption, TextInput, Title } from '@patternfly/react-core';
import { api, apiUrl, get } from '../api';
import { curlCommand } from '../commands';
import { CurlCall, DataTable, ProblemAlert, Screen } from '../components';
import { canManageUsers, useSession } from '../session';
import { UserView } from '../types';
import { useLoad } from '../useLoad';

export function Users() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <Screen title={canManageUsers(session.role) ? t('users.title') : t('users.myTokens')}>
      <MyTokens />
      {canManageUsers(session.role) && <UserManagement />}
    </Screen>
  );
}

function MyTokens() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { data } = await api<{ token: string }>('POST', 'me/tokens', { name });
      setIssued(data.token);
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form onSubmit={submit} className="pf-v6-u-mb-lg" isWidthLimited>
      <Title headingLevel="h2">{t('users.myTokens')}</Title>
      <ProblemAlert error={error} />
      {issued && (
        <Alert variant="info" isInline title={t('users.tokenOnce')}>
          <ClipboardCopy isReadOnly isCode id="issued-token" hoverTip={t('common.copy')} clickTip={t('common.copied')}>{issued}</ClipboardCopy>
        </Alert>
      )}
      <FormGroup label={t('users.tokenName')} isRequired fieldId="token-name">
        <TextInput id="token-name" value={name} onChange={(_e, v) => setName(v)} />
      </FormGroup>
      <ActionGroup>
        <Button type="submit" id="issue-token">{t('users.issueToken')}</Button>
      </ActionGroup>
    </Form>
  );
}

function UserManagement() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => get<UserView[]>('users'), []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('operator');
  const [createError, setCreateError] = useState<unknown>(null);
  const body = { username, password, role };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', 'users', body);
      setUsername('');
      setPassword('');
      setCreateError(null);
      reload();
    } catch (err) {
      setCreateError(err);
    }
  };
  const toggle = async (user: UserView) => {
    const { etag } = await api<UserView>('GET', `users/${encodeURIComponent(user.username)}`);
    await api('PUT', `users/${encodeURIComponent(user.username)}`, { enabled: !user.enabled }, etag);
    reload();
  };
  return (
    <>
      <Title headingLevel="h2">{t('users.title')}</Title>
      <ProblemAlert error={error} />
      <DataTable
        id="users-table"
        label={t('users.title')}
        rows={data ?? []}
        rowKey={(u) => u.username}
        columns={[
          { title: t('users.username'), cell: (u) => u.username },
          { title: t('users.role'), cell: (u) => t(`role.${u.role}`) },
          { title: t('users.state'), cell: (u) => (u.enabled ? t('users.enabled') : t('users.disabled')) },
          { title: '', cell: (u) => <Button variant="link" isInline onClick={() => void toggle(u)}>{u.enabled ? t('users.disable') : t('users.enable')}</Button> },
        ]}
      />
      <Form onSubmit={submit} className="pf-v6-u-mt-md" isWidthLimited id="create-user">
        <Title headingLevel="h3">{t('users.create')}</Title>
        <ProblemAlert error={createError} />
        <FormGroup label={t('users.username')} isRequired fieldId="user-name">
          <TextInput id="user-name" value={username} onChange={(_e, v) => setUsername(v)} />
        </FormGroup>
        <FormGroup label={t('signIn.password')} isRequired fieldId="user-password">
          <TextInput id="user-password" type="password" value={password} onChange={(_e, v) => setPassword(v)} autoComplete="new-password" />
        </FormGroup>
        <FormGroup label={t('users.role')} fieldId="user-role">
          <FormSelect id="user-role" value={role} onChange={(_e, v) => setRole(v)}>
            {['admin', 'operator', 'auditor'].map((r) => <FormSelectOption key={r} value={r} label={t(`role.${r}`)} />)}
          </FormSelect>
        </FormGroup>
        <ActionGroup>
          <Button type="submit" id="create-user-submit">{t('users.create')}</Button>
        </ActionGroup>
        <CurlCall command={curlCommand('POST', apiUrl('users'), { ...body, password: '…' })} />
      </Form>
    </>
  );
}
