import type { Updateable } from 'kysely';
import { dbError } from '../../server/db/errors.ts';
import type { DB } from '../../server/db/schema.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { type Clash, diffAgendas, findClashes, localDay } from './agenda.core.ts';
import { canAgenda } from './agenda.policy.ts';
import type { AgendaRepo } from './agenda.repo.ts';
import type {
  DraftAgenda,
  DraftSession,
  PublishedAgenda,
  SessionInput,
  SessionPersonInput,
} from './agenda.schemas.ts';
import type { AgendaSessionSnapshot, AgendaSnapshot } from './agenda.types.ts';
import type { SignupsRepo } from './signups.repo.ts';

type EventRow = NonNullable<Awaited<ReturnType<AgendaRepo['findEvent']>>>;
type Field = { field: string; message: string };

const invalid = (fields: Field[]) =>
  badRequest(fields[0]?.message ?? 'Invalid session', {
    fields: fields.map((f) => ({ field: `body.${f.field}`, message: f.message })),
  });

const iso = (d: Date | string) => new Date(d).toISOString();

/** The session as the editor works on it: stored values merged with the requested changes. */
interface SessionValues {
  type: DraftSession['type'];
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  capacity: number | null;
  b2bSlotMinutes: number | null;
  b2bTables: number | null;
  timeIsEstimate: boolean;
}

function clashesOf(sessions: readonly AgendaSessionSnapshot[]): Clash[] {
  return findClashes(sessions);
}

