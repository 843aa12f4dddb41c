import type { Updateable } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { badRequest, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import { slugify } from '../../shared/slug.ts';
import type { Actor } from '../accounts/actor.ts';
import { toOrganisationSummary } from '../organisations/organisations.service.ts';
import { canEvent } from './events.policy.ts';
import type { EventsRepo } from './events.repo.ts';
import type { EventDetail, EventSummary } from './events.schemas.ts';

interface SummaryRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  city: string | null;
  host_region_code: string | null;
  region_name: string | null;
  region_level: number | null;
  status: 'draft' | 'published' | 'cancelled';
  sample: boolean;
}

/**
 * 'past' is derived, not stored: a published event whose end is over. Drafts stay drafts (they are still
 * unpublished) and cancelled events stay cancelled.
 */
export function displayStatus(
  status: 'draft' | 'published' | 'cancelled',
  endsAt: Date,
  now = new Date(),
): EventSummary['status'] {
  return status === 'published' && endsAt.getTime() < now.getTime() ? 'past' : status;
}

export function toEventSummary(r: SummaryRow, now = new Date()): EventSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    timeZone: r.time_zone,
    city: r.city,
    hostRegion:
      r.host_region_code && r.region_name !== null
        ? { code: r.host_region_code, name: r.region_name, level: r.region_level ?? 2 }
        : null,
    status: displayStatus(r.status, r.ends_at, now),
    sample: r.sample,
  };
}

export interface EventInput {
  title?: string;
  summary?: string;
  description?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  venueName?: string | null;
  venueAddress?: string | null;
  city?: string | null;
  hostRegionCode?: string | null;
  status?: 'draft' | 'published' | 'cancelled';
  capacity?: number | null;
  website?: string | null;
  themes?: string[];
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  requiresApproval?: boolean;
  inputPaperUrl?: string | null;
  showInputPaper?: boolean;
  b2bMode?: 'first_come' | 'scheduler';
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** Registration may open at most this long before the event starts. */
const REGISTRATION_LEAD_MS = 3 * 366 * 24 * 3600 * 1000;

function toColumns(i: EventInput): Updateable<DB['events']> {
  const c: Updateable<DB['events']> = {};
  if (i.title !== undefined) c.title = i.title;
  if (i.summary !== undefined) c.summary = i.summary;
  if (i.description !== undefined) c.description = i.description;
  if (i.startsAt !== undefined) c.starts_at = i.startsAt;
  if (i.endsAt !== undefined) c.ends_at = i.endsAt;
  if (i.timeZone !== undefined) c.time_zone = i.timeZone;
  if (i.venueName !== undefined) c.venue_name = i.venueName || null;
  if (i.venueAddress !== undefined) c.venue_address = i.venueAddress || null;
  if (i.city !== undefined) c.city = i.city || null;
  if (i.hostRegionCode !== undefined) c.host_region_code = i.hostRegionCode;
  if (i.status !== undefined) c.status = i.status;
  if (i.capacity !== undefined) c.capacity = i.capacity;
  if (i.website !== undefined) c.website = i.website || null;
  if (i.themes !== undefined) c.themes = i.themes;
  if (i.registrationOpensAt !== undefined) c.registration_opens_at = i.registrationOpensAt;
  if (i.registrationClosesAt !== undefined) c.registration_closes_at = i.registrationClosesAt;
  if (i.requiresApproval !== undefined) c.requires_approval = i.requiresApproval;
  if (i.inputPaperUrl !== undefined) c.input_paper_url = i.inputPaperUrl || null;
  if (i.showInputPaper !== undefined) c.show_input_paper = i.showInputPaper;
  if (i.b2bMode !== undefined) c.b2b_mode = i.b2bMode;
  return c;
}

const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });

/**
 * Applies seat settings (capacity, organiser approval) under the event's lock, promoting from the
 * waiting list when seats open up: the registrations service provides it.
 */
