import type { Kysely } from 'kysely';
import type { B2bOutcome, DB } from '../../server/db/schema.ts';
import { conflict, notFound } from '../../server/http/errors.ts';
import { type Locale, translate } from '../../shared/i18n/index.ts';
import type { Actor } from '../accounts/actor.ts';
import { type CalendarItem, registerCalendarSource } from '../events/exports/calendar-sources.ts';
import { authorise, callerOf, meetingPeople, myId, toRef } from './b2b.context.ts';
import { meetingsPdf } from './b2b.pdf.ts';
import { type B2bQueries, type B2bRepo, b2bRepo } from './b2b.repo.ts';
import type { B2bMeeting } from './b2b.schemas.ts';

/** The meetings of one registration, in time order, with partners and the caller's outcome. */
export async function meetingsOf(
  repo: B2bQueries,
  eventId: string,
  registrationId: string,
): Promise<(B2bMeeting & { createdAt: number })[]> {
  const requestIds = await repo.meetingRequestIdsOf(registrationId);
  if (requestIds.length === 0) return [];
  const [meetings, requests, outcomes] = await Promise.all([
    repo.meetings(eventId, requestIds),
    repo.requestsOfEvent(eventId, ['accepted']),
    repo.outcomes(requestIds),
  ]);
  const members = await repo.members(requestIds);
  const byId = new Map(requests.map((r) => [r.id, r]));
  const everyone = [
    ...new Set(requestIds.flatMap((id) => (byId.get(id) ? meetingPeople(byId.get(id)!, members) : []))),
  ];
  const people = new Map((await repo.people(eventId, everyone)).map((p) => [p.registrationId, p]));
  const now = Date.now();
  return meetings.flatMap((m) => {
    const r = byId.get(m.request_id);
    if (!r) return [];
    return [
      {
        requestId: r.id,
        sessionId: m.session_id,
        startsAt: new Date(m.starts_at).toISOString(),
        endsAt: new Date(m.ends_at).toISOString(),
        table: m.table_no,
        room: m.room,
        message: r.message,
        partners: meetingPeople(r, members)
          .filter((id) => id !== registrationId)
          .map((id) => {
            const p = people.get(id);
            return { ...toRef(p, id), email: p?.consentContact ? p.email : null };
          }),
        myRole:
          r.requester_id === registrationId
            ? ('requester' as const)
            : r.addressee_id === registrationId
              ? ('addressee' as const)
              : ('colleague' as const),
        myOutcome:
          outcomes.find((o) => o.request_id === r.id && o.registration_id === registrationId)?.outcome ??
          null,
        outcomeOpen: new Date(m.starts_at).getTime() <= now,
        createdAt: new Date(m.created_at).getTime(),
      },
    ];
  });
}

/**
 * The B2B meetings of a registration as entries of its personal iCal feed (registered below as the
 * calendar source 'b2b' of the events exports): the table and room as location, partners and message
 * as description. A meeting moved by a new schedule is a new row, so its creation time is the sequence.
 */
export async function b2bCalendarItems(
  db: Kysely<DB>,
  registration: { id: string; eventId: string; status: string; locale: Locale },
): Promise<CalendarItem[]> {
  if (registration.status !== 'confirmed') return [];
  const repo = b2bRepo(db);
  const event = await repo.eventById(registration.eventId);
  if (!event) return [];
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(registration.locale, k, p);
  return (await meetingsOf(repo, registration.eventId, registration.id)).map((m) => {
    const partners = m.partners.map((p) =>
      p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
    );
    return {
      id: m.requestId,
      title: t('b2b.calendarTitle', { partners: partners.join(', ') }),
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      location: [t('b2b.tableN', { n: m.table }), m.room, event.venue_name].filter(Boolean).join(', '),
      description: [t('b2b.meetingWith', { partners: partners.join(', ') }), m.message]
        .filter(Boolean)
        .join('\n\n'),
      url: `/events/${event.slug}/b2b`,
      categories: ['B2B'],
      sequence: Math.max(0, Math.floor((m.createdAt - Date.UTC(2020, 0, 1)) / 1000)),
    };
  });
}
registerCalendarSource('b2b', b2bCalendarItems);

export function meetingsService(repo: B2bRepo) {
  return {
    async mine(actor: Actor | null, idOrSlug: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'opt_in', {}, 'Only confirmed participants have B2B meetings');
      const items = await meetingsOf(repo, c.event.id, myId(c));
      return { timeZone: c.event.time_zone, items: items.map(({ createdAt: _, ...m }) => m) };
    },

    async pdf(actor: Actor | null, idOrSlug: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'opt_in', {}, 'Only confirmed participants have B2B meetings');
      const me = (await repo.people(c.event.id, [myId(c)]))[0]!;
      const items = await meetingsOf(repo, c.event.id, myId(c));
      return meetingsPdf(
        c.actor.locale,
        { title: c.event.title, timeZone: c.event.time_zone },
        me.name,
        items,
      );
    },

    /** Each side records what happened, once the meeting has started. */
    async recordOutcome(
      actor: Actor | null,
      idOrSlug: string,
      requestId: string,
      input: { outcome: B2bOutcome; note: string },
    ) {
      const c = await callerOf(repo, actor, idOrSlug);
      const req = await repo.request(c.event.id, requestId);
      const members = req ? await repo.members([req.id]) : [];
      const inIt = !!req && !!c.registration && meetingPeople(req, members).includes(c.registration.id);
      if (!req || (!inIt && !c.actor.isAdmin && c.actor.eventRoles.get(c.event.id) !== 'organiser'))
        throw notFound('Request');
      authorise(
        c,
        'record_outcome',
        {
          request: {
            requesterId: req.requester_id,
            addresseeId: req.addressee_id,
            memberIds: members.map((m) => m.registration_id),
          },
        },
        'Only the people in a meeting record its outcome',
      );
      const [meeting] = await repo.meetings(c.event.id, [req.id]);
      if (req.status !== 'accepted' || !meeting) throw conflict('This meeting is not scheduled');
      if (new Date(meeting.starts_at).getTime() > Date.now())
        throw conflict('The outcome can be recorded once the meeting has started');
      await repo.setOutcome(req.id, myId(c), input.outcome, input.note);
      const { createdAt: _, ...m } = (await meetingsOf(repo, c.event.id, myId(c))).find(
        (x) => x.requestId === req.id,
      )!;
      return m;
    },
  };
}
export type MeetingsService = ReturnType<typeof meetingsService>;
