// The Input Paper as a tagged A4 PDF (pdfkit, the project's DejaVu font): the same content and order as
// the HTML paper, charts drawn as vector paths, each chart followed by its figures as a table.
import { newPdf, pdfToBuffer } from '../../server/pdf/document.ts';
import { intlTags, type Locale, type MessageKey, translate } from '../../shared/i18n/index.ts';
import { type CountLine, landscapeColumns, type PaperModel, type Value } from './paper.model.ts';
import { ACCENT, INK, MUTED, pdfWriter } from './paper.pdf-kit.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;
type Writer = ReturnType<typeof pdfWriter>;
type Struct = PDFKit.PDFStructureElement;

const withYear = (v: Value | null, t: T) => (v ? `${v.text} (${v.year})` : t('paper.missingShort'));

function counts(w: Writer, parent: Struct, caption: string, first: string, rows: CountLine[], t: T) {
  if (!rows.length) return;
  w.table(parent, {
    caption,
    header: [first, t('paper.col.count'), t('paper.col.ofWhichSample')],
    rows: rows.map((r) => [r.label, String(r.n), String(r.sample)]),
    widths: [4, 1, 1],
  });
}

function narrative(w: Writer, m: PaperModel, key: PaperModel['sections'][number]['key'], t: T) {
  const s = m.sections.find((x) => x.key === key)!;
  const sect = w.section();
  w.heading(sect, 2, s.heading);
  if (!s.paragraphs) {
    w.para(sect, t('paper.notWritten'), 'placeholder');
  } else {
    if (s.language !== m.locale)
      w.para(sect, t('paper.otherLanguage', { language: s.otherLanguage ?? s.language }), 'note');
    if (s.sample) w.para(sect, t('paper.demoText'), 'note');
    if (s.version !== null && s.date)
      w.para(sect, t('paper.versionLine', { version: s.version, date: s.date }), 'note');
    for (const p of s.paragraphs) w.para(sect, p, 'body', s.language !== m.locale ? s.language : undefined);
  }
  sect.end();
}

function cover(doc: PDFKit.PDFDocument, w: Writer, root: Struct, m: PaperModel, t: T) {
  doc.markContent('Artifact', { type: 'Layout' });
  doc.rect(0, 0, doc.page.width, 14).fill(ACCENT);
  doc.endMarkedContent();
  doc.y = 200;
  const sect = w.section(root);
  w.para(sect, t('paper.title').toUpperCase(), 'strong');
  w.heading(sect, 1, m.regionName);
  w.para(sect, `${m.levelLabel} · NUTS ${m.code} · ${m.countryName}`);
  w.para(sect, `${t('paper.generatedLabel')} ${m.generatedOn}`);
  doc.y += 20;
  w.para(sect, t('paper.generatedBy'), 'note');
  sect.end();
  w.newPage();
}

