import { useId } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../i18n.tsx';
import { formatShare } from './format.ts';
import { useWidth } from './useWidth.ts';
import './charts.css';

export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** Where the category's items are listed (a link in the table under the chart). */
  href?: string;
  /** This bar's own colour (e.g. an organisation type's), instead of the chart's. */
  colour?: string;
}

const ROW = 28;
const VALUE = 56;
/** Average width of a label character at 12.5 px, to size the label column. */
const CHAR = 6.6;

/**
 * Counts by category as horizontal bars, largest first as given (own SVG). The chart is one image whose
 * text alternative lists every figure; the same figures, with their links, are in a table under it.
 */
export function BarChart({
  title,
  rows,
  categoryLabel,
  valueLabel,
  total,
  colour = '#1d4ed8',
}: {
  title: string;
  rows: readonly BarRow[];
  /** Header of the category column of the table ("Type"). */
  categoryLabel: string;
  /** Header of the value column ("Organisations"). */
  valueLabel: string;
  /** When given, the table shows each row's share of it. */
  total?: number;
  colour?: string;
}) {
  const { t, number, locale } = useI18n();
  const id = useId();
  const [ref, measured] = useWidth(560);
  if (rows.length === 0) return null;
  const W = Math.max(260, Math.min(900, measured));
  // Labels take at most 45 % of the width (and 250 px); longer ones are cut, whole in the table.
  const maxLabel = Math.max(8, Math.floor(Math.min(250, W * 0.45) / CHAR) - 2);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const short = (s: string) => (s.length > maxLabel ? `${s.slice(0, maxLabel - 1)}…` : s);
  const longest = Math.max(...rows.map((r) => short(r.label).length));
  const label = Math.min(250, Math.max(70, Math.round(longest * CHAR) + 14));
  const bar = W - label - VALUE;
  const height = rows.length * ROW + 6;
  const summary = t('charts.barSummary', {
    title,
    parts: rows.map((r) => `${r.label} ${number(r.value)}`).join(', '),
  });
  return (
    <figure className="chart bar-chart" ref={ref}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${W} ${height}`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {rows.map((r, i) => {
          const y = i * ROW + 3;
          const w = r.value > 0 ? Math.max(2, Math.round((r.value / max) * bar)) : 0;
          return (
            <g key={r.key}>
              <text
                x={label - 8}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="central"
                className="chart-label"
              >
                {short(r.label)}
              </text>
              <rect x={label} y={y + 5} width={w} height={ROW - 10} rx="3" fill={r.colour ?? colour} />
              <text x={label + w + 6} y={y + ROW / 2} dominantBaseline="central" className="chart-value">
                {number(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>
          {t('charts.showTable')}
          <span className="visually-hidden">: {title}</span>
        </summary>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              <th scope="col" className="numeric">
                {valueLabel}
              </th>
              {total !== undefined && (
                <th scope="col" className="numeric">
                  {t('charts.share')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.href ? <Link href={r.href}>{r.label}</Link> : r.label}</th>
                <td className="numeric">{number(r.value)}</td>
                {total !== undefined && <td className="numeric">{formatShare(locale, r.value, total)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
