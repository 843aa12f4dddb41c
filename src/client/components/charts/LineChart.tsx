import { useId } from 'react';
import { useI18n } from '../../i18n.tsx';
import { formatTick } from './format.ts';
import { ValueOr } from './Missing.tsx';
import { linearScale, linePath, niceTicks, yearSpan, yearTicks } from './scales.ts';
import { useWidth } from './useWidth.ts';
import './charts.css';

export interface LinePoint {
  x: number;
  y: number | null;
}
export interface LineSeries {
  key: string;
  label: string;
  points: readonly LinePoint[];
  /** Which of LINE_STYLES draws it (default: its position), so a series keeps its look across charts. */
  style?: number;
}

/** Colours at least 3:1 on white, each with its own dash so the lines differ without colour too. */
export const LINE_STYLES = [
  { colour: '#1d4ed8', dash: '', width: 2.75 },
  { colour: '#b45309', dash: '7 4', width: 2 },
  { colour: '#374151', dash: '2 3', width: 2 },
  { colour: '#0f766e', dash: '9 3 2 3', width: 2 },
  { colour: '#7c3aed', dash: '4 2', width: 2 },
] as const;

const styleOf = (s: LineSeries, i: number) => LINE_STYLES[(s.style ?? i) % LINE_STYLES.length]!;

const TOP = 12;
const RIGHT = 14;
const BOTTOM = 26;

/**
 * Several series over years (own SVG). The chart is one image whose text alternative sums up each
 * series; every figure is in a table under it, where a year without a figure says "no data".
 */
export function LineChart({
  title,
  series,
  format,
  unit,
}: {
  title: string;
  series: readonly LineSeries[];
  /** A figure as the table and the summary show it (the axis rounds to its own step). */
  format: (value: number) => string;
  /** The unit of the y axis, shown above the chart. */
  unit?: string;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [ref, measured] = useWidth(560);
  const W = Math.max(260, Math.min(900, measured));
  const H = Math.round(Math.max(190, Math.min(260, W * 0.45)));
  const drawn = series.filter((s) => s.points.some((p) => p.y !== null));
  const values = drawn.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  const years = yearSpan(drawn.flatMap((s) => s.points.filter((p) => p.y !== null).map((p) => p.x)));
  if (values.length === 0 || years.length === 0) return null;

  const ticks = niceTicks(Math.min(...values), Math.max(...values), 4);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const tickLabels = ticks.map((v) => formatTick(locale, v, step));
  const left = Math.min(90, 12 + 7 * Math.max(...tickLabels.map((l) => l.length)));
  const x = linearScale(
    [years[0]!, years[years.length - 1]!],
    years.length === 1 ? [left + (W - left - RIGHT) / 2, left + (W - left - RIGHT) / 2] : [left, W - RIGHT],
  );
  const y = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [H - BOTTOM, TOP]);

  const summary = drawn
    .map((s) => {
      const known = s.points.filter((p): p is { x: number; y: number } => p.y !== null);
      const first = known[0]!;
      const last = known[known.length - 1]!;
      return known.length === 1
        ? t('charts.lineSummaryOne', { series: s.label, value: format(first.y), year: first.x })
        : t('charts.lineSummary', {
            series: s.label,
            first: format(first.y),
            firstYear: first.x,
            last: format(last.y),
            lastYear: last.x,
          });
    })
    .join('; ');
  const byYear = drawn.map((s) => new Map(s.points.map((p) => [p.x, p.y])));

  return (
    <figure className="chart line-chart" ref={ref}>
      {unit && (
        <p className="chart-unit" aria-hidden="true">
          {unit}
        </p>
      )}
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${W} ${H}`} width="100%">
        <title id={`${id}-title`}>{unit ? `${title} (${unit})` : title}</title>
        <desc id={`${id}-desc`}>{summary}.</desc>
        <g className="chart-grid">
          {ticks.map((v, i) => (
            <g key={v}>
              <line x1={left} x2={W - RIGHT} y1={y(v)} y2={y(v)} />
              <text x={left - 6} y={y(v)} textAnchor="end" dominantBaseline="central" className="chart-tick">
                {tickLabels[i]}
              </text>
            </g>
          ))}
        </g>
        <g className="chart-axis">
          {yearTicks(years, Math.max(3, Math.floor((W - left) / 56))).map((yr) => (
            <text key={yr} x={x(yr)} y={H - 6} textAnchor="middle" className="chart-tick">
              {yr}
            </text>
          ))}
        </g>
        {drawn.map((s, i) => {
          const style = styleOf(s, i);
          const points = years.map((yr) => {
            const v = byYear[i]!.get(yr);
            return v === null || v === undefined ? null : { x: x(yr), y: y(v) };
          });
          return (
            <g key={s.key} className="chart-series">
              <path
                d={linePath(points)}
                fill="none"
                stroke={style.colour}
                strokeWidth={style.width}
                strokeDasharray={style.dash || undefined}
                strokeLinejoin="round"
                strokeLinecap="round"
              />
              {points.map((p, j) =>
                p ? (
                  <circle key={years[j]} cx={p.x} cy={p.y} r={i === 0 ? 3.2 : 2.4} fill={style.colour} />
                ) : null,
              )}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {drawn.map((s, i) => {
          const style = styleOf(s, i);
          return (
            <li key={s.key}>
              <svg width="30" height="10" aria-hidden="true" focusable="false">
                <line
                  x1="1"
                  x2="29"
                  y1="5"
                  y2="5"
                  stroke={style.colour}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash || undefined}
                />
              </svg>
              {s.label}
            </li>
          );
        })}
      </ul>
      <details className="chart-table">
        <summary>
          {t('charts.showTable')}
          <span className="visually-hidden">: {title}</span>
        </summary>
        <table className="table">
          <caption className="visually-hidden">{unit ? `${title} (${unit})` : title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.year')}</th>
              {drawn.map((s) => (
                <th key={s.key} scope="col" className="numeric">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((yr) => (
              <tr key={yr}>
                <th scope="row">{yr}</th>
                {drawn.map((s, i) => (
                  <td key={s.key} className="numeric">
                    <ValueOr value={byYear[i]!.get(yr)} format={format} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
