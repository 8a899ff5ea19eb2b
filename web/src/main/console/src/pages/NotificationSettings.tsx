import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Button, Form, FormGroup, FormSelect, FormSelectOption, TextArea, TextInput, Title } from '@patternfly/react-core';
import { api, ApiError, get } from '../api';
import { FieldError, ProblemAlert } from '../components';
import { fieldOfProblem, NOTIFICATION_FIELDS } from '../problems';
import { canEdit, useSession } from '../session';
import { parseRecipients, recipientsText } from '../recipients';
import { ChannelTestOutcome, WatchSettingsView } from '../types';

type Draft = Record<string, string>;

function draftOf(s: WatchSettingsView): Draft {
  return {
    expirySchedule: s.expirySchedule,
    expiryWarningDays: String(s.expiryWarningDays),
    syslogTarget: s.syslogTarget ?? '',
    syslogCaPem: s.syslogCaPem ?? '',
    emailRecipients: recipientsText(s.emailRecipients),
    webhookUrl: s.webhookUrl ?? '',
    webhookSecret: '',
    webhookCaPem: s.webhookCaPem ?? '',
    smtpHost: s.smtpHost ?? '',
    smtpPort: s.smtpPort ? String(s.smtpPort) : '',
    smtpSecurity: s.smtpSecurity,
    smtpUsername: s.smtpUsername ?? '',
    smtpPassword: '',
    smtpFrom: s.smtpFrom ?? '',
    smtpCaPem: s.smtpCaPem ?? '',
  };
}

const TEXT_FIELDS = ['syslogTarget', 'webhookUrl', 'smtpHost', 'smtpPort', 'smtpUsername', 'smtpFrom'];
const PEM_FIELDS = ['syslogCaPem', 'webhookCaPem', 'smtpCaPem'];

