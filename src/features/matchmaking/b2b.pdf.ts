import { newPdf, pdfToBuffer } from '../../server/pdf/document.ts';
import { type Locale, translate } from '../../shared/i18n/index.ts';
import type { B2bMeeting, TablePlan } from './b2b.schemas.ts';
import { dayLabel, slotLabel, timeLabel } from './format.ts';

type Key = Parameters<typeof translate>[1];

/** A participant's meetings: time in the event's zone, table, partners, message. */
export function meetingsPdf(
  locale: Locale,
  event: { title: string; timeZone: string },
  name: string,
  items: B2bMeeting[],
): Promise<Buffer> {
  const t = (k: Key, p?: Record<string, string | number>) => translate(locale, k, p);
  const doc = newPdf({ info: { Title: `${t('b2b.myMeetings')} — ${event.title}` } });
  doc.font('bold').fontSize(18).text(t('b2b.myMeetings'));
  doc.font('regular').fontSize(11).fillColor('#444').text(`${event.title} · ${name}`);
  doc.text(t('b2b.timesIn', { zone: event.timeZone }));
  doc.moveDown();
  doc.fillColor('#000');
  if (items.length === 0) doc.fontSize(12).text(t('b2b.noMeetings'));
  for (const m of items) {
    doc
      .font('bold')
      .fontSize(12)
      .text(slotLabel(locale, m.startsAt, m.endsAt, event.timeZone), { continued: true });
    doc.font('regular').text(`   ${[t('b2b.tableN', { n: m.table }), m.room].filter(Boolean).join(', ')}`);
    for (const p of m.partners) {
      doc
        .fontSize(11)
        .text([p.name, p.organisationName, p.email].filter(Boolean).join(' · '), { indent: 14 });
    }
    if (m.message) doc.font('italic').fontSize(10).fillColor('#444').text(m.message, { indent: 14 });
    doc.font('regular').fillColor('#000').moveDown(0.6);
  }
  return pdfToBuffer(doc);
}

/** The table plan for the room: per slot, table → participants. */
export function tablePlanPdf(locale: Locale, event: { title: string }, plan: TablePlan): Promise<Buffer> {
  const t = (k: Key, p?: Record<string, string | number>) => translate(locale, k, p);
  const doc = newPdf({ info: { Title: `${t('b2b.tablePlan')} — ${event.title}` } });
  doc.font('bold').fontSize(18).text(t('b2b.tablePlan'));
  doc.font('regular').fontSize(11).fillColor('#444').text(event.title);
  doc.text(t('b2b.timesIn', { zone: plan.timeZone })).fillColor('#000');
  let day = '';
  for (const s of plan.slots) {
    if (s.meetings.length === 0) continue;
    const d = dayLabel(locale, s.startsAt, plan.timeZone);
    if (d !== day) {
      day = d;
      doc.moveDown().font('bold').fontSize(14).text(d);
    }
    doc
      .moveDown(0.4)
      .font('bold')
      .fontSize(12)
      .text(
        `${timeLabel(locale, s.startsAt, plan.timeZone)}–${timeLabel(locale, s.endsAt, plan.timeZone)}  ${s.sessionTitle}`,
      );
    for (const m of s.meetings) {
      const who = m.participants.map((p) =>
        p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
      );
      doc
        .font('regular')
        .fontSize(10)
        .text(`${t('b2b.tableN', { n: m.table })}: ${who.join(' · ')}`, { indent: 14 });
    }
  }
  return pdfToBuffer(doc);
}
