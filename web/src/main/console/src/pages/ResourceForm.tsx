import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ActionGroup, Button, Form, FormGroup, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { api, ApiError, apiUrl } from '../api';
import { curlCommand } from '../commands';
import { CurlCall, FieldError, ProblemAlert, Screen } from '../components';
import { FieldPhrases, fieldOfProblem } from '../problems';
import { canEdit, useSession } from '../session';
import { RuleTable, SuiteChoices } from './FormControls';

export interface Option {
  value: string;
  label: string;
}

/**
 * One field of a form that edits an API resource: text, a number, a choice, or a list typed as
 * comma-separated values. Empty optional fields are sent as null; numbers that are not numbers
 * are sent as typed, so the server names the problem in its own words.
 */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'select' | 'list' | 'boolean' | 'choices' | 'rules';
  required?: boolean;
  options?: Option[];
  /** Options that depend on other fields (suites on the chosen certificate's key). */
  optionsFor?: (draft: Draft) => Option[];
  /** A hint under the field. */
  helper?: string;
  fixedOnceCreated?: boolean;
  initial?: string;
}

export type Draft = Record<string, string>;

/** One row of a virtual client's client-certificate table, as typed in the form. */
export interface RuleDraft {
  destination: string;
  source: string;
  certificateId: string;
}

/** The rows of a 'rules' field, kept in the draft as JSON text. */
export function rulesOf(raw: string): RuleDraft[] {
  return raw === '' ? [] : (JSON.parse(raw) as RuleDraft[]);
}

export function bodyOf(fields: FieldSpec[], draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (draft[f.name] ?? '').trim();
    if (f.kind === 'number' || (f.kind === 'select' && /Id$/.test(f.name))) {
      body[f.name] = raw === '' ? null : Number.isNaN(Number(raw)) ? raw : Number(raw);
    } else if (f.kind === 'rules') {
      body[f.name] = rulesOf(raw).map((r) => ({ ...r, certificateId: r.certificateId === '' ? null : Number(r.certificateId) }));
    } else if (f.kind === 'list' || f.kind === 'choices') {
      body[f.name] = raw === '' ? [] : raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
    } else if (f.kind === 'boolean') {
      body[f.name] = raw === 'true';
    } else {
      body[f.name] = raw === '' && !f.required ? null : raw;
    }
  }
  return body;
}

export function draftOf(fields: FieldSpec[], resource: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const f of fields) {
    const v = resource[f.name];
    if (f.kind === 'rules') {
      draft[f.name] = JSON.stringify(((v as Record<string, unknown>[] | null) ?? []).map((r) => ({ destination: String(r.destination ?? ''), source: String(r.source ?? 'any'), certificateId: r.certificateId == null ? '' : String(r.certificateId) })));
    } else {
      draft[f.name] = v == null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
    }
  }
  return draft;
}

/** Create (id undefined) or edit an API resource at {@code collection}/{id}, then go to {@code back}. */
export function ResourceForm(props: {
  id: string | undefined;
  collection: string;
  back: string;
  prefix: string;
  /** The form's and its submit button's ids (`${formId}-form`, `${formId}-submit`). */
  formId: string;
  title: string;
  createTitle: string;
  fields: FieldSpec[];
  phrases: FieldPhrases;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const { id, collection, fields, prefix } = props;
  const editing = id !== undefined;
  const readOnly = !canEdit(session.role);
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [etag, setEtag] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!editing) return;
    api<Record<string, unknown>>('GET', `${collection}/${id}`)
      .then(({ data, etag: e }) => {
        setEtag(e);
        setDraft(draftOf(fields, data));
      })
      .catch(setError);
    // The field list is fixed per form; only the resource changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing, id, collection]);

  const body = bodyOf(fields, draft);
  const method = editing ? 'PUT' : 'POST';
  const path = editing ? `${collection}/${id}` : collection;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api(method, path, body, etag);
      navigate(props.back);
    } catch (err) {
      const field = err instanceof ApiError && err.field && fields.some((f) => f.name === err.field) ? err.field : err instanceof Error ? fieldOfProblem(err.message, props.phrases) : null;
      setFieldErrors(field ? { [field]: (err as Error).message } : {});
      setError(field ? null : err);
    }
  };

  const control = (f: FieldSpec) => {
    const disabled = readOnly || (editing && !!f.fixedOnceCreated);
    const validated = fieldErrors[f.name] ? 'error' : 'default';
    const onChange = (_e: unknown, value: string) => setDraft((d) => ({ ...d, [f.name]: value }));
    if (f.kind === 'select' || f.kind === 'boolean') {
      const options = f.kind === 'boolean' ? [{ value: 'false', label: t('common.no') }, { value: 'true', label: t('common.yes') }] : f.options ?? [];
      return (
        <FormSelect id={`${prefix}-${f.name}`} value={draft[f.name] || (f.kind === 'boolean' ? 'false' : '')} onChange={onChange} isDisabled={disabled} validated={validated}>
          {options.map((o) => <FormSelectOption key={o.value} value={o.value} label={o.label} />)}
        </FormSelect>
      );
    }
    if (f.kind === 'choices') {
      return <SuiteChoices id={`${prefix}-${f.name}`} options={f.optionsFor ? f.optionsFor(draft) : f.options ?? []} value={draft[f.name] ?? ''} disabled={disabled} onChange={(value) => onChange(null, value)} />;
    }
    if (f.kind === 'rules') {
      return <RuleTable id={`${prefix}-${f.name}`} certificates={f.options ?? []} value={draft[f.name] ?? ''} disabled={disabled} onChange={(value) => onChange(null, value)} />;
    }
    return <TextInput id={`${prefix}-${f.name}`} value={draft[f.name]} onChange={onChange} isDisabled={disabled} validated={validated} />;
  };

  return (
    <Screen title={editing ? `${props.title}: ${draft.name ?? ''}` : props.createTitle}>
      <ProblemAlert error={error} />
      <Form onSubmit={submit} id={`${props.formId}-form`} isWidthLimited>
        {fields.map((f) => (
          <FormGroup key={f.name} label={f.label} isRequired={!!f.required} fieldId={`${prefix}-${f.name}`}>
            {control(f)}
            {f.helper && <div className="zg-helper">{f.helper}</div>}
            <FieldError id={`${prefix}-${f.name}-error`} message={fieldErrors[f.name]} />
          </FormGroup>
        ))}
        {!readOnly && (
          <ActionGroup>
            <Button type="submit" id={`${props.formId}-submit`}>{t('common.save')}</Button>
            <Button variant="link" onClick={() => navigate(props.back)}>{t('common.cancel')}</Button>
          </ActionGroup>
        )}
        <CurlCall command={curlCommand(method, apiUrl(path), body, etag)} />
      </Form>
    </Screen>
  );
}