/** The global notification channels and the SMTP server, with a test message per channel. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const { session } = useSession();
  const editable = canEdit(session.role);
  const [stored, setStored] = useState<WatchSettingsView | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [outcomes, setOutcomes] = useState<ChannelTestOutcome[] | null>(null);

  useEffect(() => {
    get<WatchSettingsView>('certificate-watch/settings')
      .then((s) => {
        setStored(s);
        setDraft(draftOf(s));
      })
      .catch(setError);
  }, []);

  const blankToNull = (v: string) => (v.trim() === '' ? null : v);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    try {
      const body = {
        expirySchedule: draft.expirySchedule,
        expiryWarningDays: Number(draft.expiryWarningDays),
        syslogTarget: blankToNull(draft.syslogTarget),
        syslogCaPem: blankToNull(draft.syslogCaPem),
        emailRecipients: parseRecipients(draft.emailRecipients),
        webhookUrl: blankToNull(draft.webhookUrl),
        webhookSecret: blankToNull(draft.webhookSecret),
        webhookCaPem: blankToNull(draft.webhookCaPem),
        smtpHost: blankToNull(draft.smtpHost),
        smtpPort: draft.smtpPort.trim() === '' ? null : Number(draft.smtpPort),
        smtpSecurity: draft.smtpSecurity,
        smtpUsername: blankToNull(draft.smtpUsername),
        smtpPassword: blankToNull(draft.smtpPassword),
        smtpFrom: blankToNull(draft.smtpFrom),
        smtpCaPem: blankToNull(draft.smtpCaPem),
      };
      const { data } = await api<WatchSettingsView>('PUT', 'certificate-watch/settings', body);
      setStored(data);
      setDraft(draftOf(data));
      setError(null);
      setFieldErrors({});
      setSaved(true);
    } catch (err) {
      setError(err);
      const field = err instanceof ApiError ? fieldOfProblem(err.detail, NOTIFICATION_FIELDS) : null;
      setFieldErrors(field ? { [field]: (err as ApiError).detail } : {});
    }
  };
  const test = async (channel: string) => {
    try {
      const { data } = await api<ChannelTestOutcome[]>('POST', 'certificate-watch/settings/test', { channel });
      setOutcomes(data);
      setError(null);
    } catch (err) {
      setOutcomes(null);
      setError(err);
    }
  };
  if (!stored) return <ProblemAlert error={error} />;
  const field = (name: string, input: ReactNode, helper?: string) => (
    <FormGroup key={name} label={t(`notify.${name}`)} fieldId={`notify-${name}`}>
      {input}
      {helper && <div className="pf-v6-u-font-size-sm pf-v6-u-color-200">{helper}</div>}
      <FieldError id={`notify-${name}-error`} message={fieldErrors[name]} />
    </FormGroup>
  );
  const set = (name: string) => (_e: unknown, v: string) => setDraft({ ...draft, [name]: v });
  const invalid = (name: string): 'error' | 'default' => (fieldErrors[name] ? 'error' : 'default');
  return (
    <Form onSubmit={save} id="notification-settings" className="pf-v6-u-mb-lg">
      <Title headingLevel="h2">{t('notify.title')}</Title>
      <ProblemAlert error={error} />
      {saved && <Alert variant="success" isInline title={t('notify.saved')} id="notification-saved" />}
      {field(
        'expirySchedule',
        <FormSelect id="notify-expirySchedule" value={draft.expirySchedule} onChange={set('expirySchedule')} isDisabled={!editable}>
          <FormSelectOption value="FIXED" label={t('watch.schedule-FIXED', { days: draft.expiryWarningDays })} />
          <FormSelectOption value="GRADUATED" label={t('watch.schedule-GRADUATED')} />
        </FormSelect>,
      )}
      {field('expiryWarningDays', <TextInput id="notify-expiryWarningDays" type="number" value={draft.expiryWarningDays} onChange={set('expiryWarningDays')} isDisabled={!editable} validated={invalid('expiryWarningDays')} />)}
      {field('emailRecipients', <TextArea id="notify-emailRecipients" value={draft.emailRecipients} onChange={set('emailRecipients')} isDisabled={!editable} validated={invalid('emailRecipients')} rows={3} />, t('notify.emailRecipientsHelp'))}
      {TEXT_FIELDS.map((name) => field(name, <TextInput id={`notify-${name}`} value={draft[name]} onChange={set(name)} isDisabled={!editable} validated={invalid(name)} />))}
      {field(
        'smtpSecurity',
        <FormSelect id="notify-smtpSecurity" value={draft.smtpSecurity} onChange={set('smtpSecurity')} isDisabled={!editable}>
          <FormSelectOption value="STARTTLS" label="STARTTLS" />
          <FormSelectOption value="SMTPS" label="SMTPS" />
        </FormSelect>,
      )}
      {field('smtpPassword', <TextInput id="notify-smtpPassword" type="password" value={draft.smtpPassword} onChange={set('smtpPassword')} isDisabled={!editable} validated={invalid('smtpPassword')} placeholder={stored.smtpPasswordSet ? t('notify.secretStored') : ''} />)}
      {field('webhookSecret', <TextInput id="notify-webhookSecret" type="password" value={draft.webhookSecret} onChange={set('webhookSecret')} isDisabled={!editable} validated={invalid('webhookSecret')} placeholder={stored.webhookSecretSet ? t('notify.secretStored') : ''} />)}
      {PEM_FIELDS.map((name) => field(name, <TextArea id={`notify-${name}`} value={draft[name]} onChange={set(name)} isDisabled={!editable} validated={invalid(name)} rows={3} />, t('notify.pemHelp')))}
      <ChannelActions editable={editable} prefix="" test={test} outcomes={outcomes} />
    </Form>
  );
}

/**
 * Save and one test button per channel, then what each test sent or why not: the same for the
 * global channels and a pair's own ({@code prefix} keeps their element ids apart).
 */
export function ChannelActions(props: { editable: boolean; prefix: string; test: (channel: string) => void; outcomes: ChannelTestOutcome[] | null }) {
  const { t } = useTranslation();
  const { editable, prefix, test, outcomes } = props;
  const saveId = prefix ? `save-${prefix}notification-settings` : 'save-notification-settings';
  return (
    <>
      {editable && (
        <ActionGroup>
          <Button type="submit" id={saveId}>{t('common.save')}</Button>
          {['EMAIL', 'WEBHOOK', 'SYSLOG'].map((channel) => (
            <Button key={channel} variant="secondary" id={`${prefix}test-${channel}`} onClick={() => test(channel)}>
              {t(`notify.test-${channel}`)}
            </Button>
          ))}
        </ActionGroup>
      )}
      {outcomes && (
        <div id={`${prefix}test-outcomes`}>
          {outcomes.map((o) => (
            <Alert key={o.destination} isInline variant={o.sent ? 'success' : 'danger'} title={o.sent ? t('notify.testSent', { to: o.destination }) : t('notify.testFailed', { to: o.destination })}>
              {o.error}
            </Alert>
          ))}
        </div>
      )}
    </>
  );
}
