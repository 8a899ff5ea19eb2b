import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Form, FormGroup, TextArea, TextInput, Title } from '@patternfly/react-core';
import { api, ApiError } from '../api';
import { FieldError, ProblemAlert } from '../components';
import { fieldOfProblem, NOTIFICATION_FIELDS } from '../problems';
import { parseRecipients, recipientsText } from '../recipients';
import { canEdit, useSession } from '../session';
import { ChannelTestOutcome, PairSettingsView } from '../types';
import { ChannelActions } from './NotificationSettings';

const FIELDS = ['emailRecipients', 'webhookUrl', 'webhookSecret', 'webhookCaPem', 'syslogTarget', 'syslogCaPem'];
const MULTILINE = new Set(['emailRecipients', 'webhookCaPem', 'syslogCaPem']);

/** A pair's own notification channels (empty: the global ones), with a test message per channel. */
export function PairNotificationSettings({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const editable = canEdit(session.role);
  const [stored, setStored] = useState<{ settings: PairSettingsView; etag: string | null } | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [outcomes, setOutcomes] = useState<ChannelTestOutcome[] | null>(null);

  const show = (settings: PairSettingsView, etag: string | null) => {
    setStored({ settings, etag });
    setDraft({
      emailRecipients: recipientsText(settings.emailRecipients),
      webhookUrl: settings.webhookUrl ?? '',
      webhookSecret: '',
      webhookCaPem: settings.webhookCaPem ?? '',
      syslogTarget: settings.syslogTarget ?? '',
      syslogCaPem: settings.syslogCaPem ?? '',
    });
  };
  useEffect(() => {
    api<PairSettingsView>('GET', `pairs/${pairId}/settings`)
      .then((r) => show(r.data, r.etag))
      .catch(setError);
  }, [pairId]);

  const blankToNull = (v: string) => (v.trim() === '' ? null : v);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!stored) return;
    setSaved(false);
    const s = stored.settings;
    // The pair's settings are replaced as a whole: the others are sent back as they were read.
    const body = {
      httpProxyUrl: s.httpProxyUrl,
      dnsServers: s.dnsServers,
      ntpServers: s.ntpServers,
      expirySchedule: s.expirySchedule,
      expiryWarningDays: s.expiryWarningDays,
      emailRecipients: parseRecipients(draft.emailRecipients),
      webhookUrl: blankToNull(draft.webhookUrl),
      webhookSecret: blankToNull(draft.webhookSecret),
      webhookCaPem: blankToNull(draft.webhookCaPem),
      syslogTarget: blankToNull(draft.syslogTarget),
      syslogCaPem: blankToNull(draft.syslogCaPem),
    };
    try {
      const r = await api<PairSettingsView>('PUT', `pairs/${pairId}/settings`, body, stored.etag);
      show(r.data, r.etag);
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
      const { data } = await api<ChannelTestOutcome[]>('POST', `pairs/${pairId}/settings/test`, { channel });
      setOutcomes(data);
      setError(null);
    } catch (err) {
      setOutcomes(null);
      setError(err);
    }
  };
  if (!stored) return <ProblemAlert error={error} />;
  const set = (name: string) => (_e: unknown, v: string) => setDraft({ ...draft, [name]: v });
  return (
    <Form onSubmit={save} id="pair-notification-settings" className="pf-v6-u-mt-lg">
      <Title headingLevel="h2">{t('notify.pairTitle')}</Title>
      <div className="pf-v6-u-color-200">{t('notify.inherits')}</div>
      <ProblemAlert error={error} />
      {saved && <Alert variant="success" isInline title={t('notify.saved')} id="pair-notification-saved" />}
      {FIELDS.map((name) => {
        const props = {
          id: `pair-notify-${name}`,
          value: draft[name],
          onChange: set(name),
          isDisabled: !editable,
          validated: fieldErrors[name] ? ('error' as const) : ('default' as const),
        };
        return (
          <FormGroup key={name} label={t(`notify.${name}`)} fieldId={`pair-notify-${name}`}>
            {MULTILINE.has(name) ? (
              <TextArea {...props} rows={3} />
            ) : (
              <TextInput {...props} type={name === 'webhookSecret' ? 'password' : 'text'} placeholder={name === 'webhookSecret' && stored.settings.webhookSecretSet ? t('notify.secretStored') : ''} />
            )}
            <FieldError id={`pair-notify-${name}-error`} message={fieldErrors[name]} />
          </FormGroup>
        );
      })}
      <ChannelActions editable={editable} prefix="pair-" test={test} outcomes={outcomes} />
    </Form>
  );
}
