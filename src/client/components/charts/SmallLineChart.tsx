import { useId } from 'react';
import { linearScale } from './scales.ts';

export interface LineSeries {
  name: string;
  /** x ascending; a gap of more than `step` between two points breaks the line (missing stays missing). */
  points: { x: number; y: number }[];
}

/** Colours told apart with the common colour-vision deficiencies (Okabe & Ito), and dashes besides. */
export const SERIES_STYLES = [
  { color: '#0072b2', dash: '' },
  { color: '#d55e00', dash: '6 3' },
  { color: '#009e73', dash: '2 3' },
  { color: '#cc79a7', dash: '8 3 2 3' },
  { color: '#8a6d00', dash: '4 4' },
  { color: '#56687a', dash: '1 3' },
] as const;

const WIDTH = 300;
const HEIGHT = 170;
const M = { top: 10, right: 12, bottom: 24, left: 52 };

function segments(points: LineSeries['points'], step: number): LineSeries['points'][] {
  const out: LineSeries['points'][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && p.x - prev.x <= step) last.push(p);
    else out.push([p]);
  }
  return out;
}

/**
 * A small line chart (one of a set of small multiples): one line per series in a fixed style, first
 * and last x and the y range labelled. It is an image with a title and a description; the figures
 * themselves are for a table beside it.
 */
export function SmallLineChart({
  title,
  description,
  series,
  formatY,
  step = 2,
}: {
  title: string;
  description: string;
  series: LineSeries[];
  formatY: (y: number) => string;
  /** Biennial series (German regional R&D) stay lines; longer gaps break them. Markers show each point. */
  step?: number;
}) {
  const id = useId();
  const all = series.flatMap((s) => s.points);
  if (!all.length) return null;
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const pad = (y1 - y0) * 0.08 || Math.abs(y1) * 0.08 || 1;
  y0 = y0 >= 0 && y0 - pad < 0 ? 0 : y0 - pad;
  y1 += pad;
  const x = linearScale([x0, x1], [M.left, WIDTH - M.right]);
  const y = linearScale([y0, y1], [HEIGHT - M.bottom, M.top]);
  const labelY = [...new Set([y1 - pad, y0 + (y0 === 0 ? 0 : pad)])];
  return (
    <svg
      className="line-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {/* role="img" makes everything below presentational: the title and description speak for it. */}
      <g>
        {labelY.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} className="line-chart-grid" />
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end" className="line-chart-tick">
              {formatY(v)}
            </text>
          </g>
        ))}
        <text
          x={x(x0)}
          y={HEIGHT - 6}
          textAnchor={x0 === x1 ? 'middle' : 'start'}
          className="line-chart-tick"
        >
          {x0}
        </text>
        {x1 !== x0 && (
          <text x={x(x1)} y={HEIGHT - 6} textAnchor="end" className="line-chart-tick">
            {x1}
          </text>
        )}
        {series.map((s, i) => {
          const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
          return (
            <g key={s.name} stroke={style.color} fill={style.color}>
              {segments(s.points, step).map((seg) =>
                seg.length > 1 ? (
                  <polyline
                    key={seg[0]!.x}
                    points={seg.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')}
                    fill="none"
                    strokeWidth={2}
                    strokeDasharray={style.dash || undefined}
                  />
                ) : null,
              )}
              {s.points.map((p) => (
                <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={2.5} stroke="none" />
              ))}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** The key shared by a set of small multiples: each series' name beside its line style. */
export function LineLegend({ names, label }: { names: string[]; label: string }) {
  return (
    <ul className="line-legend" aria-label={label}>
      {names.map((n, i) => {
        const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
        return (
          <li key={n}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="1"
                x2="27"
                y1="5"
                y2="5"
                stroke={style.color}
                strokeWidth={2.5}
                strokeDasharray={style.dash || undefined}
              />
            </svg>
            {n}
          </li>
        );
      })}
    </ul>
  );
}
