import { useI18n } from '../../../client/i18n.tsx';

/** Move up, move down and remove: the organisers' buttons under one quote or one photo of the summary. */
export function SummaryItemActions({
  index,
  count,
  busy,
  onMove,
  onRemove,
  removeLabel,
}: {
  index: number;
  count: number;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  removeLabel: string;
}) {
  const { t } = useI18n();
  return (
    <p className="item-actions">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy || index === 0}
        onClick={() => onMove(-1)}
      >
        {t('summary.moveUp')}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy || index === count - 1}
        onClick={() => onMove(1)}
      >
        {t('summary.moveDown')}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={onRemove}
      >
        {removeLabel}
      </button>
    </p>
  );
}
