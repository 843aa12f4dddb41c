// Tagged-PDF building blocks for the Input Paper on pdfkit: headings, paragraphs, tables and vector
// line charts, each a structure element (H1–H3, P, Table/TR/TH/TD, Figure with alternative text), and
// page furniture marked as artifacts so that screen readers skip it.
import { chartTable, layoutChart, SERIES_STYLE } from './paper.charts.ts';
import type { ChartModel } from './paper.model.ts';

export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const ACCENT = '#0b5394';
export const LINE = '#cccccc';

type Struct = PDFKit.PDFStructureElement;
type Align = 'left' | 'right';

export interface TableSpec {
  caption: string;
  header: string[];
  rows: string[][];
  /** Shares of the width, one per column. */
  widths: number[];
  align?: Align[];
}

const FONT_SIZE = { 1: 24, 2: 15, 3: 11.5 } as const;

export function pdfWriter(doc: PDFKit.PDFDocument, root: Struct) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  // continueOnNewPage closes the open marked content on the old page and reopens it on the new one,
  // which addPage alone does not: breaks inside a tagged element stay tagged.
  const newPage = () => (doc as unknown as { continueOnNewPage(): void }).continueOnNewPage();
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) newPage();
  };
  const tag = (
    parent: Struct,
    type: string,
    draw: () => void,
    options: PDFKit.Mixins.StructureElementOptions = {},
  ) => parent.add(doc.struct(type, options, draw));

  function section(parent: Struct = root): Struct {
    const s = doc.struct('Sect');
    parent.add(s);
    return s;
  }

  function heading(parent: Struct, level: 1 | 2 | 3, text: string) {
    const size = FONT_SIZE[level];
    doc.font('bold').fontSize(size);
    // Keep a heading with at least a few lines of what follows it.
    ensure(doc.heightOfString(text, { width }) + (level === 1 ? 0 : 48));
    if (level === 2 && doc.y > doc.page.margins.top + 1) doc.y += 10;
    tag(parent, `H${level}`, () => {
      doc
        .font('bold')
        .fontSize(size)
        .fillColor(level === 3 ? INK : ACCENT)
        .text(text, left, doc.y, { width });
    });
    if (level === 2) {
      doc.markContent('Artifact', { type: 'Layout' });
      doc
        .moveTo(left, doc.y + 2)
        .lineTo(left + width, doc.y + 2)
        .lineWidth(0.5)
        .stroke(LINE);
      doc.endMarkedContent();
      doc.y += 6;
    }
    doc.y += 3;
  }

  function para(
    parent: Struct,
    text: string,
    style: 'body' | 'note' | 'placeholder' | 'strong' = 'body',
    lang?: string,
  ) {
    const font = style === 'placeholder' ? 'italic' : style === 'strong' ? 'bold' : 'regular';
    const size = style === 'note' ? 8.5 : 10;
    doc.font(font).fontSize(size);
    ensure(Math.min(doc.heightOfString(text, { width }), 3 * size * 1.3));
    tag(
      parent,
      'P',
      () => {
        doc
          .font(font)
          .fontSize(size)
          .fillColor(style === 'body' || style === 'strong' ? INK : MUTED)
          .text(text, left, doc.y, { width, lineGap: 1.5 });
      },
      lang ? { lang } : {},
    );
    doc.y += style === 'note' ? 3 : 6;
  }

  function table(parent: Struct, spec: TableSpec) {
    const total = spec.widths.reduce((s, w) => s + w, 0);
    const cols = spec.widths.map((w) => (w / total) * width);
    const align = spec.align ?? spec.header.map((_, i) => (i === 0 ? 'left' : 'right'));
    const pad = 3;
    // The first cell of a body row is its header, in bold: measured in the font it is drawn in.
    const rowHeight = (cells: string[], header: boolean, size = 8.5) =>
      Math.max(
        ...cells.map((c, i) => {
          doc.font(header || i === 0 ? 'bold' : 'regular').fontSize(size);
          return doc.heightOfString(c || ' ', { width: cols[i]! - 2 * pad });
        }),
      ) +
      2 * pad;
    const t = doc.struct('Table');
    parent.add(t);
    doc.font('bold').fontSize(9);
    ensure(doc.heightOfString(spec.caption, { width }) + rowHeight(spec.header, true) + 30);
    tag(t, 'Caption', () => {
      doc.font('bold').fontSize(9).fillColor(INK).text(spec.caption, left, doc.y, { width });
    });
    doc.y += 2;
    const drawRow = (cells: string[], header: boolean, tagged: boolean, parentRow: Struct | null) => {
      const size = 8.5;
      const h = rowHeight(cells, header);
      const top = doc.y;
      let x = left;
      cells.forEach((cell, i) => {
        const draw = () => {
          doc
            .font(header || i === 0 ? 'bold' : 'regular')
            .fontSize(size)
            .fillColor(header ? MUTED : INK)
            .text(cell, x + pad, top + pad, { width: cols[i]! - 2 * pad, align: align[i] ?? 'left' });
        };
        const isHeader = header || i === 0;
        if (tagged && parentRow) {
          const scope = header ? 'Column' : 'Row';
          parentRow.add(
            doc.struct(
              isHeader ? 'TH' : 'TD',
              (isHeader ? { scope } : {}) as PDFKit.Mixins.StructureElementOptions,
              draw,
            ),
          );
        } else {
          draw();
        }
        x += cols[i]!;
      });
      doc.markContent('Artifact', { type: 'Layout' });
      doc
        .moveTo(left, top + h)
        .lineTo(left + width, top + h)
        .lineWidth(header ? 0.8 : 0.4)
        .stroke(header ? MUTED : LINE);
      doc.endMarkedContent();
      doc.y = top + h;
      doc.x = left;
      return h;
    };
    const headRow = doc.struct('TR');
    t.add(headRow);
    drawRow(spec.header, true, true, headRow);
    headRow.end();
    for (const cells of spec.rows) {
      if (doc.y + rowHeight(cells, false) > bottom()) {
        newPage();
        // The header again on the new page, for the eye only: the structure has it once.
        doc.markContent('Artifact', { type: 'Pagination' });
        drawRow(spec.header, true, false, null);
        doc.endMarkedContent();
      }
      const tr = doc.struct('TR');
      t.add(tr);
      drawRow(cells, false, true, tr);
      tr.end();
    }
    t.end();
    doc.y += 10;
  }

  /** A line chart drawn with paths (vectors), tagged as a Figure whose alternative text says what it shows. */
  function chart(parent: Struct, c: ChartModel, intlTag: string, height = 170) {
    ensure(height + 10);
    const top = doc.y;
    tag(
      parent,
      'Figure',
      () => {
        const layout = layoutChart(c, { x: left, y: top + 18, width, height: height - 18 });
        const { plot } = layout;
        doc.save();
        doc.lineWidth(0.4).strokeColor('#e3e3e3');
        doc.font('regular').fontSize(7).fillColor(MUTED);
        for (const tick of layout.yTicks) {
          doc
            .moveTo(plot.x, tick.y)
            .lineTo(plot.x + plot.width, tick.y)
            .stroke();
          const label = new Intl.NumberFormat(intlTag, { maximumFractionDigits: 2 }).format(tick.value);
          doc.text(label, plot.x - 40, tick.y - 3.5, { width: 36, align: 'right', lineBreak: false });
        }
        for (const tick of layout.xTicks) {
          doc.text(tick.label, tick.x - 15, plot.y + plot.height + 5, {
            width: 30,
            align: 'center',
            lineBreak: false,
          });
        }
        doc
          .moveTo(plot.x, plot.y)
          .lineTo(plot.x, plot.y + plot.height)
          .lineWidth(0.6)
          .stroke('#888888');
        let legendX = plot.x;
        for (const line of layout.lines) {
          const style = SERIES_STYLE[line.key];
          const stroke = () => {
            if (style.dash.length) doc.dash(style.dash[0]!, { space: style.dash[1] });
            else doc.undash();
            doc.lineWidth(1.6).stroke(style.color);
            doc.undash();
          };
          if (line.points.length > 1) {
            line.points.forEach((p, i) => {
              if (i) doc.lineTo(p.x, p.y);
              else doc.moveTo(p.x, p.y);
            });
            stroke();
          }
          for (const p of line.points) marker(style.marker, p.x, p.y, style.color);
          doc.moveTo(legendX, top + 7).lineTo(legendX + 20, top + 7);
          stroke();
          marker(style.marker, legendX + 10, top + 7, style.color);
          doc.font('regular').fontSize(8).fillColor(INK);
          doc.text(line.name, legendX + 25, top + 3, { lineBreak: false });
          legendX += 35 + doc.widthOfString(line.name);
        }
        doc.restore();
      },
      { alt: c.summary },
    );
    doc.y = top + height + 6;
    doc.x = left;
  }

  function marker(kind: 'circle' | 'square' | 'triangle', x: number, y: number, color: string) {
    if (kind === 'circle') doc.circle(x, y, 2.4).fill(color);
    else if (kind === 'square') doc.rect(x - 2.4, y - 2.4, 4.8, 4.8).fill(color);
    else doc.polygon([x, y - 3], [x + 3, y + 2.5], [x - 3, y + 2.5]).fill(color);
  }

  /** The chart's figures as a table under it: the exact values, readable without the picture. */
  function chartFigures(parent: Struct, c: ChartModel, caption: string, yearLabel: string, missing: string) {
    table(parent, {
      caption,
      header: [yearLabel, ...c.series.map((s) => s.name)],
      rows: chartTable(c).map((r) => [String(r.year), ...r.values.map((v) => v ?? missing)]),
      widths: [1, ...c.series.map(() => 2)],
    });
  }

  /** "Page n of m" and a running title on every page, as artifacts; call once at the end. */
  function footers(text: (page: number, pages: number) => string) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .font('regular')
        .fontSize(7.5)
        .fillColor(MUTED)
        .text(text(i + 1, range.count), left, doc.page.height - margin + 16, {
          width,
          align: 'center',
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.page.margins.bottom = margin;
    }
  }

  return { left, width, ensure, newPage, section, heading, para, table, chart, chartFigures, footers };
}
