import { TextField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';

/** A criterion being edited: the weight stays the input's text until the form is saved. */
export interface CriterionDraft {
  key: string;
  label: string;
  weight: string;
}

/**
 * The weighted criteria of a host call or a pitch call: a label and a weight per row, rows added and
 * removed (never the last). How a new row's key is made differs between the two, so it is passed in.
 */
export function CriteriaEditor({
  legend,
  hint,
  criteria,
  onChange,
  newKey,
  error,
}: {
  legend: string;
  hint?: string;
  criteria: CriterionDraft[];
  onChange: (update: (list: CriterionDraft[]) => CriterionDraft[]) => void;
  newKey: (list: CriterionDraft[]) => string;
  error?: string;
}) {
  const { t } = useI18n();
  const setCriterion = (i: number, patch: Partial<CriterionDraft>) =>
    onChange((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="criteria-fieldset">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {criteria.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while edited.
        <div className="criterion-row" key={i}>
          <TextField
            label={t('calls.criterion.label', { n: i + 1 })}
            value={c.label}
            required
            maxLength={200}
            onChange={(e) => setCriterion(i, { label: e.target.value })}
          />
          <TextField
            label={t('calls.criterion.weight', { n: i + 1 })}
            type="number"
            min={0.1}
            max={100}
            step={0.1}
            value={c.weight}
            onChange={(e) => setCriterion(i, { weight: e.target.value })}
          />
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={criteria.length === 1}
            onClick={() => onChange((list) => list.filter((_, j) => j !== i))}
          >
            {t('calls.criterion.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
      <p>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onChange((list) => [...list, { key: newKey(list), label: '', weight: '1' }])}
        >
          {t('calls.criterion.add')}
        </button>
      </p>
    </fieldset>
  );
}
