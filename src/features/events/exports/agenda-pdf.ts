import { newPdf, pdfToBuffer } from '../../../server/pdf/document.ts';
import { formatDate, formatDateRange, intlTags, type Locale, translate } from '../../../shared/i18n/index.ts';
import type { AgendaSessionSnapshot } from '../agenda.types.ts';
import {
  type ExportContext,
  orderedSessions,
  peopleLines,
  pitchLine,
  typeLabel,
  venueLine,
} from './model.ts';
import { localParts } from './zoned.ts';

/** The printable agenda: title, dates, venue, then each day's sessions with times in the event's zone. */

const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#0b5394';
const DANGER = '#a61b1b';
const TIME_WIDTH = 86;

function dayHeading(locale: string, iso: string, timeZone: string): string {
  const s = new Intl.DateTimeFormat(intlTags[locale as Locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Row {
  time: string;
  type: string;
  title: string;
  details: string[];
}

function sessionRow(ctx: ExportContext, s: AgendaSessionSnapshot): Row {
  const tz = ctx.event.timeZone;
  // The venue heads the first page, so a row names only its room (or the place a site visit goes to).
  const details = [s.room ?? '', ...peopleLines(ctx.locale, s.people)].filter(Boolean);
  if (s.pitches.length) {
    details.push(`${translate(ctx.locale, 'exports.pitches')}:`);
    details.push(...s.pitches.map((p) => `•  ${pitchLine(ctx.locale, p)}`));
  }
  // An estimated time gets an asterisk, explained once under the title, rather than a note on each row.
  return {
    time: `${localParts(s.startsAt, tz).time}–${localParts(s.endsAt, tz).time}${s.timeIsEstimate ? '*' : ''}`,
    type: typeLabel(ctx.locale, s.type),
    title: s.title,
    details,
  };
}

function rowHeight(doc: PDFKit.PDFDocument, row: Row, width: number): number {
  let h = 0;
  doc.font('regular').fontSize(8);
  h += doc.heightOfString(row.type.toUpperCase(), { width });
  doc.font('bold').fontSize(11);
  h += doc.heightOfString(row.title, { width }) + 2;
  doc.font('regular').fontSize(9);
  for (const d of row.details) h += doc.heightOfString(d, { width });
  return h + 10;
}

function fits(doc: PDFKit.PDFDocument, row: Row): boolean {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right - TIME_WIDTH;
  return doc.y + rowHeight(doc, row, width) <= doc.page.height - doc.page.margins.bottom;
}

function drawRow(doc: PDFKit.PDFDocument, row: Row): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right - TIME_WIDTH;
  const top = doc.y;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(INK)
    .text(row.time, left, top + 9, { width: TIME_WIDTH - 8 });
  doc.font('regular').fontSize(8).fillColor(ACCENT);
  doc.text(row.type.toUpperCase(), left + TIME_WIDTH, top, { width, characterSpacing: 0.5 });
  doc.font('bold').fontSize(11).fillColor(INK).text(row.title, { width });
  doc.moveDown(0.15);
  doc.font('regular').fontSize(9).fillColor(MUTED);
  for (const d of row.details) doc.text(d, { width });
  doc.y += 10;
  doc.x = left;
}

export async function renderAgendaPdf(ctx: ExportContext): Promise<Buffer> {
  const { event, locale } = ctx;
  const tz = event.timeZone;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const doc = newPdf({
    info: {
      Title: `${event.title} — ${t('exports.agenda')}`,
      Author: 'Nexum',
      Subject: t('exports.agenda'),
      // The publication time rather than now, so one version always gives the same file (and ETag).
      CreationDate: new Date(ctx.agenda?.publishedAt ?? event.updatedAt),
    },
    lang: locale,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('regular').fontSize(10).fillColor(ACCENT).text(t('exports.agenda').toUpperCase(), {
    characterSpacing: 1,
  });
  doc.font('bold').fontSize(20).fillColor(INK).text(event.title, { width });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).fillColor(INK);
  doc.text(formatDateRange(locale, event.startsAt, event.endsAt, tz), { width });
  const venue = venueLine(event);
  if (venue) doc.text(venue, { width });
  doc
    .fontSize(9)
    .fillColor(MUTED)
    .text(t('exports.timesIn', { zone: tz }), { width });
  if (ctx.agenda) {
    doc.text(
      t('exports.versionLine', {
        version: ctx.agenda.version,
        date: formatDate(locale, ctx.agenda.publishedAt, tz),
      }),
      { width },
    );
  }
  if (ctx.agenda?.sessions.some((s) => s.timeIsEstimate)) doc.text(t('exports.estimateShort'), { width });
  if (event.status === 'cancelled') {
    doc.moveDown(0.5).font('bold').fontSize(12).fillColor(DANGER).text(t('exports.cancelled'), { width });
  }
  doc.moveDown(0.8);

  const sessions = orderedSessions(ctx.agenda);
  if (!ctx.agenda) {
    doc.font('italic').fontSize(10).fillColor(MUTED).text(t('exports.notPublished'), { width });
    doc.moveDown(0.8);
  }
  const rows: { day: string; dayLabel: string; row: Row }[] = ctx.agenda
    ? sessions.map((s) => ({
        day: localParts(s.startsAt, tz).date,
        dayLabel: dayHeading(locale, s.startsAt, tz),
        row: sessionRow(ctx, s),
      }))
    : [
        {
          day: localParts(event.startsAt, tz).date,
          dayLabel: dayHeading(locale, event.startsAt, tz),
          row: {
            time: `${localParts(event.startsAt, tz).time}–${localParts(event.endsAt, tz).time}`,
            type: t('exports.eventItem'),
            title: event.title,
            details: [venue, event.summary].filter(Boolean),
          },
        },
      ];

  const heading = (label: string) => {
    doc.moveDown(0.4);
    doc.font('bold').fontSize(14).fillColor(INK).text(label, left, doc.y, { width });
    const y = doc.y + 3;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.8)
      .strokeColor(ACCENT)
      .stroke();
    doc.y = y + 8;
  };
  let currentDay = '';
  for (const { day, dayLabel, row } of rows) {
    if (day !== currentDay) {
      currentDay = day;
      // A day heading never ends a page alone.
      if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      heading(dayLabel);
    } else if (!fits(doc, row)) {
      // A day that runs onto the next page is named again there.
      doc.addPage();
      heading(t('exports.continued', { day: dayLabel }));
    }
    if (!fits(doc, row)) doc.addPage();
    drawRow(doc, row);
  }

  // Page numbers, written into the bottom margin once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${event.title} · ${t('exports.pageOf', { page: i + 1, pages: range.count })}`,
        left,
        doc.page.height - bottom + 16,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  return pdfToBuffer(doc);
}
