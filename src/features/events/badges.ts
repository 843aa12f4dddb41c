import QRCode from 'qrcode';
import type { RegistrationCategory } from '../../server/db/schema.ts';
import { newPdf, pdfToBuffer } from '../../server/pdf/document.ts';
import { countryName, formatDateRange, type Locale } from '../../shared/i18n/index.ts';

export interface BadgeData {
  name: string;
  organisation: string | null;
  category: RegistrationCategory;
  country_code: string | null;
  badge_code: string;
}

export interface BadgeEvent {
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

const CATEGORY_LABELS: Record<Locale, Record<RegistrationCategory, string>> = {
  en: {
    cluster: 'Cluster organisation',
    policymaker: 'Policymaker / public authority',
    company: 'Company',
    startup: 'Start-up',
    research: 'Research / university',
    other: 'Participant',
  },
  it: {
    cluster: 'Organizzazione cluster',
    policymaker: 'Decisore pubblico / autorità pubblica',
    company: 'Impresa',
    startup: 'Start-up',
    research: 'Ricerca / università',
    other: 'Partecipante',
  },
};

/** The PNG of the QR code a badge carries: the badge code, which check-in reads. */
export function badgeQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}

// A6 badges: four to an A4 page for organisers; a participant's own badge is one A6 page.
const A6 = { w: 297.64, h: 419.53 };
const ACCENT = '#1d4ed8';

async function drawBadge(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  b: BadgeData,
  event: BadgeEvent,
  locale: Locale,
) {
  // Printers leave a margin: everything, the coloured band included, stays 14 pt inside the cut.
  const inset = 14;
  const pad = 26;
  const w = A6.w - 2 * pad;
  // Cut marks: a thin frame organisers cut along.
  doc.save().lineWidth(0.5).strokeColor('#9ca3af').rect(x, y, A6.w, A6.h).stroke().restore();
  doc
    .save()
    .roundedRect(x + inset, y + inset, A6.w - 2 * inset, 62, 6)
    .fill(ACCENT)
    .restore();
  doc
    .fillColor('#ffffff')
    .font('bold')
    .fontSize(12)
    .text(event.title, x + pad, y + inset + 12, { width: w, height: 30, ellipsis: true, lineBreak: true });
  doc
    .font('regular')
    .fontSize(8.5)
    .text(
      formatDateRange(locale, event.startsAt.toISOString(), event.endsAt.toISOString(), event.timeZone),
      x + pad,
      y + inset + 44,
      { width: w, lineBreak: false },
    );
  // The name as large as fits on one line (down to 14 pt, then it wraps).
  let size = 24;
  doc.font('bold');
  while (size > 14 && doc.fontSize(size).widthOfString(b.name) > w) size -= 1;
  doc
    .fillColor('#111827')
    .fontSize(size)
    .text(b.name, x + pad, y + 98, { width: w, height: size * 2.6, ellipsis: true });
  doc
    .font('regular')
    .fontSize(12)
    .fillColor('#374151')
    .text(b.organisation ?? '', x + pad, doc.y + 8, { width: w, height: 32, ellipsis: true });
  const country = b.country_code ? countryName(locale, b.country_code) : '';
  doc
    .fontSize(10)
    .fillColor(ACCENT)
    .text([CATEGORY_LABELS[locale][b.category], country].filter(Boolean).join(' · '), x + pad, doc.y + 6, {
      width: w,
      lineBreak: false,
      ellipsis: true,
    });
  const qr = 150;
  doc.image(await badgeQrPng(b.badge_code), x + (A6.w - qr) / 2, y + A6.h - qr - 40, {
    width: qr,
    height: qr,
  });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#374151')
    .text(b.badge_code, x + pad, y + A6.h - 36, {
      width: w,
      align: 'center',
      lineBreak: false,
    });
}

/**
 * Badges as a PDF: each with the event, the participant's name, organisation, category and country, and
 * a QR code of the badge code. `layout: 'single'` makes one A6 page; 'sheet' puts four on each A4 page.
 */
export async function badgesPdf(
  event: BadgeEvent,
  badges: readonly BadgeData[],
  opts: { locale: Locale; layout: 'single' | 'sheet' },
): Promise<Buffer> {
  const single = opts.layout === 'single';
  const doc = newPdf({ size: single ? [A6.w, A6.h] : 'A4', margin: 0, autoFirstPage: false });
  doc.info.Title = `${event.title} — badges`;
  const margin = (595.28 - 2 * A6.w) / 2;
  const top = (841.89 - 2 * A6.h) / 2;
  for (let i = 0; i < badges.length; i++) {
    const slot = single ? 0 : i % 4;
    if (slot === 0) doc.addPage();
    const x = single ? 0 : margin + (slot % 2) * A6.w;
    const y = single ? 0 : top + Math.floor(slot / 2) * A6.h;
    await drawBadge(doc, x, y, badges[i]!, event, opts.locale);
  }
  if (badges.length === 0) {
    doc.addPage();
    doc
      .fontSize(12)
      .text(opts.locale === 'it' ? 'Nessun partecipante confermato.' : 'No confirmed participants.', 48, 48);
  }
  return pdfToBuffer(doc);
}
