import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Bullseye, Button, Card, CardBody, CardTitle, Form, FormGroup, TextInput, Title, ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import { api, setCsrfToken } from '../api';
import { ProblemAlert } from '../components';
import { chooseLanguage, LANGUAGES } from '../i18n';
import { Session } from '../session';

export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data } = await api<Session>('POST', 'session', { username, password });
      setCsrfToken(data.csrfToken);
      onSignedIn(data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <Bullseye className="pf-v6-u-p-xl">
        <Card className="pf-v6-u-w-50-on-lg">
          <CardTitle>
            <Title headingLevel="h1">{t('signIn.title')}</Title>
          </CardTitle>
          <CardBody>
            <ToggleGroup aria-label={t('layout.language')} className="pf-v6-u-mb-md">
              {LANGUAGES.map((lng) => (
                <ToggleGroupItem key={lng} text={lng === 'ja' ? '日本語' : 'English'} buttonId={`language-${lng}`} isSelected={i18n.language === lng} onChange={() => chooseLanguage(lng)} />
              ))}
            </ToggleGroup>
            <ProblemAlert error={error} />
            <Form onSubmit={submit}>
              <FormGroup label={t('signIn.username')} isRequired fieldId="username">
                <TextInput id="username" isRequired value={username} onChange={(_e, v) => setUsername(v)} autoComplete="username" />
              </FormGroup>
              <FormGroup label={t('signIn.password')} isRequired fieldId="password">
                <TextInput id="password" type="password" isRequired value={password} onChange={(_e, v) => setPassword(v)} autoComplete="current-password" />
              </FormGroup>
              <ActionGroup>
                <Button id="sign-in" type="submit" isLoading={busy} isDisabled={busy}>
                  {t('signIn.submit')}
                </Button>
              </ActionGroup>
            </Form>
          </CardBody>
        </Card>
      </Bullseye>
    </main>
  );
}
