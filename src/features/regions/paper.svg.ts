import { escapeHtml as esc } from '../../shared/html.ts';
import { type Locale, translate } from '../../shared/i18n/index.ts';
import { chartTable, layoutChart, SERIES_STYLE } from './paper.charts.ts';
import type { ChartModel } from './paper.model.ts';

export { esc };

const WIDTH = 560;
const HEIGHT = 220;
const LEGEND = 22;

function marker(kind: 'circle' | 'square' | 'triangle', x: number, y: number, color: string): string {
  const f = (n: number) => n.toFixed(1);
  if (kind === 'circle') return `<circle cx="${f(x)}" cy="${f(y)}" r="3" fill="${color}"/>`;
  if (kind === 'square')
    return `<rect x="${f(x - 3)}" y="${f(y - 3)}" width="6" height="6" fill="${color}"/>`;
  return `<path d="M${f(x)} ${f(y - 3.5)}L${f(x + 3.5)} ${f(y + 3)}L${f(x - 3.5)} ${f(y + 3)}Z" fill="${color}"/>`;
}

/** A line chart as inline SVG (vectors, scalable, printable) with its title and summary for screen readers. */
export function chartSvg(chart: ChartModel, locale: Locale, id: string): string {
  const num = (v: number) =>
    new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 2 }).format(v);
  const layout = layoutChart(chart, { x: 0, y: LEGEND, width: WIDTH, height: HEIGHT - LEGEND });
  const { plot } = layout;
  const parts: string[] = [];
  for (const tick of layout.yTicks) {
    parts.push(
      `<line x1="${plot.x}" x2="${plot.x + plot.width}" y1="${tick.y.toFixed(1)}" y2="${tick.y.toFixed(1)}" class="grid"/>`,
      `<text x="${plot.x - 6}" y="${(tick.y + 3.5).toFixed(1)}" text-anchor="end">${esc(num(tick.value))}</text>`,
    );
  }
  for (const tick of layout.xTicks) {
    parts.push(
      `<text x="${tick.x.toFixed(1)}" y="${plot.y + plot.height + 15}" text-anchor="middle">${esc(tick.label)}</text>`,
    );
  }
  let legendX = plot.x;
  for (const line of layout.lines) {
    const style = SERIES_STYLE[line.key];
    const dash = style.dash.length ? ` stroke-dasharray="${style.dash.join(' ')}"` : '';
    if (line.points.length > 1) {
      const d = line.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${style.color}" stroke-width="2"${dash}/>`);
    }
    for (const p of line.points) parts.push(marker(style.marker, p.x, p.y, style.color));
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 22}" y1="9" y2="9" stroke="${style.color}" stroke-width="2"${dash}/>`,
      marker(style.marker, legendX + 11, 9, style.color),
      `<text x="${legendX + 28}" y="13">${esc(line.name)}</text>`,
    );
    legendX += 40 + line.name.length * 6.5;
  }
  return [
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" class="chart">`,
    `<title id="${id}-t">${esc(chart.title)} (${esc(chart.unit)})</title>`,
    `<desc id="${id}-d">${esc(chart.summary)}</desc>`,
    `<line x1="${plot.x}" x2="${plot.x}" y1="${plot.y}" y2="${plot.y + plot.height}" class="axis"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

/** The chart's figures as a table: the alternative to the picture, and what gets printed exactly. */
export function chartTableHtml(chart: ChartModel, locale: Locale): string {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(locale, k, p);
  const head = chart.series.map((s) => `<th scope="col">${esc(s.name)}</th>`).join('');
  const body = chartTable(chart)
    .map(
      (r) =>
        `<tr><th scope="row">${r.year}</th>${r.values
          .map((v) =>
            v === null ? `<td class="missing">${esc(t('paper.missingShort'))}</td>` : `<td>${esc(v)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="numbers"><caption>${esc(t('paper.chartTable', { indicator: chart.title, unit: chart.unit }))}</caption><thead><tr><th scope="col">${esc(t('paper.col.year'))}</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