export type SeatSettings = (
  actor: Actor,
  eventId: string,
  input: { capacity?: number | null; requiresApproval?: boolean },
) => Promise<unknown>;

export function eventsService(repo: EventsRepo, seats: { apply?: SeatSettings } = {}) {
  async function get(actor: Actor | null, idOrSlug: string): Promise<EventDetail> {
    const e = await repo.find(idOrSlug);
    if (!e || !canEvent(actor, 'read', e)) throw notFound('Event');
    const [organisers, people] = await Promise.all([repo.organisers(e.id), repo.people(e.id)]);
    return {
      ...toEventSummary(e),
      description: e.description,
      venueName: e.venue_name,
      venueAddress: e.venue_address,
      capacity: e.capacity,
      reportedParticipants: e.reported_participants,
      website: e.website,
      themes: e.themes,
      banner:
        e.banner_file_id && e.banner_card_file_id && e.banner_width && e.banner_height
          ? {
              url: `/api/v1/events/${e.id}/banner?v=${e.banner_file_id}`,
              cardUrl: `/api/v1/events/${e.id}/banner/card?v=${e.banner_card_file_id}`,
              width: e.banner_width,
              height: e.banner_height,
            }
          : null,
      registrationOpensAt: iso(e.registration_opens_at),
      registrationClosesAt: iso(e.registration_closes_at),
      requiresApproval: e.requires_approval,
      inputPaperUrl: e.input_paper_url,
      showInputPaper: e.show_input_paper,
      b2bMode: e.b2b_mode,
      agendaVersion: e.agenda_version,
      organisers: organisers.map(toOrganisationSummary),
      people: people.map((p) => ({
        id: p.id,
        slug: p.slug,
        fullName: p.full_name,
        honorific: p.honorific,
        jobTitle: p.job_title,
        sample: p.sample,
        role: p.role,
        organisation:
          p.org_id && p.org_slug && p.org_name ? { id: p.org_id, slug: p.org_slug, name: p.org_name } : null,
      })),
      canEdit: canEvent(actor, 'update', e),
    };
  }

  async function checkRegion(code: string | null | undefined) {
    if (code && !(await repo.regionExists(code))) throw fieldError('hostRegionCode', 'Unknown NUTS code');
  }

  /** The registration window, as it will be stored: closes after it opens, ends by the event's end. */
  function checkWindow(w: { startsAt: string; endsAt: string; opens: string | null; closes: string | null }) {
    if (w.opens && w.closes && Date.parse(w.closes) <= Date.parse(w.opens))
      throw fieldError('registrationClosesAt', 'Registration must close after it opens');
    if (w.closes && Date.parse(w.closes) > Date.parse(w.endsAt))
      throw fieldError('registrationClosesAt', 'Registration must close by the end of the event');
    if (w.opens && Date.parse(w.opens) >= Date.parse(w.endsAt))
      throw fieldError('registrationOpensAt', 'Registration must open before the event ends');
    if (w.opens && Date.parse(w.opens) < Date.parse(w.startsAt) - REGISTRATION_LEAD_MS)
      throw fieldError('registrationOpensAt', 'Registration opens at most three years before the event');
  }

  return {
    get,
    async list(
      actor: Actor | null,
      f: { when: 'upcoming' | 'past' | 'all'; region?: string | undefined },
      page: number,
      pageSize: number,
    ) {
      const includeDraftsOf = actor?.isAdmin
        ? 'all'
        : [...(actor?.eventRoles ?? new Map())]
            .filter(([, r]) => r === 'organiser')
            .map(([id]) => id as string);
      const r = await repo.list({ ...f, includeDraftsOf }, page, pageSize);
      const now = new Date();
      return { items: r.items.map((row) => toEventSummary(row, now)), total: r.total, page, pageSize };
    },
    async create(
      actor: Actor | null,
      input: EventInput & {
        title: string;
        startsAt: string;
        endsAt: string;
        timeZone: string;
        organiserOrganisationIds?: string[] | undefined;
      },
    ) {
      if (!actor) throw unauthenticated();
      if (!canEvent(actor, 'create')) throw forbidden('Only platform administrators create events');
      await checkRegion(input.hostRegionCode);
      checkWindow({
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        opens: input.registrationOpensAt ?? null,
        closes: input.registrationClosesAt ?? null,
      });
      const organiserIds = [...new Set(input.organiserOrganisationIds ?? [])];
      const known = await repo.existingOrganisations(organiserIds);
      const unknown = organiserIds.filter((id) => !known.includes(id));
      if (unknown.length)
        throw fieldError('organiserOrganisationIds', `Unknown organisation(s): ${unknown.join(', ')}`);
      const columns = {
        ...toColumns(input),
        title: input.title,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        time_zone: input.timeZone,
        created_by: actor.userId,
      };
      // Two events with one title get -2, -3…; a concurrent creation taking our slug between the check
      // and the insert makes the unique index refuse it, and we move on to the next number.
      const base = slugify(input.title, 70);
      let n = 1;
      let id: string | null = null;
      for (let attempt = 0; id === null; attempt++) {
        let slug = n === 1 ? slugify(input.title) : `${base}-${n}`;
        while (await repo.slugTaken(slug)) slug = `${base}-${++n}`;
        try {
          id = await repo.insert({ ...columns, slug }, organiserIds, actor.userId);
        } catch (e) {
          const err = e as { code?: string; constraint?: string };
          if (attempt >= 5 || err.code !== '23505' || err.constraint !== 'events_slug_key') throw e;
          n++;
        }
      }
      // The creator is now an organiser of the new event.
      return get({ ...actor, eventRoles: new Map([...actor.eventRoles, [id, 'organiser' as const]]) }, id);
    },
    async update(actor: Actor | null, idOrSlug: string, input: EventInput) {
      if (!actor) throw unauthenticated();
      const e = await repo.find(idOrSlug);
      if (!e || !canEvent(actor, 'read', e)) throw notFound('Event');
      if (!canEvent(actor, 'update', e)) throw forbidden('Only the event’s organisers can edit it');
      await checkRegion(input.hostRegionCode);
      const startsAt = input.startsAt ?? e.starts_at.toISOString();
      const endsAt = input.endsAt ?? e.ends_at.toISOString();
      if (Date.parse(endsAt) < Date.parse(startsAt))
        throw fieldError('endsAt', 'The event must end after it starts');
      checkWindow({
        startsAt,
        endsAt,
        opens:
          input.registrationOpensAt !== undefined ? input.registrationOpensAt : iso(e.registration_opens_at),
        closes:
          input.registrationClosesAt !== undefined
            ? input.registrationClosesAt
            : iso(e.registration_closes_at),
      });
      // Seats change through the registrations service, so that a larger capacity promotes people from
      // the waiting list at once and the seat count is never read while it changes.
      const { capacity, requiresApproval, ...rest } = input;
      const seatChange = capacity !== undefined || requiresApproval !== undefined;
      if (!seats.apply || !seatChange) await repo.update(e.id, toColumns(seats.apply ? rest : input));
      else {
        if (Object.keys(rest).length > 0) await repo.update(e.id, toColumns(rest));
        await seats.apply(actor, e.id, { capacity, requiresApproval });
      }
      return get(actor, e.id);
    },
    async addMember(
      actor: Actor | null,
      idOrSlug: string,
      input: { email: string; role: 'organiser' | 'participant' | 'juror' },
    ) {
      if (!actor) throw unauthenticated();
      const e = await repo.find(idOrSlug);
      if (!e || !canEvent(actor, 'read', e)) throw notFound('Event');
      if (!canEvent(actor, 'manage_members', e))
        throw forbidden('Only the event’s organisers can add people');
      const user = await repo.findUserByEmail(input.email);
      if (!user) throw fieldError('email', 'No account with this e-mail');
      await repo.upsertMember(e.id, user.id, input.role);
    },
  };
}
export type EventsService = ReturnType<typeof eventsService>;
