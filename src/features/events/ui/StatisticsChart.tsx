import { useId } from 'react';
import { useI18n } from '../../../client/i18n.tsx';
import './summary.css';

const ROW = 28;
const LABEL = 240;
const WIDTH = 570;
const COUNT = 48;

/**
 * Participants per group as a horizontal bar chart (own SVG). The chart is one image whose text
 * alternative lists every figure; the same figures are in a table under it for screen readers and copying.
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
  const { t, number } = useI18n();
  const id = useId();
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
  const max = Math.max(...rows.map((r) => r.count));
  const bar = WIDTH - LABEL - COUNT;
  const height = rows.length * ROW + 8;
  const summary = t('summary.chartSummary', {
    title,
    parts: rows.map((r) => `${r.label} ${number(r.count)}`).join(', '),
  });
  return (
    <figure className="stats-chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const w = Math.max(2, Math.round((r.count / max) * bar));
          return (
            <g key={r.key}>
              <text
                x={LABEL - 10}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="central"
                className="stats-label"
              >
                {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
              </text>
              <rect x={LABEL} y={y + 4} width={w} height={ROW - 10} rx="3" fill={colour} />
              <text x={LABEL + w + 8} y={y + ROW / 2} dominantBaseline="central" className="stats-value">
                {number(r.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="stats-table">
        <summary>{t('summary.chartAsTable', { title })}</summary>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.group')}</th>
              <th scope="col" className="numeric">
                {t('summary.people')}
              </th>
              <th scope="col" className="numeric">
                {t('summary.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="numeric">{number(r.count)}</td>
                <td className="numeric">{total ? `${Math.round((r.count / total) * 100)}%` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {note}
    </figure>
  );
}
