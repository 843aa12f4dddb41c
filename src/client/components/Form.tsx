import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import type { I18n, MessageKey } from '../../shared/i18n/index.ts';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { errorMessageKey } from './ui.tsx';

interface FieldShellProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
}

function useFieldIds(error?: string, hint?: string) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Shell({
  id,
  label,
  optional,
  hint,
  hintId,
  error,
  errorId,
  children,
}: FieldShellProps & {
  id: string;
  hintId?: string | undefined;
  errorId?: string | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> ({t('common.optional')})</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  optional,
  ...input
}: FieldShellProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const ids = useFieldIds(error, hint);
  return (
    <Shell label={label} error={error} hint={hint} optional={optional} {...ids}>
      <input
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </Shell>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  optional,
  ...input
}: FieldShellProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const ids = useFieldIds(error, hint);
  return (
    <Shell label={label} error={error} hint={hint} optional={optional} {...ids}>
      <textarea
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </Shell>
  );
}

export function SelectField({
  label,
  error,
  hint,
  optional,
  children,
  ...input
}: FieldShellProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const ids = useFieldIds(error, hint);
  return (
    <Shell label={label} error={error} hint={hint} optional={optional} {...ids}>
      <select
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      >
        {children}
      </select>
    </Shell>
  );
}

/** The form's messages: errors are announced (role=alert), successes politely (role=status). */
export function FormMessage({
  error,
  success,
}: {
  error?: string | undefined;
  success?: string | undefined;
}) {
  return (
    <>
      {error && (
        <div role="alert" className="form-message form-error">
          {error}
        </div>
      )}
      {success && (
        <div role="status" className="form-message form-success">
          {success}
        </div>
      )}
    </>
  );
}

export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

/**
 * Conflicts the API explains with `details.reason`, said in the reader's language; the other details
 * (numbers) fill the message.
 */
const CONFLICT_REASONS: Record<string, MessageKey> = {
  b2b_meetings_in_the_way: 'error.b2bMeetingsInTheWay',
};

/** Turns a failed request into a form-level message and field messages keyed by body field. */
export function describeError(err: unknown, t: I18n['t']): FormErrors {
  if (!(err instanceof ApiError)) return { message: t('error.generic'), fields: {} };
  const fields = { ...err.fields };
  const hasFields = Object.keys(fields).some((name) => name !== '_form');
  if (err.status === 400 && hasFields) return { message: t('error.form'), fields };
  if (err.status === 400) return { message: fields._form ?? err.message ?? t('error.generic'), fields: {} };
  const details = (err.details ?? {}) as Record<string, unknown>;
  const reason =
    err.status === 409 && typeof details.reason === 'string' ? CONFLICT_REASONS[details.reason] : undefined;
  if (reason) {
    const params = Object.fromEntries(
      Object.entries(details).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
    return { message: t(reason, params), fields: {} };
  }
  return { message: t(errorMessageKey(err)), fields: {} };
}
