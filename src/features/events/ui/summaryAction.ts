import { useState } from 'react';
import { describeError } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';

/** Busy, error and success state of the organisers' actions on the summary page. */
export function useSummaryAction(onChanged: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [success, setSuccess] = useState<string>();
  async function run(action: () => Promise<unknown>, done?: string): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setFields({});
    setSuccess(undefined);
    try {
      await action();
      if (done) setSuccess(done);
      onChanged();
      return true;
    } catch (err) {
      const d = describeError(err, t);
      setError(d.message);
      setFields(d.fields);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fields, success, run, setError };
}

/** The list with the item at `index` moved by `by` places (for up/down buttons). */
export function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