export async function renderPaperPdf(m: PaperModel): Promise<Buffer> {
  const locale: Locale = m.locale;
  const t: T = (key, params) => translate(locale, key, params);
  const title = `${t('paper.title')}: ${m.regionName}`;
  const doc = newPdf({
    info: {
      Title: title,
      Author: 'Nexum',
      Subject: t('paper.title'),
      CreationDate: new Date(m.generatedIso),
    },
    lang: locale,
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const w = pdfWriter(doc, root);

  cover(doc, w, root, m, t);
  narrative(w, m, 'introduction', t);

  let s = w.section();
  w.heading(s, 2, t('paper.keyFigures'));
  w.table(s, {
    caption: t('paper.keyFiguresCaption', { region: m.regionName }),
    header: [t('paper.col.indicator'), t('paper.col.value'), t('paper.col.year'), t('paper.col.source')],
    rows: m.keyFigures.map((f) =>
      f.value
        ? [f.label, `${f.value.text} ${f.unit}`, String(f.value.year), f.source ?? '']
        : [f.label, t('paper.missingFigure'), '', ''],
    ),
    widths: [3.2, 2.6, 0.8, 2.2],
    align: ['left', 'right', 'right', 'left'],
  });
  s.end();

  s = w.section();
  w.heading(s, 2, t('paper.landscape'));
  if (!m.landscape.length) w.para(s, t('paper.noIndicators'), 'placeholder');
  else w.para(s, t('paper.landscapeLead'));
  const columns = <T>(cells: T[]) => landscapeColumns(m, cells);
  for (const g of m.landscape) {
    w.heading(s, 3, g.heading);
    w.table(s, {
      caption: t('paper.landscapeCaption', { dimension: g.heading, region: m.regionName }),
      header: columns(m.landscapeHeader),
      rows: g.rows.map((r) =>
        columns([
          `${r.label} (${r.unit})`,
          withYear(r.region, t),
          withYear(r.country, t),
          withYear(r.eu, t),
          r.gap ?? t('paper.missingShort'),
          r.rank ?? '',
          r.sources,
        ]),
      ),
      widths: columns([3, 1.4, 1.4, 1.4, 1.3, 1.1, 1.4]),
      align: columns<'left' | 'right'>(['left', 'right', 'right', 'right', 'right', 'right', 'left']),
    });
  }
  if (m.charts.length) w.heading(s, 3, t('paper.trends'));
  for (const c of m.charts) {
    const fig = w.section(s);
    w.para(fig, `${c.title} (${c.unit}). ${t('paper.col.source')}: ${c.sources}`, 'strong');
    w.chart(fig, c, intlTags[locale]);
    w.chartFigures(
      fig,
      c,
      t('paper.chartTable', { indicator: c.title, unit: c.unit }),
      t('paper.col.year'),
      t('paper.missingShort'),
    );
    fig.end();
  }
  s.end();

  const e = m.ecosystem;
  s = w.section();
  w.heading(s, 2, t('paper.ecosystem'));
  if (e.total === 0) {
    w.para(s, t('paper.noOrganisations'), 'placeholder');
  } else {
    w.para(
      s,
      `${t('paper.ecosystemTotal', { count: e.total, region: m.regionName })} ${t('paper.ecosystemSample', { count: e.sample })}`,
    );
    w.heading(s, 3, t('paper.clusters'));
    if (e.clusters.length) {
      w.table(s, {
        caption: t('paper.clustersCaption'),
        header: [t('paper.col.cluster'), t('paper.col.members'), t('paper.col.ofWhichSample')],
        rows: e.clusters.map((c) => [
          c.sample ? `${c.name} (${t('paper.sampleMark')})` : c.name,
          String(c.members),
          String(c.sampleMembers),
        ]),
        widths: [4, 1, 1],
      });
    } else {
      w.para(s, t('paper.noClusters'), 'placeholder');
    }
    counts(w, s, t('paper.byType'), t('paper.col.type'), e.byType, t);
    counts(w, s, t('paper.byEcosystem'), t('paper.col.ecosystem'), e.byEcosystem, t);
    counts(w, s, t('paper.byNace'), t('paper.col.nace'), e.byNaceSection, t);
    w.para(s, t('paper.sampleNote'), 'note');
  }
  s.end();

  s = w.section();
  w.heading(s, 2, t('paper.s3'));
  if (!m.priorities.length) w.para(s, t('paper.noS3'), 'placeholder');
  for (const p of m.priorities) {
    w.heading(s, 3, p.sample ? `${p.title} (${t('paper.sampleMark')})` : p.title);
    for (const text of p.paragraphs) w.para(s, text);
    if (p.ecosystems.length) w.para(s, `${t('paper.s3Ecosystems')}: ${p.ecosystems.join(', ')}`, 'note');
    if (p.nace.length) w.para(s, `${t('paper.s3Nace')}: ${p.nace.join('; ')}`, 'note');
    if (p.sourceUrl) w.para(s, `${t('paper.col.source')}: ${p.sourceUrl}`, 'note');
  }
  s.end();

  if (m.peers !== null) {
    s = w.section();
    w.heading(s, 2, t('paper.peers'));
    w.para(
      s,
      m.peers.length ? t('paper.peersLead') : t('paper.noPeers'),
      m.peers.length ? 'body' : 'placeholder',
    );
    for (const p of m.peers) {
      w.heading(s, 3, `${t('paper.peerBetter', { peer: p.name })} (${p.code})`);
      if (!p.better.length) w.para(s, t('paper.peerNothing', { peer: p.name }), 'placeholder');
      else
        w.table(s, {
          caption: t('paper.peerCaption', { peer: p.name, region: m.regionName }),
          header: [t('paper.col.indicator'), t('paper.col.year'), p.name, m.regionName],
          rows: p.better.map((b) => [b.label, String(b.year), b.peer, b.own]),
          widths: [3, 0.8, 2, 2],
        });
    }
    s.end();
  }

  narrative(w, m, 'megatrends', t);
  narrative(w, m, 'challenges', t);
  narrative(w, m, 'outlook', t);

  s = w.section();
  w.heading(s, 2, t('paper.sources'));
  w.para(s, t('paper.sourcesLead'));
  for (const src of m.sources) {
    w.para(
      s,
      `${src.name}. ${src.publisher}. ${t('paper.licence')}: ${src.licence}. ${src.attribution}.${src.url ? ` ${src.url}` : ''}`,
    );
    if (src.note) w.para(s, src.note, 'note');
  }
  w.para(s, t('paper.directorySource', { date: m.generatedOn }));
  w.para(s, t('attributions.nace'));
  w.para(s, t('paper.sectionsSource', { region: m.regionName }));
  s.end();
  root.end();

  w.footers((page, pages) => t('paper.footer', { title, page, pages }));
  doc.fillColor(INK).strokeColor(MUTED);
  return pdfToBuffer(doc);
}
