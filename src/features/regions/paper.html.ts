// The Input Paper as one self-contained, printable HTML document: headings in order, tables with
// captions and header cells, charts as inline SVG each followed by its figures as a table.
import { type Locale, type MessageKey, translate } from '../../shared/i18n/index.ts';
import { type CountLine, landscapeColumns, type PaperModel, type Value } from './paper.model.ts';
import { chartSvg, chartTableHtml, esc } from './paper.svg.ts';

const STYLE = `
:root{--ink:#1a1a1a;--muted:#555;--line:#ccc;--accent:#0b5394;--sample:#7a4f00}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",system-ui,sans-serif;color:var(--ink);margin:0;line-height:1.5;font-size:15px}
.page{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
.cover{border-bottom:3px solid var(--accent);padding-bottom:1.5rem;margin-bottom:1.5rem}
.kicker{text-transform:uppercase;letter-spacing:.08em;color:var(--accent);font-weight:700;margin:0}
h1{font-size:2.2rem;margin:.25rem 0}
h2{font-size:1.45rem;margin:2.2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
.muted,.meta{color:var(--muted)}
.actions a{margin-right:1rem}
a{color:var(--accent)}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem;margin:0}
.figures div{border:1px solid var(--line);border-radius:6px;padding:.6rem .75rem}
.figures dt{font-size:.85rem;color:var(--muted)}
.figures dd{margin:0}
.value{font-size:1.25rem;font-weight:700;display:block}
.missing{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.88rem}
caption{text-align:left;font-weight:700;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
td.n .meta{display:block}
.numbers{width:auto;min-width:60%}.numbers td,.numbers th[scope=col]{text-align:right}.numbers th[scope=col]:first-child{text-align:left}
.chart{max-width:100%;height:auto;font-size:11px;fill:var(--ink)}
.chart .grid{stroke:#e3e3e3}.chart .axis{stroke:#888}
.badge{display:inline-block;border:1px solid var(--sample);color:var(--sample);border-radius:3px;font-size:.75rem;padding:0 .3rem;margin-left:.3rem}
.placeholder{border:1px dashed var(--line);padding:.75rem;color:var(--muted);font-style:italic}
.note{font-size:.85rem;color:var(--muted)}
@media print{.actions,.toc{display:none}.page{max-width:none;padding:0}h2{break-after:avoid}table,figure{break-inside:avoid}a{color:inherit}}
`;

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const valueWithYear = (v: Value | null, t: T) =>
  v
    ? `${esc(v.text)} <span class="meta">(${v.year})</span>`
    : `<span class="missing">${esc(t('paper.missingShort'))}</span>`;

function countTable(caption: string, rows: CountLine[], t: T, first: string): string {
  if (!rows.length) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.label)}</th><td class="n">${r.n}</td><td class="n">${r.sample}</td></tr>`,
    )
    .join('');
  return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(first)}</th><th scope="col" class="n">${esc(t('paper.col.count'))}</th><th scope="col" class="n">${esc(t('paper.col.ofWhichSample'))}</th></tr></thead><tbody>${body}</tbody></table>`;
}

function section(id: string, heading: string, body: string, lang?: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"${lang ? ` lang="${lang}"` : ''}><h2 id="${id}-h">${esc(heading)}</h2>${body}</section>`;
}

