import { type FormEvent, useState } from 'react';
import { describeError, FormMessage, SelectField, TextAreaField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/**
 * One reviewer's scores (0..10 per criterion) and comment: used by host-call reviewers and pitch jurors.
 * Every criterion must be scored before saving, as the API requires.
 */
export function ScoreSheet({
  criteria,
  initial,
  onSave,
  saveLabel,
  savedLabel,
}: {
  criteria: readonly { key: string; label: string }[];
  initial: { scores: Record<string, number>; comment: string } | null;
  onSave: (body: { scores: Record<string, number>; comment: string }) => Promise<void>;
  saveLabel: MessageKey;
  savedLabel: MessageKey;
}) {
  const { t } = useI18n();
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, initial?.scores[c.key]?.toString() ?? ''])),
  );
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    setSaved(false);
    try {
      await onSave({
        scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Number(v)])),
        comment,
      });
      setSaved(true);
    } catch (err) {
      setError(describeError(err, t).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="score-sheet" onSubmit={submit}>
      <div className="score-grid">
        {criteria.map((c) => (
          <SelectField
            key={c.key}
            label={t('calls.scoreFor', { label: c.label })}
            value={scores[c.key] ?? ''}
            required
            onChange={(e) => setScores((s) => ({ ...s, [c.key]: e.target.value }))}
          >
            <option value="">–</option>
            {SCORES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <TextAreaField
        label={t('calls.comment')}
        optional
        rows={2}
        maxLength={5000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <FormMessage error={error} success={saved ? t(savedLabel) : undefined} />
      <p className="actions">
        <button type="submit" className="button button-small" disabled={saving}>
          {saving ? t('common.saving') : t(saveLabel)}
        </button>
      </p>
    </form>
  );
}
