import { useId } from 'react';
import type { Organisation } from '../../../client/api.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { TYPE_COLOURS } from './labels.ts';
import './profile.css';

type ByType = Organisation['members']['byType'];

const ROW = 30;
const LABEL = 190;
const WIDTH = 560;
const COUNT = 56;

/**
 * Members by type as a horizontal bar chart (own SVG). The chart is one image with a text alternative
 * summing it up; the same figures are in a table underneath for screen readers and for copying.
 */
export function MembersChart({ byType, total }: { byType: ByType; total: number }) {
  const { t, number } = useI18n();
  const id = useId();
  if (byType.length === 0) return null;
  const max = Math.max(...byType.map((b) => b.count));
  const bar = WIDTH - LABEL - COUNT;
  const height = byType.length * ROW + 8;
  const summary = t('profile.chartSummary', {
    total: number(total),
    parts: byType.map((b) => `${t(`orgType.${b.type}`)} ${number(b.count)}`).join(', '),
  });
  return (
    <figure className="members-chart">
      <figcaption id={`${id}-caption`}>{t('org.membersByType')}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{t('org.membersByType')}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {byType.map((b, i) => {
          const y = i * ROW + 4;
          const w = Math.max(2, Math.round((b.count / max) * bar));
          return (
            <g key={b.type}>
              <text
                x={LABEL - 10}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="central"
                className="chart-label"
              >
                {t(`orgType.${b.type}`)}
              </text>
              <rect x={LABEL} y={y + 4} width={w} height={ROW - 10} rx="3" fill={TYPE_COLOURS[b.type]} />
              <text x={LABEL + w + 8} y={y + ROW / 2} dominantBaseline="central" className="chart-value">
                {number(b.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>{t('profile.chartAsTable')}</summary>
        <table className="table">
          <caption className="visually-hidden">{t('org.membersByType')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.type')}</th>
              <th scope="col" className="numeric">
                {t('org.members')}
              </th>
              <th scope="col" className="numeric">
                {t('profile.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {byType.map((b) => (
              <tr key={b.type}>
                <th scope="row">{t(`orgType.${b.type}`)}</th>
                <td className="numeric">{number(b.count)}</td>
                <td className="numeric">{total ? `${Math.round((b.count / total) * 100)}%` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
