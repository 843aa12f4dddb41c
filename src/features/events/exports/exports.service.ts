import type { Kysely } from 'kysely';
import type { DB } from '../../../server/db/schema.ts';
import { notFound } from '../../../server/http/errors.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { Actor } from '../../accounts/actor.ts';
import type { AgendaSnapshot } from '../agenda.types.ts';
import { renderAgendaPdf } from './agenda-pdf.ts';
import { eventCalendar, personalCalendar, personCalendar } from './calendar.ts';
import { type CalendarRegistration, calendarSources } from './calendar-sources.ts';
import { canExportEvent, canReadFeed } from './exports.policy.ts';
import { exportsRepo } from './exports.repo.ts';
import { buildFrabSchedule, type FrabSchedule } from './frab.ts';
import { writeCalendar } from './ical.ts';
import { type ExportContext, type ExportEvent, personName } from './model.ts';

export interface ExportOptions {
  publicUrl: string;
  locale: Locale;
}

export interface ExportFile {
  fileName: string;
  body: string | Buffer;
  /** The agenda version the file was built from (0: none published), for ETags. */
  version: number;
}

type EventRow = NonNullable<Awaited<ReturnType<ReturnType<typeof exportsRepo>['event']>>>;

function toExportEvent(e: EventRow): ExportEvent {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    startsAt: new Date(e.starts_at).toISOString(),
    endsAt: new Date(e.ends_at).toISOString(),
    timeZone: e.time_zone,
    venueName: e.venue_name,
    venueAddress: e.venue_address,
    city: e.city,
    status: e.status,
    updatedAt: new Date(e.updated_at).toISOString(),
  };
}

/** The agenda exports (iCalendar, frab JSON, PDF), all built from the published agenda version. */
export function exportsService(db: Kysely<DB>) {
  const repo = exportsRepo(db);

  async function agendaOf(e: EventRow): Promise<AgendaSnapshot | null> {
    if (e.agenda_version <= 0) return null;
    const row = await repo.agendaVersion(e.id, e.agenda_version);
    if (!row) return null;
    const snapshot = row.snapshot as AgendaSnapshot;
    return {
      ...snapshot,
      version: e.agenda_version,
      timeZone: snapshot.timeZone || e.time_zone,
      publishedAt: snapshot.publishedAt || new Date(row.published_at).toISOString(),
      sessions: Array.isArray(snapshot.sessions) ? snapshot.sessions : [],
    };
  }

  async function context(actor: Actor | null, idOrSlug: string, opts: ExportOptions): Promise<ExportContext> {
    const e = await repo.event(idOrSlug);
    if (!e || !canExportEvent(actor, e)) throw notFound('Event');
    return { event: toExportEvent(e), agenda: await agendaOf(e), ...opts };
  }

  const version = (ctx: ExportContext) => ctx.agenda?.version ?? 0;

  return {
    async eventCalendar(actor: Actor | null, idOrSlug: string, opts: ExportOptions): Promise<ExportFile> {
      const ctx = await context(actor, idOrSlug, opts);
      return {
        fileName: `${ctx.event.slug}.ics`,
        body: writeCalendar(eventCalendar(ctx)),
        version: version(ctx),
      };
    },

    async personCalendar(
      actor: Actor | null,
      idOrSlug: string,
      personIdOrSlug: string,
      opts: ExportOptions,
    ): Promise<ExportFile> {
      const ctx = await context(actor, idOrSlug, opts);
      const person = await repo.person(personIdOrSlug);
      if (!person) throw notFound('Person');
      return {
        fileName: `${ctx.event.slug}-${person.slug}.ics`,
        body: writeCalendar(
          personCalendar(ctx, {
            id: person.id,
            name: personName({ honorific: person.honorific, fullName: person.full_name }),
          }),
        ),
        version: version(ctx),
      };
    },

    /** The feed behind GET /api/v1/calendar/{token}.ics; the token is the only credential. */
    async personalFeed(token: string, opts: Omit<ExportOptions, 'locale'>): Promise<ExportFile> {
      const reg = await repo.registrationByToken(token);
      const e = reg ? await repo.event(reg.event_id) : undefined;
      if (!reg || !e || !canReadFeed(reg, e)) throw notFound('Calendar');
      const locale: Locale = reg.locale === 'it' ? 'it' : 'en';
      const ctx: ExportContext = { event: toExportEvent(e), agenda: await agendaOf(e), ...opts, locale };
      const registration: CalendarRegistration = {
        id: reg.id,
        eventId: reg.event_id,
        userId: reg.user_id,
        personId: reg.person_id,
        status: reg.status,
        locale,
      };
      const contributed = await Promise.all(
        calendarSources().map(async ([source, fn]) => ({ source, items: await fn(db, registration) })),
      );
      const calendar = personalCalendar(ctx, {
        personId: reg.person_id,
        signedUpSessionIds: new Set(await repo.signedUpSessionIds(reg.id)),
        registrationStatus: reg.status,
        contributed,
      });
      return {
        fileName: `${ctx.event.slug}-my-agenda.ics`,
        body: writeCalendar(calendar),
        version: version(ctx),
      };
    },

    async schedule(actor: Actor | null, idOrSlug: string, opts: ExportOptions): Promise<FrabSchedule> {
      return buildFrabSchedule(await context(actor, idOrSlug, opts));
    },

    async agendaPdf(actor: Actor | null, idOrSlug: string, opts: ExportOptions): Promise<ExportFile> {
      const ctx = await context(actor, idOrSlug, opts);
      return {
        fileName: `${ctx.event.slug}-agenda${opts.locale === 'en' ? '' : `-${opts.locale}`}.pdf`,
        body: await renderAgendaPdf(ctx),
        version: version(ctx),
      };
    },
  };
}
export type ExportsService = ReturnType<typeof exportsService>;
