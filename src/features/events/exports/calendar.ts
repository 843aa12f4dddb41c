import { translate } from '../../../shared/i18n/index.ts';
import type { AgendaSessionSnapshot } from '../agenda.types.ts';
import type { CalendarItem } from './calendar-sources.ts';
import type { IcalCalendar, IcalEvent } from './ical.ts';
import {
  baseUrl,
  type ExportContext,
  eventUrl,
  orderedSessions,
  PRODID,
  peopleLines,
  pitchLine,
  sessionLocation,
  sessionUrl,
  typeLabel,
  uidHost,
  venueLine,
} from './model.ts';

/** Builds the calendars (pure): the whole agenda, one person's sessions, a participant's feed. */

const icalStatus = (s: 'confirmed' | 'tentative' | 'cancelled') =>
  s === 'cancelled' ? 'CANCELLED' : s === 'tentative' ? 'TENTATIVE' : 'CONFIRMED';

/** The version calendar apps compare: the published agenda's number, so each publication updates them. */
function sequence(ctx: ExportContext): number {
  return ctx.agenda?.version ?? 0;
}

/** DTSTAMP: the publication time, so downloading twice gives the same bytes. */
function stamp(ctx: ExportContext): string {
  return ctx.agenda?.publishedAt ?? ctx.event.updatedAt;
}

function cancelledOr(ctx: ExportContext, status: IcalEvent['status']): IcalEvent['status'] {
  return ctx.event.status === 'cancelled' ? 'CANCELLED' : status;
}

export function sessionEvent(ctx: ExportContext, s: AgendaSessionSnapshot): IcalEvent {
  const { locale } = ctx;
  const parts = [s.description.trim(), peopleLines(locale, s.people).join('\n')];
  if (s.pitches.length) {
    parts.push(
      `${translate(locale, 'exports.pitches')}:\n${s.pitches.map((p) => `– ${pitchLine(locale, p)}`).join('\n')}`,
    );
  }
  if (s.timeIsEstimate) parts.push(translate(locale, 'exports.estimateNote'));
  parts.push(ctx.event.title);
  return {
    uid: `${s.id}@${uidHost(ctx.publicUrl)}`,
    start: s.startsAt,
    end: s.endsAt,
    summary: s.title,
    description: parts.filter(Boolean).join('\n\n'),
    location: sessionLocation(ctx.event, s) || undefined,
    url: sessionUrl(ctx, s),
    categories: [typeLabel(locale, s.type)],
    sequence: sequence(ctx),
    status: cancelledOr(ctx, 'CONFIRMED'),
    stamp: stamp(ctx),
  };
}

/** The event as one item: what a calendar holds before an agenda is published, and the personal feed's frame. */
export function wholeEvent(ctx: ExportContext, status: 'confirmed' | 'tentative' = 'confirmed'): IcalEvent {
  const e = ctx.event;
  return {
    uid: `${e.id}@${uidHost(ctx.publicUrl)}`,
    start: e.startsAt,
    end: e.endsAt,
    summary: e.title,
    description: [e.summary.trim(), eventUrl(ctx)].filter(Boolean).join('\n\n'),
    location: venueLine(e) || undefined,
    url: eventUrl(ctx),
    sequence: sequence(ctx),
    status: cancelledOr(ctx, icalStatus(status)),
    stamp: stamp(ctx),
  };
}

function calendar(ctx: ExportContext, name: string, events: IcalEvent[], feed = false): IcalCalendar {
  return {
    prodId: PRODID,
    name,
    description: ctx.event.summary || undefined,
    timeZone: ctx.event.timeZone,
    refreshInterval: feed ? 'PT1H' : undefined,
    events,
  };
}

/** Every session of the published agenda, or the event alone when nothing is published. */
export function eventCalendar(ctx: ExportContext): IcalCalendar {
  const sessions = orderedSessions(ctx.agenda);
  const events = ctx.agenda ? sessions.map((s) => sessionEvent(ctx, s)) : [wholeEvent(ctx)];
  return calendar(ctx, ctx.event.title, events, true);
}

/** The sessions where the person has a role (the event alone when nothing is published). */
export function personCalendar(ctx: ExportContext, person: { id: string; name: string }): IcalCalendar {
  const sessions = orderedSessions(ctx.agenda).filter((s) => s.people.some((p) => p.personId === person.id));
  const events = ctx.agenda ? sessions.map((s) => sessionEvent(ctx, s)) : [wholeEvent(ctx)];
  return calendar(ctx, `${ctx.event.title} — ${person.name}`, events, true);
}

/**
 * A participant's feed: the event itself, the sessions they have a role in, the sessions they signed up
 * for (site visits), and the items other features contribute.
 */
export function personalCalendar(
  ctx: ExportContext,
  who: {
    personId: string | null;
    signedUpSessionIds: ReadonlySet<string>;
    registrationStatus: string;
    contributed: { source: string; items: CalendarItem[] }[];
  },
): IcalCalendar {
  const tentative = who.registrationStatus !== 'confirmed';
  const events: IcalEvent[] = [wholeEvent(ctx, tentative ? 'tentative' : 'confirmed')];
  for (const s of orderedSessions(ctx.agenda)) {
    const hasRole = !!who.personId && s.people.some((p) => p.personId === who.personId);
    if (hasRole || who.signedUpSessionIds.has(s.id)) events.push(sessionEvent(ctx, s));
  }
  const host = uidHost(ctx.publicUrl);
  for (const { source, items } of who.contributed) {
    for (const item of items) {
      events.push({
        uid: `${source}-${item.id}@${host}`,
        start: item.startsAt,
        end: item.endsAt,
        summary: item.title,
        description: item.description,
        location: item.location,
        url: item.url?.startsWith('/') ? `${baseUrl(ctx.publicUrl)}${item.url}` : item.url,
        categories: item.categories,
        sequence: item.sequence ?? sequence(ctx),
        status: cancelledOr(ctx, icalStatus(item.status ?? 'confirmed')),
        stamp: stamp(ctx),
      });
    }
  }
  return calendar(ctx, translate(ctx.locale, 'exports.myAgenda', { event: ctx.event.title }), events, true);
}
