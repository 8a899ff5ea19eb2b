import { useTranslation } from 'react-i18next';
import { Button, Checkbox, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { DataTable } from '../components';
import type { Option, RuleDraft } from './ResourceForm';
import { rulesOf } from './ResourceForm';

function listOf(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * Check boxes for a list of names (cipher suites). A name already chosen but no longer offered
 * (the certificate's key changed) stays visible, marked, so that the operator removes it knowingly.
 */
export function SuiteChoices(props: { id: string; options: Option[]; value: string; disabled: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const chosen = listOf(props.value);
  const offered = new Set(props.options.map((o) => o.value));
  const stale = chosen.filter((c) => !offered.has(c)).map((c) => ({ value: c, label: c }));
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((c) => c !== name);
    props.onChange(next.join(', '));
  };
  return (
    <div id={props.id} className="zg-choices">
      {[...props.options, ...stale].map((o) => (
        <Checkbox
          key={o.value}
          id={`${props.id}-${o.value}`}
          label={offered.has(o.value) ? o.label : `${o.label} — ${t('listener.suiteUnusable')}`}
          isChecked={chosen.includes(o.value)}
          isDisabled={props.disabled}
          onChange={(_e, on) => toggle(o.value, on)}
        />
      ))}
    </div>
  );
}

/** The client-certificate table of a virtual client: which certificate to present to which target. */
export function RuleTable(props: { id: string; certificates: Option[]; value: string; disabled: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const rows = rulesOf(props.value);
  const write = (next: RuleDraft[]) => props.onChange(JSON.stringify(next));
  const change = (index: number, patch: Partial<RuleDraft>) => write(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <div id={props.id}>
      {rows.length > 0 && (
        <DataTable
          label={t('vc.rules')}
          rowKey={(i) => i}
          rows={rows.map((_r, i) => i)}
          columns={[
            { title: t('vc.ruleDestination'), cell: (i) => <TextInput id={`${props.id}-${i}-destination`} aria-label={t('vc.ruleDestination')} value={rows[i].destination} isDisabled={props.disabled} onChange={(_e, v) => change(i, { destination: v })} /> },
            { title: t('vc.ruleSource'), cell: (i) => <TextInput id={`${props.id}-${i}-source`} aria-label={t('vc.ruleSource')} value={rows[i].source} isDisabled={props.disabled} onChange={(_e, v) => change(i, { source: v })} /> },
            {
              title: t('vc.ruleCertificate'),
              cell: (i) => (
                <FormSelect id={`${props.id}-${i}-certificate`} aria-label={t('vc.ruleCertificate')} value={rows[i].certificateId} isDisabled={props.disabled} onChange={(_e, v) => change(i, { certificateId: v })}>
                  {props.certificates.map((o) => <FormSelectOption key={o.value} value={o.value} label={o.label} />)}
                </FormSelect>
              ),
            },
            { title: '', cell: (i) => !props.disabled && <Button variant="link" id={`${props.id}-${i}-remove`} onClick={() => write(rows.filter((_r, j) => j !== i))}>{t('vc.ruleRemove')}</Button> },
          ]}
        />
      )}
      {!props.disabled && (
        <Button variant="secondary" id={`${props.id}-add`} onClick={() => write([...rows, { destination: '', source: 'any', certificateId: '' }])}>
          {t('vc.ruleAdd')}
        </Button>
      )}
    </div>
  );
}
