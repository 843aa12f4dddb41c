import { BarChart } from '../../../client/components/charts/BarChart.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import './summary.css';

/**
 * Participants per group of an event's statistics: the shared bar chart (an image with a text
 * alternative and the same figures in a table), with a note on the people left out of small groups.
 */
export function StatisticsChart({
  title,
  rows,
  total,
  colour,
  hidden,
  minGroup,
}: {
  title: string;
  rows: { key: string; label: string; count: number }[];
  total: number;
  colour: string;
  /** People in groups too small to show (and, for countries, without one). */
  hidden: number;
  minGroup: number;
}) {
  const { t } = useI18n();
  const note = hidden > 0 && (
    <p className="muted small">{t('summary.hiddenNote', { count: hidden, min: minGroup })}</p>
  );
  if (rows.length === 0)
    return (
      <figure className="stats-chart">
        <figcaption>{title}</figcaption>
        {note}
      </figure>
    );
  return (
    <div className="stats-chart">
      <BarChart
        title={title}
        rows={rows.map((r) => ({ key: r.key, label: r.label, value: r.count }))}
        categoryLabel={t('summary.group')}
        valueLabel={t('summary.people')}
        total={total || undefined}
        colour={colour}
      />
      {note}
    </div>
  );
}
