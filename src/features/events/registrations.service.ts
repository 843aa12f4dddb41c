import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, RegistrationStatus } from '../../server/db/schema.ts';
import { AppError, badRequest, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { releaseRegistrationB2b } from '../matchmaking/b2b.repo.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { type MailEvent, type RegistrationMailKind, registrationMail } from '../notifications/mails.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { canEvent } from './events.policy.ts';
import { participantsCsv } from './registrations.export.ts';
import { canManageRegistrations, canRegistration } from './registrations.policy.ts';
import type { RegistrationEvent, RegistrationRow, RegistrationsRepo } from './registrations.repo.ts';
import type {
  ListRegistrationsFilter,
  RegisterInput,
  Registration,
  RegistrationList,
  RegistrationSettings,
  RegistrationState,
  UpdateRegistrationInput,
} from './registrations.schemas.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// Crockford's base32 without I, L, O, U: codes read aloud or typed from a badge are not misread.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newBadgeCode(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b % 32]).join('');
}
export const newCalendarToken = () => randomBytes(24).toString('base64url');

export type ClosedReason = 'draft' | 'cancelled' | 'past' | 'not_yet_open' | 'closed';

/** Why a registration would be refused now, or null when registration is open. */
export function closedReason(e: RegistrationEvent, now = new Date()): ClosedReason | null {
  if (e.status === 'draft') return 'draft';
  if (e.status === 'cancelled') return 'cancelled';
  if (new Date(e.ends_at) <= now) return 'past';
  if (e.registration_opens_at && new Date(e.registration_opens_at) > now) return 'not_yet_open';
  if (e.registration_closes_at && new Date(e.registration_closes_at) < now) return 'closed';
  return null;
}

const CLOSED_MESSAGES: Record<ClosedReason, string> = {
  draft: 'The event is not published yet',
  cancelled: 'The event was cancelled',
  past: 'The event is over',
  not_yet_open: 'Registration has not opened yet',
  closed: 'Registration is closed',
};
const closedError = (reason: ClosedReason) =>
  new AppError('conflict', 409, CLOSED_MESSAGES[reason], { reason });
const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });

export interface RegistrationsDeps {
  db: Kysely<DB>;
  repo: RegistrationsRepo;
  organisations: OrganisationsService;
  mailer: Mailer;
  publicUrl: string;
}

type MailPlan = { kind: RegistrationMailKind; ids: readonly string[] }[];

