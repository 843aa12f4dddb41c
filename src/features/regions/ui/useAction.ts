import { useState } from 'react';
import { describeError } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';

/** A button's or a small form's request: busy while it runs, then its error (with field messages) or success. */
export function useAction() {
  const { t } = useI18n();
  const [state, setState] = useState<{
    busy: boolean;
    error?: string;
    success?: string;
    fields: Record<string, string>;
  }>({ busy: false, fields: {} });
  /** Runs the request; true when it succeeded (its success message then shown). */
  async function run<T>(action: () => Promise<T>, success?: (result: T) => string): Promise<boolean> {
    setState({ busy: true, fields: {} });
    try {
      const result = await action();
      setState({ busy: false, fields: {}, ...(success ? { success: success(result) } : {}) });
      return true;
    } catch (err) {
      const d = describeError(err, t);
      setState({ busy: false, error: d.message, fields: d.fields });
      return false;
    }
  }
  return { ...state, run };
}
