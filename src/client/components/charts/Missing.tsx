import { useI18n } from '../../i18n.tsx';

/** A figure that is not held: a dash to the eye, "no data" to a screen reader. */
export function Missing() {
  const { t } = useI18n();
  return (
    <span className="missing-value">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('charts.noData')}</span>
    </span>
  );
}

/** A figure, or the missing mark when there is none. */
export function ValueOr({
  value,
  format,
}: {
  value: number | null | undefined;
  format: (v: number) => string;
}) {
  return value === null || value === undefined || !Number.isFinite(value) ? <Missing /> : format(value);
}