export function registrationsService(deps: RegistrationsDeps) {
  const { repo, mailer, publicUrl } = deps;

  /**
   * The registration as `viewer` sees it. The calendar feed URL carries the participant's secret token
   * (the feed's only credential): only the participant gets it, never the organisers reading the list.
   */
  function toRegistration(r: RegistrationRow, viewer: Actor | null): Registration {
    return {
      id: r.id,
      event: { id: r.event_id, slug: r.event_slug, title: r.event_title },
      user: { id: r.user_id, name: r.user_name, email: r.user_email },
      person: r.person_id && r.person_slug ? { id: r.person_id, slug: r.person_slug } : null,
      status: r.status,
      category: r.category,
      organisation:
        r.organisation_id && r.org_slug && r.org_name && r.org_status
          ? { id: r.organisation_id, slug: r.org_slug, name: r.org_name, status: r.org_status }
          : null,
      jobTitle: r.job_title,
      countryCode: r.country_code,
      consentContactAt: iso(r.consent_contact_at),
      consentPhotosAt: iso(r.consent_photos_at),
      waitlistPosition: r.waitlist_position,
      badgeCode: r.badge_code,
      calendarUrl:
        viewer?.userId === r.user_id ? `${publicUrl}/api/v1/calendar/${r.calendar_token}.ics` : null,
      checkedInAt: iso(r.checked_in_at),
      checkedInBy: r.checked_in_at ? r.checked_in_by_name : null,
      statusChangedAt: iso(r.status_changed_at)!,
      createdAt: iso(r.created_at)!,
      sample: r.sample,
    };
  }

  async function readableEvent(actor: Actor | null, idOrSlug: string): Promise<RegistrationEvent> {
    const e = await repo.findEvent(idOrSlug);
    if (!e || !canEvent(actor, 'read', e)) throw notFound('Event');
    return e;
  }

  /** The event, when the actor organises it (or administers the platform); 401/403/404 otherwise. */
  async function managedEvent(actor: Actor | null, idOrSlug: string): Promise<RegistrationEvent> {
    if (!actor) throw unauthenticated();
    const e = await readableEvent(actor, idOrSlug);
    if (!canManageRegistrations(actor, e.id))
      throw forbidden('Only the event’s organisers manage registrations');
    return e;
  }

  /** A registration the actor may act on; others' registrations are not revealed (404). */
  async function readable(actor: Actor | null, id: string, action: 'read' | 'update' | 'cancel' = 'read') {
    if (!actor) throw unauthenticated();
    const r = await repo.get(id);
    if (!r || !canRegistration(actor, 'read', { userId: r.user_id, eventId: r.event_id }))
      throw notFound('Registration');
    if (!canRegistration(actor, action, { userId: r.user_id, eventId: r.event_id }))
      throw forbidden('Only the participant changes their registration');
    return r;
  }

  /**
   * Gives free seats to the waiting list, first come first served. The caller holds the event lock, so
   * the count and the promotions cannot race with a registration or a cancellation.
   */
  async function fillSeats(trx: Kysely<DB>, e: RegistrationEvent): Promise<string[]> {
    const free = e.capacity === null ? null : e.capacity - (await repo.confirmed(trx, e.id));
    if (free !== null && free <= 0) return [];
    const ids = await repo.nextWaitlisted(trx, e.id, free);
    await repo.setStatus(trx, ids, 'confirmed');
    return ids;
  }

  /** Runs a change under the event lock, writes its e-mails in the same transaction, sends after commit. */
  async function underEventLock<T>(
    eventId: string,
    change: (trx: Kysely<DB>, e: RegistrationEvent) => Promise<{ result: T; mails: MailPlan }>,
  ): Promise<T> {
    const result = await deps.db.transaction().execute(async (trx) => {
      const e = await repo.lockEvent(trx, eventId);
      const out = await change(trx, e);
      const event: MailEvent = {
        id: e.id,
        slug: e.slug,
        title: e.title,
        startsAt: new Date(e.starts_at),
        endsAt: new Date(e.ends_at),
        timeZone: e.time_zone,
        venue: [e.venue_name, e.city].filter(Boolean).join(', ') || null,
      };
      const mails = [];
      for (const plan of out.mails) {
        for (const p of await repo.recipients(trx, plan.ids)) {
          const to = {
            registrationId: p.id,
            userId: p.user_id,
            email: p.email,
            name: p.name,
            locale: p.locale,
          };
          mails.push(registrationMail(plan.kind, to, event, publicUrl));
        }
      }
      await mailer.enqueue(mails, trx);
      return out.result;
    });
    mailer.kick();
    return result;
  }

  async function fresh(id: string, viewer: Actor | null): Promise<Registration> {
    const r = await repo.get(id);
    if (!r) throw notFound('Registration');
    return toRegistration(r, viewer);
  }

  async function checkOrganisation(actor: Actor, id: string | null | undefined) {
    if (!id) return;
    try {
      await deps.organisations.readable(actor, id);
    } catch {
      throw fieldError('organisationId', 'No such organisation in the directory');
    }
  }

  async function state(actor: Actor | null, idOrSlug: string): Promise<RegistrationState> {
    const e = await readableEvent(actor, idOrSlug);
    const [{ byStatus }, own] = await Promise.all([
      repo.counts(e.id),
      actor ? repo.own(e.id, actor.userId) : Promise.resolve(undefined),
    ]);
    const reason = closedReason(e);
    return {
      event: {
        id: e.id,
        slug: e.slug,
        title: e.title,
        startsAt: iso(e.starts_at)!,
        endsAt: iso(e.ends_at)!,
        timeZone: e.time_zone,
        capacity: e.capacity,
        requiresApproval: e.requires_approval,
        registrationOpensAt: iso(e.registration_opens_at),
        registrationClosesAt: iso(e.registration_closes_at),
        confirmed: byStatus.confirmed,
        waitlisted: byStatus.waitlisted,
        open: reason === null,
        closedReason: reason,
        canManage: canManageRegistrations(actor, e.id),
      },
      registration: own ? toRegistration(own, actor) : null,
    };
  }

  return {
    toRegistration,
    managedEvent,
    readable,

    state,

    /**
     * Registers the actor: 'pending' when organisers approve registrations, else 'confirmed' while a seat
     * is free and 'waitlisted' after. One transaction holds the event row lock while it counts and inserts,
     * so concurrent registrations never over-book.
     */
    async register(actor: Actor | null, idOrSlug: string, input: RegisterInput): Promise<Registration> {
      if (!actor) throw unauthenticated();
      const e = await readableEvent(actor, idOrSlug);
      const early = closedReason(e);
      if (early) throw closedError(early);
      await checkOrganisation(actor, input.organisationId);
      const user = await repo.user(actor.userId);
      if (!user) throw unauthenticated();
      const own = await repo.own(e.id, actor.userId);
      if (own && !['cancelled'].includes(own.status)) throw alreadyRegistered(own.status);
      let organisationId = input.organisationId ?? null;
      if (input.newOrganisation) {
        // A new organisation enters the directory as a draft its creator administers and may submit.
        const org = await deps.organisations.create(actor, {
          name: input.newOrganisation.name,
          type: input.newOrganisation.type,
          ...(input.countryCode ? { countryCode: input.countryCode } : {}),
        });
        organisationId = org.id;
      }
      const jobTitle = input.jobTitle || null;
      // A directory person with an organisation is listed on that organisation's public profile: only
      // someone who belongs to it (or just created it) is placed there, never by naming it in a form.
      const belongs =
        !!organisationId && (!!input.newOrganisation || actor.organisationRoles.has(organisationId));
      const personId = await repo.ensurePerson(user, belongs ? organisationId : null, jobTitle);
      const now = new Date();
      const id = await underEventLock(e.id, async (trx, locked) => {
        const reason = closedReason(locked);
        if (reason) throw closedError(reason);
        const existing = await repo.lockOwn(trx, locked.id, actor.userId);
        if (existing && existing.status !== 'cancelled') throw alreadyRegistered(existing.status);
        const status: RegistrationStatus = locked.requires_approval
          ? 'pending'
          : locked.capacity === null || (await repo.confirmed(trx, locked.id)) < locked.capacity
            ? 'confirmed'
            : 'waitlisted';
        const values = {
          person_id: personId,
          category: input.category,
          organisation_id: organisationId,
          job_title: jobTitle,
          country_code: input.countryCode ?? null,
          consent_contact_at: input.consentContact ? now : null,
          consent_photos_at: input.consentPhotos ? now : null,
          checked_in_at: null,
          checked_in_by: null,
        };
        let regId: string;
        if (existing) {
          // Registering again after cancelling reuses the row (one per user and event) and its codes.
          await repo.update(trx, existing.id, values);
          await repo.setStatus(trx, [existing.id], status);
          // A sign-up written while the cancellation committed must not come back with the new registration.
          await repo.dropSignups(trx, existing.id);
          regId = existing.id;
        } else {
          regId = await repo.insert(trx, {
            ...values,
            event_id: locked.id,
            user_id: actor.userId,
            status,
            badge_code: newBadgeCode(),
            calendar_token: newCalendarToken(),
          });
        }
        const kind: RegistrationMailKind =
          status === 'pending'
            ? 'registration_pending'
            : status === 'confirmed'
              ? 'registration_confirmed'
              : 'registration_waitlisted';
        return { result: regId, mails: [{ kind, ids: [regId] }] };
      });
      return fresh(id, actor);
    },

    async get(actor: Actor | null, id: string): Promise<Registration> {
      return toRegistration(await readable(actor, id), actor);
    },

    async update(actor: Actor | null, id: string, patch: UpdateRegistrationInput): Promise<Registration> {
      const r = await readable(actor, id, 'update');
      await checkOrganisation(actor as Actor, patch.organisationId);
      const now = new Date();
      const set: Parameters<RegistrationsRepo['update']>[2] = {};
      if (patch.category !== undefined) set.category = patch.category;
      if (patch.organisationId !== undefined) set.organisation_id = patch.organisationId;
      if (patch.jobTitle !== undefined) set.job_title = patch.jobTitle || null;
      if (patch.countryCode !== undefined) set.country_code = patch.countryCode;
      // A consent keeps the time it was first given; withdrawing it clears it.
      if (patch.consentContact !== undefined)
        set.consent_contact_at = patch.consentContact ? (r.consent_contact_at ?? now) : null;
      if (patch.consentPhotos !== undefined)
        set.consent_photos_at = patch.consentPhotos ? (r.consent_photos_at ?? now) : null;
      await repo.update(deps.db, r.id, set);
      return fresh(r.id, actor);
    },

    /** Cancels (participant or organiser); a freed seat goes to the first of the waiting list at once. */
    async cancel(actor: Actor | null, id: string): Promise<Registration> {
      const r = await readable(actor, id, 'cancel');
      const byOrganiser = actor!.userId !== r.user_id;
      await underEventLock(r.event_id, async (trx, e) => {
        const row = await repo.lockById(trx, r.id);
        if (!row || !['pending', 'confirmed', 'waitlisted'].includes(row.status))
          throw new AppError('conflict', 409, 'This registration is not active', { status: row?.status });
        await repo.setStatus(trx, [row.id], 'cancelled');
        await repo.dropSignups(trx, row.id);
        await releaseRegistrationB2b(trx, row.id);
        const promoted = row.status === 'confirmed' ? await fillSeats(trx, e) : [];
        return {
          result: null,
          mails: [
            { kind: 'registration_promoted', ids: promoted },
            ...(byOrganiser ? [{ kind: 'registration_cancelled' as const, ids: [row.id] }] : []),
          ],
        };
      });
      return fresh(r.id, actor);
    },

    /** Organisers approve a pending registration: a seat if one is free, else the waiting list. */
    async approve(actor: Actor | null, id: string): Promise<Registration> {
      const r = await readable(actor, id);
      if (!canManageRegistrations(actor, r.event_id)) throw forbidden('Only the event’s organisers approve');
      await underEventLock(r.event_id, async (trx, e) => {
        const row = await repo.lockById(trx, r.id);
        if (row?.status !== 'pending')
          throw new AppError('conflict', 409, 'Only a pending registration is approved');
        const full = e.capacity !== null && (await repo.confirmed(trx, e.id)) >= e.capacity;
        await repo.setStatus(trx, [row.id], full ? 'waitlisted' : 'confirmed');
        return {
          result: null,
          mails: [{ kind: full ? 'registration_waitlisted' : 'registration_approved', ids: [row.id] }],
        };
      });
      return fresh(r.id, actor);
    },

    async reject(actor: Actor | null, id: string): Promise<Registration> {
      const r = await readable(actor, id);
      if (!canManageRegistrations(actor, r.event_id)) throw forbidden('Only the event’s organisers reject');
      await underEventLock(r.event_id, async (trx) => {
        const row = await repo.lockById(trx, r.id);
        if (!row || !['pending', 'waitlisted'].includes(row.status))
          throw new AppError('conflict', 409, 'Only a pending or waitlisted registration is declined');
        await repo.setStatus(trx, [row.id], 'rejected');
        return { result: null, mails: [{ kind: 'registration_rejected', ids: [row.id] }] };
      });
      return fresh(r.id, actor);
    },

    async list(
      actor: Actor | null,
      idOrSlug: string,
      f: ListRegistrationsFilter,
      page: number,
      pageSize: number,
    ): Promise<RegistrationList> {
      const e = await managedEvent(actor, idOrSlug);
      const [rows, counts] = await Promise.all([repo.list(e.id, f, page, pageSize), repo.counts(e.id)]);
      return {
        items: rows.items.map((r) => toRegistration(r, actor)),
        total: rows.total,
        page,
        pageSize,
        counts: counts.byStatus,
        checkedIn: counts.checkedIn,
        capacity: e.capacity,
        requiresApproval: e.requires_approval,
      };
    },

    /** The organisers' participant list (CSV): only consented fields, see registrations.export.ts. */
    async exportCsv(actor: Actor | null, idOrSlug: string): Promise<{ csv: string; slug: string }> {
      const e = await managedEvent(actor, idOrSlug);
      return { csv: participantsCsv(await repo.exportRows(e.id)), slug: e.slug };
    },

    /** Capacity, approval and window; a higher capacity (or none) promotes from the waiting list at once. */
    async settings(actor: Actor | null, idOrSlug: string, input: RegistrationSettings) {
      const e = await managedEvent(actor, idOrSlug);
      await underEventLock(e.id, async (trx, locked) => {
        const opens =
          input.registrationOpensAt !== undefined
            ? input.registrationOpensAt
            : iso(locked.registration_opens_at);
        const closes =
          input.registrationClosesAt !== undefined
            ? input.registrationClosesAt
            : iso(locked.registration_closes_at);
        if (opens && closes && Date.parse(closes) < Date.parse(opens))
          throw fieldError('registrationClosesAt', 'Registration must close after it opens');
        const next = { ...locked };
        if (input.capacity !== undefined) next.capacity = input.capacity;
        if (input.requiresApproval !== undefined) next.requires_approval = input.requiresApproval;
        await trx
          .updateTable('events')
          .set({
            capacity: next.capacity,
            requires_approval: next.requires_approval,
            registration_opens_at: opens,
            registration_closes_at: closes,
            updated_at: new Date(),
          })
          .where('id', '=', locked.id)
          .execute();
        const promoted = await fillSeats(trx, next);
        return { result: null, mails: [{ kind: 'registration_promoted', ids: promoted }] };
      });
      return state(actor, e.id);
    },
  };
}

function alreadyRegistered(status: RegistrationStatus) {
  return new AppError(
    'conflict',
    409,
    status === 'rejected' ? 'The organisers declined your registration' : 'You are already registered',
    { reason: status === 'rejected' ? 'rejected' : 'already_registered', status },
  );
}

export type RegistrationsService = ReturnType<typeof registrationsService>;