const paragraphs = (ps: string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join('');
const sampleBadge = (t: T) => `<span class="badge">${esc(t('paper.sampleMark'))}</span>`;

function narrative(m: PaperModel, key: PaperModel['sections'][number]['key'], t: T): string {
  const s = m.sections.find((x) => x.key === key)!;
  if (!s.paragraphs)
    return section(`section-${key}`, s.heading, `<p class="placeholder">${esc(t('paper.notWritten'))}</p>`);
  const notes: string[] = [];
  if (s.language !== m.locale)
    notes.push(t('paper.otherLanguage', { language: s.otherLanguage ?? s.language }));
  if (s.sample) notes.push(t('paper.demoText'));
  if (s.version !== null && s.date) notes.push(t('paper.versionLine', { version: s.version, date: s.date }));
  const body = `${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}<div${s.language !== m.locale ? ` lang="${s.language}"` : ''}>${paragraphs(s.paragraphs)}</div>`;
  return section(`section-${key}`, s.heading, body);
}

export function renderPaperHtml(m: PaperModel): string {
  const locale: Locale = m.locale;
  const t: T = (key, params) => translate(locale, key, params);
  const other: Locale = locale === 'en' ? 'it' : 'en';
  const title = `${t('paper.title')}: ${m.regionName}`;

  const keyFigures = `<dl class="figures">${m.keyFigures
    .map(
      (f) =>
        `<div><dt>${esc(f.label)}</dt><dd>${
          f.value
            ? `<span class="value">${esc(f.value.text)} <small>${esc(f.unit)}</small></span><span class="meta">${esc(t('paper.sourceYear', { source: f.source ?? '', year: f.value.year }))}</span>`
            : `<span class="missing">${esc(t('paper.missingFigure'))}</span>`
        }</dd></div>`,
    )
    .join('')}</dl>`;

  const columns = <T>(cells: T[]) => landscapeColumns(m, cells);
  const landscapeTables = m.landscape
    .map((g) => {
      const missing = `<span class="missing">${esc(t('paper.missingShort'))}</span>`;
      const body = g.rows
        .map((r) =>
          columns([
            `<th scope="row">${esc(r.label)}<br><span class="meta">${esc(r.unit)}</span></th>`,
            `<td class="n">${valueWithYear(r.region, t)}</td>`,
            `<td class="n">${valueWithYear(r.country, t)}</td>`,
            `<td class="n">${valueWithYear(r.eu, t)}</td>`,
            `<td class="n">${r.gap ? esc(r.gap) : missing}</td>`,
            `<td class="n">${r.rank ? esc(r.rank) : ''}</td>`,
            `<td>${esc(r.sources)}</td>`,
          ]).join(''),
        )
        .map((cells) => `<tr>${cells}</tr>`)
        .join('');
      const head = columns(
        m.landscapeHeader.map(
          (h, i) => `<th scope="col"${i > 0 && i < 6 ? ' class="n"' : ''}>${esc(h)}</th>`,
        ),
      ).join('');
      return `<h3>${esc(g.heading)}</h3><table><caption>${esc(t('paper.landscapeCaption', { dimension: g.heading, region: m.regionName }))}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    })
    .join('');
  const charts = m.charts.length
    ? `<h3>${esc(t('paper.trends'))}</h3>${m.charts
        .map(
          (c, i) =>
            `<figure><figcaption><strong>${esc(c.title)}</strong> (${esc(c.unit)}). <span class="meta">${esc(t('paper.col.source'))}: ${esc(c.sources)}</span></figcaption>${chartSvg(c, locale, `chart-${i}`)}${chartTableHtml(c, locale)}</figure>`,
        )
        .join('')}`
    : '';
  const landscape = m.landscape.length
    ? `<p>${esc(t('paper.landscapeLead'))}</p>${landscapeTables}${charts}`
    : `<p class="missing">${esc(t('paper.noIndicators'))}</p>`;

  const e = m.ecosystem;
  const clusterRows = e.clusters
    .map(
      (c) =>
        `<tr><th scope="row"><a href="/organisations/${esc(c.slug)}">${esc(c.name)}</a>${c.sample ? sampleBadge(t) : ''}</th><td class="n">${c.members}</td><td class="n">${c.sampleMembers}</td></tr>`,
    )
    .join('');
  const ecosystem =
    e.total === 0
      ? `<p class="missing">${esc(t('paper.noOrganisations'))}</p>`
      : [
          `<p>${esc(t('paper.ecosystemTotal', { count: e.total, region: m.regionName }))} ${esc(t('paper.ecosystemSample', { count: e.sample }))}</p>`,
          `<h3>${esc(t('paper.clusters'))}</h3>`,
          e.clusters.length
            ? `<table><caption>${esc(t('paper.clustersCaption'))}</caption><thead><tr><th scope="col">${esc(t('paper.col.cluster'))}</th><th scope="col" class="n">${esc(t('paper.col.members'))}</th><th scope="col" class="n">${esc(t('paper.col.ofWhichSample'))}</th></tr></thead><tbody>${clusterRows}</tbody></table>`
            : `<p class="missing">${esc(t('paper.noClusters'))}</p>`,
          countTable(t('paper.byType'), e.byType, t, t('paper.col.type')),
          countTable(t('paper.byEcosystem'), e.byEcosystem, t, t('paper.col.ecosystem')),
          countTable(t('paper.byNace'), e.byNaceSection, t, t('paper.col.nace')),
          `<p class="note">${esc(t('paper.sampleNote'))}</p>`,
        ].join('');

  const priorities = m.priorities.length
    ? m.priorities
        .map(
          (p) =>
            `<article><h3>${esc(p.title)}${p.sample ? sampleBadge(t) : ''}</h3>${paragraphs(p.paragraphs)}${
              p.ecosystems.length
                ? `<p><strong>${esc(t('paper.s3Ecosystems'))}:</strong> ${esc(p.ecosystems.join(', '))}</p>`
                : ''
            }${p.nace.length ? `<p><strong>${esc(t('paper.s3Nace'))}:</strong> ${esc(p.nace.join('; '))}</p>` : ''}${
              p.sourceUrl
                ? `<p class="note">${esc(t('paper.col.source'))}: <a href="${esc(p.sourceUrl)}">${esc(p.sourceUrl)}</a></p>`
                : ''
            }</article>`,
        )
        .join('')
    : `<p class="placeholder">${esc(t('paper.noS3'))}</p>`;

  const peers =
    m.peers === null
      ? ''
      : section(
          'peers',
          t('paper.peers'),
          m.peers.length
            ? `<p>${esc(t('paper.peersLead'))}</p>${m.peers
                .map((p) => {
                  const rows = p.better
                    .map(
                      (b) =>
                        `<tr><th scope="row">${esc(b.label)}</th><td class="n">${b.year}</td><td class="n">${esc(b.peer)}</td><td class="n">${esc(b.own)}</td></tr>`,
                    )
                    .join('');
                  return `<h3>${esc(t('paper.peerBetter', { peer: p.name }))} <span class="meta">(${esc(p.code)})</span></h3>${
                    p.better.length
                      ? `<table><caption>${esc(t('paper.peerCaption', { peer: p.name, region: m.regionName }))}</caption><thead><tr><th scope="col">${esc(t('paper.col.indicator'))}</th><th scope="col" class="n">${esc(t('paper.col.year'))}</th><th scope="col" class="n">${esc(p.name)}</th><th scope="col" class="n">${esc(m.regionName)}</th></tr></thead><tbody>${rows}</tbody></table>`
                      : `<p class="missing">${esc(t('paper.peerNothing', { peer: p.name }))}</p>`
                  }`;
                })
                .join('')}`
            : `<p class="missing">${esc(t('paper.noPeers'))}</p>`,
        );

  const sources = `<p>${esc(t('paper.sourcesLead'))}</p><ul>${m.sources
    .map(
      (s) =>
        `<li><strong>${s.url ? `<a href="${esc(s.url)}">${esc(s.name)}</a>` : esc(s.name)}</strong>. ${esc(s.publisher)}. ${esc(t('paper.licence'))}: ${esc(s.licence)}. ${esc(s.attribution)}.${s.note ? ` <span class="note">${esc(s.note)}</span>` : ''}</li>`,
    )
    .join(
      '',
    )}<li>${esc(t('paper.directorySource', { date: m.generatedOn }))}</li><li>${esc(t('attributions.nace'))}</li><li>${esc(t('paper.sectionsSource', { region: m.regionName }))}</li></ul>`;

  const toc: [string, string][] = [
    ['section-introduction', t('paper.section.introduction')],
    ['key-figures', t('paper.keyFigures')],
    ['landscape', t('paper.landscape')],
    ['ecosystem', t('paper.ecosystem')],
    ['s3', t('paper.s3')],
    ...(m.peers === null ? [] : [['peers', t('paper.peers')] as [string, string]]),
    ['section-megatrends', t('paper.section.megatrends')],
    ['section-challenges', t('paper.section.challenges')],
    ['section-outlook', t('paper.section.outlook')],
    ['sources', t('paper.sources')],
  ];

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="generator" content="Nexum">
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header class="cover">
<p class="kicker">${esc(t('paper.title'))}</p>
<h1>${esc(m.regionName)}</h1>
<p>${esc(m.levelLabel)} · NUTS ${esc(m.code)} · ${esc(m.countryName)}</p>
<p>${esc(t('paper.generatedLabel'))} <time datetime="${esc(m.generatedIso)}">${esc(m.generatedOn)}</time></p>
<p class="note">${esc(t('paper.generatedBy'))}</p>
<nav class="actions" aria-label="${esc(t('paper.formats'))}"><a href="?lang=${locale}&amp;format=pdf" type="application/pdf">${esc(t('paper.downloadPdf'))}</a><a href="?lang=${other}" hreflang="${other}" lang="${other}">${esc(translate(other, 'paper.inLanguage'))}</a><a href="/regions/${esc(m.code)}">${esc(t('paper.regionPage'))}</a></nav>
</header>
<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${esc(t('paper.contents'))}</h2><ol>${toc
    .map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`)
    .join('')}</ol></nav>
<main>
${narrative(m, 'introduction', t)}
${section('key-figures', t('paper.keyFigures'), keyFigures)}
${section('landscape', t('paper.landscape'), landscape)}
${section('ecosystem', t('paper.ecosystem'), ecosystem)}
${section('s3', t('paper.s3'), priorities)}
${peers}
${narrative(m, 'megatrends', t)}
${narrative(m, 'challenges', t)}
${narrative(m, 'outlook', t)}
${section('sources', t('paper.sources'), sources)}
</main>
</div>
</body>
</html>
`;
}
