import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Button, ClipboardCopy, Form, FormGroup, FormSelect, FormSelectOption, TextInput, Title } from '@patternfly/react-core';
import { api, apiUrl, get } from '../api';
import { curlCommand } from '../commands';
import { CurlCall, DataTable, ProblemAlert, Screen } from '../components';
import { canManageUsers, useSession } from '../session';
import { ApiTokenView, UserView } from '../types';
import { formatDateTime } from '../format';
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
  const tokens = useLoad(() => get<ApiTokenView[]>('me/tokens'), []);
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { data } = await api<{ token: string }>('POST', 'me/tokens', { name });
      setIssued(data.token);
      setError(null);
      tokens.reload();
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
      <TokenTable tokens={tokens.data ?? []} error={tokens.error} path="me/tokens" reload={tokens.reload} />
    </Form>
  );
}

/** Tokens as listed (never the token itself), each revocable at once. */
function TokenTable(props: { tokens: ApiTokenView[]; error: unknown; path: string; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('users.never'));
  const revoke = async (token: ApiTokenView) => {
    try {
      await api('DELETE', `${props.path}/${token.id}`);
      setError(null);
      props.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <ProblemAlert error={props.error ?? error} />
      <DataTable
        id={props.path === 'me/tokens' ? 'my-tokens' : 'user-tokens'}
        label={t('users.tokens')}
        rows={props.tokens}
        rowKey={(k) => String(k.id)}
        columns={[
          { title: t('users.tokenName'), cell: (k) => k.name },
          { title: t('users.created'), cell: (k) => when(k.createdAt) },
          { title: t('users.expires'), cell: (k) => when(k.expiresAt) },
          { title: t('users.lastUsed'), cell: (k) => when(k.lastUsedAt) },
          { title: '', cell: (k) => <Button variant="link" isInline isDanger onClick={() => void revoke(k)} aria-label={t('users.revokeToken', { name: k.name })}>{t('users.revoke')}</Button> },
        ]}
      />
    </>
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
  const [selected, setSelected] = useState<string | null>(null);
  const change = async (user: UserView, update: Record<string, unknown>) => {
    try {
      const { etag } = await api<UserView>('GET', `users/${encodeURIComponent(user.username)}`);
      await api('PUT', `users/${encodeURIComponent(user.username)}`, update, etag);
      setCreateError(null);
      reload();
      return true;
    } catch (err) {
      setCreateError(err);
      return false;
    }
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
          {
            title: '',
            cell: (u) => (
              <>
                <Button variant="link" isInline onClick={() => void change(u, { enabled: !u.enabled })}>{u.enabled ? t('users.disable') : t('users.enable')}</Button>{' '}
                <Button variant="link" isInline onClick={() => setSelected(u.username)} id={`manage-${u.username}`}>{t('users.manage')}</Button>
              </>
            ),
          },
        ]}
      />
      {selected && data?.find((u) => u.username === selected) && (
        <ManageUser key={selected} user={data.find((u) => u.username === selected)!} change={change} />
      )}
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

/** An admin resets a user's password (which revokes the user's tokens) and revokes tokens. */
function ManageUser(props: { user: UserView; change: (u: UserView, update: Record<string, unknown>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const path = `users/${encodeURIComponent(props.user.username)}/tokens`;
  const tokens = useLoad(() => get<ApiTokenView[]>(path), [path]);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const reset = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await props.change(props.user, { password });
    setDone(ok);
    if (ok) {
      setPassword('');
      tokens.reload();
    }
  };
  return (
    <Form onSubmit={reset} className="pf-v6-u-mt-md" isWidthLimited id="manage-user">
      <Title headingLevel="h3">{t('users.manageTitle', { name: props.user.username })}</Title>
      {done && <Alert variant="success" isInline title={t('users.passwordReset')} />}
      <FormGroup label={t('users.newPassword')} isRequired fieldId="reset-password">
        <TextInput id="reset-password" type="password" value={password} onChange={(_e, v) => setPassword(v)} autoComplete="new-password" />
      </FormGroup>
      <ActionGroup>
        <Button type="submit" id="reset-password-submit">{t('users.resetPassword')}</Button>
      </ActionGroup>
      <Title headingLevel="h4">{t('users.tokens')}</Title>
      <TokenTable tokens={tokens.data ?? []} error={tokens.error} path={path} reload={tokens.reload} />
    </Form>
  );
}
