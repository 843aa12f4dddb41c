import { AppError, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { B2bAction, B2bResource } from './b2b.policy.ts';
import { canB2b, isOrganiser } from './b2b.policy.ts';
import type { B2bQueries, B2bRepo, PersonRow, RequestRow } from './b2b.repo.ts';
import type { B2bParticipant } from './b2b.schemas.ts';
import { type Interval, overlaps, type Slot, slotsOf } from './slots.ts';

/** Shared steps of the B2B use cases: finding the event and the caller, availability, views. */

export type EventRow = NonNullable<Awaited<ReturnType<B2bRepo['findEvent']>>>;
export type Busy = 'blocked' | 'agenda' | 'meeting';

export const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', 400, message, { fields: [{ field: `body.${field}`, message }] });

export interface Caller {
  actor: Actor;
  event: EventRow;
  registration: { id: string; status: string; organisation_id: string | null } | null;
  optedIn: boolean;
}

/** The event (drafts only for organisers) and the caller's registration and opt-in. */
export async function callerOf(repo: B2bQueries, actor: Actor | null, idOrSlug: string): Promise<Caller> {
  if (!actor) throw unauthenticated();
  const event = await repo.findEvent(idOrSlug);
  if (!event || (event.status === 'draft' && !isOrganiser(actor, event.id))) throw notFound('Event');
  const registration = (await repo.registrationOf(event.id, actor.userId)) ?? null;
  const profile = registration ? await repo.profile(registration.id) : undefined;
  return { actor, event, registration, optedIn: !!profile?.active };
}

export function authorise(c: Caller, action: B2bAction, extra: Partial<B2bResource> = {}, message?: string) {
  const ok = canB2b(c.actor, action, {
    event: c.event,
    registration: c.registration,
    optedIn: c.optedIn,
    ...extra,
  });
  if (!ok) throw forbidden(message);
}

/** The caller's confirmed registration id (after authorise). */
export const myId = (c: Caller) => c.registration!.id;

export const isExpired = (r: Pick<RequestRow, 'status' | 'expires_at'>, now = Date.now()) =>
  r.status === 'pending' && !!r.expires_at && new Date(r.expires_at).getTime() <= now;

export const statusOf = (r: RequestRow, now = Date.now()) => (isExpired(r, now) ? 'expired' : r.status);

export const toRef = (p: PersonRow | undefined, id: string) => ({
  registrationId: id,
  name: p?.name ?? '—',
  organisationName: p?.organisation?.name ?? null,
});

export const toParticipant = (p: PersonRow): B2bParticipant => ({
  registrationId: p.registrationId,
  name: p.name,
  jobTitle: p.jobTitle,
  category: p.category,
  countryCode: p.countryCode,
  organisation: p.organisation,
  offer: p.offer,
  seek: p.seek,
  sample: p.sample,
});

export async function eventSlots(repo: B2bQueries, eventId: string): Promise<Slot[]> {
  return slotsOf(await repo.sessions(eventId));
}

/**
 * Why each registration cannot meet in each slot: blocked by hand, an agenda item of theirs, or a
 * meeting already there. Slots not in a registration's map are free.
 */
export async function availability(
  repo: B2bQueries,
  eventId: string,
  registrationIds: string[],
  slots: Slot[],
  opts: { meetings?: boolean } = {},
): Promise<Map<string, Map<string, Busy>>> {
  const ids = [...new Set(registrationIds)];
  const [agenda, blocked, booked] = await Promise.all([
    repo.agendaBusy(eventId, ids),
    repo.blocked(ids),
    opts.meetings === false ? Promise.resolve(new Map<string, Interval[]>()) : repo.booked(ids),
  ]);
  const out = new Map<string, Map<string, Busy>>();
  for (const id of ids) {
    const mine = new Map<string, Busy>();
    const items = agenda.get(id) ?? [];
    const hand = blocked.get(id) ?? [];
    const meets = booked.get(id) ?? [];
    // Over time, not by start: a meeting or a blocked range also takes every parallel session's slot
    // it overlaps.
    for (const s of slots) {
      if (meets.some((i) => overlaps(s, i))) mine.set(s.key, 'meeting');
      else if (items.some((i) => overlaps(s, i))) mine.set(s.key, 'agenda');
      else if (hand.some((i) => overlaps(s, i))) mine.set(s.key, 'blocked');
    }
    out.set(id, mine);
  }
  return out;
}

/** Everyone in a request: requester, addressee, then team members. */
export function meetingPeople(r: RequestRow, members: { request_id: string; registration_id: string }[]) {
  return [
    r.requester_id,
    r.addressee_id,
    ...members.filter((m) => m.request_id === r.id).map((m) => m.registration_id),
  ];
}

/**
 * A request the caller may see (organisers, the requester, the addressee, invited colleagues), its team
 * members who accepted (`members`, the people booked with the main parties) and every invited colleague.
 */
export async function loadRequest(c: Caller, requestId: string, lock: boolean, r: B2bQueries) {
  const req = await r.request(c.event.id, requestId, lock);
  const invited = req ? await r.invitations([req.id]) : [];
  const members = invited.filter((m) => m.status === 'accepted');
  const visible =
    req &&
    (isOrganiser(c.actor, c.event.id) ||
      (c.registration && meetingPeople(req, invited).includes(c.registration.id)));
  if (!req || !visible) throw notFound('Request');
  return {
    req,
    members,
    invited,
    resource: {
      requesterId: req.requester_id,
      addresseeId: req.addressee_id,
      memberIds: members.map((m) => m.registration_id),
      invitedIds: invited.map((m) => m.registration_id),
    },
  };
}
