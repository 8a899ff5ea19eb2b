import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  ClipboardCopy,
  ClipboardCopyVariant,
  ExpandableSection,
  FormHelperText,
  HelperText,
  HelperTextItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { ApiError } from './api';

export function Screen({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <PageSection>
      <div className="pf-v6-l-split pf-m-gutter">
        <Title headingLevel="h1" className="pf-v6-l-split__item pf-m-fill">
          {title}
        </Title>
        {actions && <div className="pf-v6-l-split__item">{actions}</div>}
      </div>
      <div className="pf-v6-u-mt-md">{children}</div>
    </PageSection>
  );
}

/** The server's refusal, as it said it. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.detail || error.title : String(error);
  const title = error instanceof ApiError ? `${t('common.refused')} (${error.status})` : t('common.failed');
  return (
    <Alert variant="danger" isInline title={title} className="pf-v6-u-mb-md" id="problem">
      {message}
    </Alert>
  );
}

export function FieldError({ message, id }: { message: string | null | undefined; id: string }) {
  if (!message) return null;
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error" id={id}>
          {message}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/** The same request as a script would send it: scripters ask for it. */
export function CurlCall({ command }: { command: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <ExpandableSection toggleText={t('common.showCurl')} isExpanded={open} onToggle={(_e, v) => setOpen(v)}>
      <ClipboardCopy isCode isReadOnly variant={ClipboardCopyVariant.expansion} hoverTip={t('common.copy')} clickTip={t('common.copied')}>
        {command}
      </ClipboardCopy>
    </ExpandableSection>
  );
}

export interface Column<T> {
  title: string;
  cell: (row: T) => ReactNode;
}

export function DataTable<T>({ label, columns, rows, rowKey, id }: { label: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string | number; id?: string }) {
  const { t } = useTranslation();
  return (
    <table className="pf-v6-c-table pf-m-compact pf-m-grid-md" aria-label={label} id={id}>
      <thead className="pf-v6-c-table__thead">
        <tr className="pf-v6-c-table__tr">
          {columns.map((c) => (
            <th key={c.title} className="pf-v6-c-table__th" scope="col">
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="pf-v6-c-table__tbody">
        {rows.length === 0 && (
          <tr className="pf-v6-c-table__tr">
            <td className="pf-v6-c-table__td" colSpan={columns.length}>
              {t('common.none')}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={rowKey(row)} className="pf-v6-c-table__tr">
            {columns.map((c) => (
              <td key={c.title} className="pf-v6-c-table__td" data-label={c.title}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