export function agendaService(repo: AgendaRepo, signups: SignupsRepo) {
  async function readable(actor: Actor | null, idOrSlug: string): Promise<EventRow> {
    const e = await repo.findEvent(idOrSlug);
    if (!e || !canAgenda(actor, 'read', e)) throw notFound('Event');
    return e;
  }

  async function editable(actor: Actor | null, idOrSlug: string): Promise<EventRow> {
    if (!actor) throw unauthenticated();
    const e = await readable(actor, idOrSlug);
    if (!canAgenda(actor, 'edit', e)) throw forbidden('Only the event’s organisers can edit its agenda');
    return e;
  }

  /** Checks a session against its event and its type; types without B2B slots or seats drop them. */
  function checked(e: EventRow, v: SessionValues): SessionValues {
    const errors: Field[] = [];
    const zone = e.time_zone;
    const first = localDay(iso(e.starts_at), zone);
    const last = localDay(iso(e.ends_at), zone);
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
      errors.push({ field: 'endsAt', message: 'The session must end after it starts' });
    }
    const days = `${first}${first === last ? '' : ` to ${last}`} (${zone})`;
    if (localDay(v.startsAt, zone) < first || localDay(v.startsAt, zone) > last) {
      errors.push({ field: 'startsAt', message: `The session must take place on the event’s days, ${days}` });
    }
    if (localDay(v.endsAt, zone) > last || localDay(v.endsAt, zone) < first) {
      errors.push({ field: 'endsAt', message: `The session must take place on the event’s days, ${days}` });
    }
    const out = { ...v };
    if (v.type === 'b2b') {
      if (v.b2bSlotMinutes === null)
        errors.push({ field: 'b2bSlotMinutes', message: 'B2B sessions need the length of a meeting slot' });
      if (v.b2bTables === null)
        errors.push({ field: 'b2bTables', message: 'B2B sessions need the number of tables' });
    } else {
      out.b2bSlotMinutes = null;
      out.b2bTables = null;
    }
    if (v.type === 'site_visit' && v.capacity === null) {
      errors.push({ field: 'capacity', message: 'Site visits need a number of seats' });
    }
    if (errors.length) throw invalid(errors);
    return out;
  }

  async function checkPeople(people: readonly SessionPersonInput[] | undefined) {
    if (!people?.length) return;
    const ids = [...new Set(people.map((p) => p.personId))];
    const known = new Set(await repo.existingPeople(ids));
    const unknown = people.findIndex((p) => !known.has(p.personId));
    if (unknown >= 0) throw invalid([{ field: `people.${unknown}.personId`, message: 'Unknown person' }]);
  }

  const columns = (v: SessionValues): Updateable<DB['event_sessions']> => ({
    type: v.type,
    title: v.title,
    description: v.description,
    starts_at: v.startsAt,
    ends_at: v.endsAt,
    room: v.room?.trim() || null,
    capacity: v.capacity,
    b2b_slot_minutes: v.b2bSlotMinutes,
    b2b_tables: v.b2bTables,
    time_is_estimate: v.timeIsEstimate,
  });

  /** The saved session with the clashes it is part of. */
  async function saved(eventId: string, sessionId: string) {
    const [sessions, counts] = await Promise.all([repo.sessions(eventId), repo.signupCounts(eventId)]);
    const session = sessions.find((s) => s.id === sessionId);
    if (!session) throw notFound('Session');
    return {
      session: { ...session, signups: counts.get(session.id) ?? 0 },
      warnings: clashesOf(sessions).filter((c) => c.sessionIds.includes(sessionId)),
    };
  }

  /** The published sessions with the seats left now and whether the caller holds one. */
  async function withSeats(actor: Actor | null, e: EventRow, sessions: AgendaSessionSnapshot[]) {
    const [counts, mine] = await Promise.all([
      repo.signupCounts(e.id),
      actor ? signups.sessionsOf(e.id, actor.userId) : Promise.resolve(new Set<string>()),
    ]);
    return sessions.map((s) => ({
      ...s,
      seatsLeft: s.capacity === null ? null : Math.max(0, s.capacity - (counts.get(s.id) ?? 0)),
      signedUp: mine.has(s.id),
    }));
  }

  async function published(actor: Actor | null, e: EventRow, version: number): Promise<PublishedAgenda> {
    const base = {
      eventId: e.id,
      latestVersion: e.agenda_version,
      timeZone: e.time_zone,
      canEdit: canAgenda(actor, 'edit', e),
      canSignUp: actor ? await signups.hasConfirmedRegistration(e.id, actor.userId) : false,
    };
    if (version === 0) return { ...base, version: 0, publishedAt: null, sessions: [], changes: [] };
    const v = await repo.version(e.id, version);
    if (!v) throw notFound('Agenda version');
    return {
      ...base,
      version: v.version,
      publishedAt: v.publishedAt,
      sessions: await withSeats(actor, e, v.snapshot.sessions),
      changes: v.changes,
    };
  }

  return {
    async agenda(actor: Actor | null, idOrSlug: string) {
      const e = await readable(actor, idOrSlug);
      return published(actor, e, e.agenda_version);
    },

    async version(actor: Actor | null, idOrSlug: string, version: number) {
      const e = await readable(actor, idOrSlug);
      if (version > e.agenda_version) throw notFound('Agenda version');
      return published(actor, e, version);
    },

    async versions(actor: Actor | null, idOrSlug: string) {
      const e = await readable(actor, idOrSlug);
      const rows = await repo.versions(e.id);
      return {
        items: rows.map((r) => ({
          version: r.version,
          publishedAt: iso(r.published_at),
          changeCount: Number(r.change_count),
        })),
      };
    },

    async draft(actor: Actor | null, idOrSlug: string): Promise<DraftAgenda> {
      const e = await editable(actor, idOrSlug);
      const [sessions, counts, previous] = await Promise.all([
        repo.sessions(e.id),
        repo.signupCounts(e.id),
        e.agenda_version ? repo.version(e.id, e.agenda_version) : Promise.resolve(undefined),
      ]);
      return {
        eventId: e.id,
        timeZone: e.time_zone,
        startsAt: iso(e.starts_at),
        endsAt: iso(e.ends_at),
        publishedVersion: e.agenda_version,
        sessions: sessions.map((s) => ({ ...s, signups: counts.get(s.id) ?? 0 })),
        warnings: clashesOf(sessions),
        pendingChanges: previous ? diffAgendas(previous.snapshot.sessions, sessions, e.time_zone) : [],
      };
    },

    async createSession(
      actor: Actor | null,
      idOrSlug: string,
      input: SessionInput & Pick<SessionValues, 'type' | 'title' | 'startsAt' | 'endsAt'>,
    ) {
      const e = await editable(actor, idOrSlug);
      const v = checked(e, {
        type: input.type,
        title: input.title,
        description: input.description ?? '',
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        room: input.room ?? null,
        capacity: input.capacity ?? null,
        b2bSlotMinutes: input.b2bSlotMinutes ?? null,
        b2bTables: input.b2bTables ?? null,
        timeIsEstimate: input.timeIsEstimate ?? false,
      });
      await checkPeople(input.people);
      const id = await repo.insertSession(
        {
          ...columns(v),
          event_id: e.id,
          type: v.type,
          title: v.title,
          starts_at: v.startsAt,
          ends_at: v.endsAt,
        },
        input.people ?? [],
      );
      return saved(e.id, id);
    },

    async updateSession(actor: Actor | null, idOrSlug: string, sessionId: string, input: SessionInput) {
      const e = await editable(actor, idOrSlug);
      const row = await repo.sessionOfEvent(e.id, sessionId);
      if (!row) throw notFound('Session');
      const v = checked(e, {
        type: input.type ?? row.type,
        title: input.title ?? row.title,
        description: input.description ?? row.description,
        startsAt: input.startsAt ?? iso(row.starts_at),
        endsAt: input.endsAt ?? iso(row.ends_at),
        room: input.room !== undefined ? input.room : row.room,
        capacity: input.capacity !== undefined ? input.capacity : row.capacity,
        b2bSlotMinutes: input.b2bSlotMinutes !== undefined ? input.b2bSlotMinutes : row.b2b_slot_minutes,
        b2bTables: input.b2bTables !== undefined ? input.b2bTables : row.b2b_tables,
        timeIsEstimate: input.timeIsEstimate ?? row.time_is_estimate,
      });
      await checkPeople(input.people);
      try {
        await repo.updateSession(sessionId, columns(v), input.people);
      } catch (err) {
        // The database refuses a change that would leave B2B meetings outside the session's slots
        // (0011): re-cut into other slot lengths, shortened, fewer tables, or no longer B2B.
        const pg = dbError(err);
        if (pg.code !== 'NXB02') throw err;
        const n = Number(pg.detail) || 1;
        throw conflict(
          `${n} B2B meeting${n === 1 ? ' is' : 's are'} booked in slots or at tables this change would remove: cancel or reschedule ${n === 1 ? 'it' : 'them'} first`,
          { reason: 'b2b_meetings_in_the_way', meetings: n },
        );
      }
      return saved(e.id, sessionId);
    },

    async setPeople(actor: Actor | null, idOrSlug: string, sessionId: string, people: SessionPersonInput[]) {
      const e = await editable(actor, idOrSlug);
      if (!(await repo.sessionOfEvent(e.id, sessionId))) throw notFound('Session');
      await checkPeople(people);
      await repo.updateSession(sessionId, {}, people);
      return saved(e.id, sessionId);
    },

    async deleteSession(actor: Actor | null, idOrSlug: string, sessionId: string) {
      const e = await editable(actor, idOrSlug);
      if (!(await repo.deleteSession(e.id, sessionId))) throw notFound('Session');
    },

    async publish(actor: Actor | null, idOrSlug: string) {
      const e = await editable(actor, idOrSlug);
      const userId = (actor as Actor).userId;
      const publishedAt = new Date().toISOString();
      const built = await repo.publish(e.id, userId, (sessions, previous, version) => {
        const changes = previous ? diffAgendas(previous.sessions, sessions, e.time_zone) : [];
        // A version identical to the last one would only bump the number participants see.
        if (previous ? changes.length === 0 : sessions.length === 0) return null;
        const snapshot: AgendaSnapshot = {
          eventId: e.id,
          version,
          timeZone: e.time_zone,
          publishedAt,
          sessions,
        };
        return { snapshot, changes };
      });
      if (!built) {
        throw conflict(
          e.agenda_version
            ? `Nothing changed since version ${e.agenda_version}`
            : 'Add sessions before publishing the agenda',
        );
      }
      return published(actor, { ...e, agenda_version: built.snapshot.version }, built.snapshot.version);
    },

    async searchPeople(actor: Actor | null, idOrSlug: string, q: string) {
      await editable(actor, idOrSlug);
      const rows = await repo.searchPeople(q);
      return {
        items: rows.map((p) => ({
          id: p.id,
          slug: p.slug,
          fullName: p.full_name,
          honorific: p.honorific,
          jobTitle: p.job_title,
          organisationName: p.org_name,
          sample: p.sample,
        })),
      };
    },
  };
}
export type AgendaService = ReturnType<typeof agendaService>;
