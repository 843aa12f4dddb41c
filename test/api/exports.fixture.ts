import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import type { AgendaSessionSnapshot, AgendaSnapshot } from '../../src/features/events/agenda.types.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import type { Backend } from '../helpers/db.ts';

/**
 * The agenda the export tests share: a published event in Rome with two agenda versions (the second is
 * current: a keynote, a panel, a pitching session with an estimated time and a site visit), inserted
 * directly as publishing stores it, so these tests do not depend on the agenda editor.
 */

export const ICS = 'text/calendar; charset=utf-8';

export function vevents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

export const snap = (
  id: string,
  o: Partial<AgendaSessionSnapshot> & Pick<AgendaSessionSnapshot, 'type' | 'title' | 'startsAt' | 'endsAt'>,
): AgendaSessionSnapshot => ({
  id,
  description: '',
  room: null,
  capacity: null,
  b2bSlotMinutes: null,
  b2bTables: null,
  timeIsEstimate: false,
  people: [],
  pitches: [],
  ...o,
});

const who = (
  personId: string,
  fullName: string,
  role: 'speaker' | 'moderator' | 'panellist',
  org: string,
) => ({
  personId,
  slug: fullName.toLowerCase().replace(/\W+/g, '-'),
  fullName,
  honorific: fullName === 'Tullio Tolio' ? 'Prof.' : null,
  jobTitle: null,
  organisationName: org,
  role,
});

export interface ExportsFixture {
  t: TestApp;
  admin: string;
  eventId: string;
  slug: string;
  ids: { keynote: string; visit: string; panel: string; pitching: string };
  people: { tolio: string; novo: string; winters: string };
  createEvent(payload: Record<string, unknown>): Promise<{ id: string; slug: string }>;
  publish(event: string, version: number, sessions: AgendaSessionSnapshot[]): Promise<void>;
  register(
    event: string,
    opts?: { personId?: string | null; status?: string },
  ): Promise<{ id: string; token: string; userId: string }>;
}

export async function exportsFixture(backend: Backend): Promise<ExportsFixture> {
  const t = await testApp(backend, { seeded: false });
  const admin = (await t.user({ admin: true })).cookie;
  const db = t.database.db;

  async function createEvent(payload: Record<string, unknown>) {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      cookie: admin,
      payload: {
        startsAt: '2030-03-26T09:00:00+01:00',
        endsAt: '2030-03-27T17:30:00+01:00',
        timeZone: 'Europe/Rome',
        venueName: 'Palazzo Lombardia',
        venueAddress: 'Piazza Città di Lombardia 1, 20124 Milano',
        city: 'Milano',
        ...payload,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; slug: string };
  }

  async function person(fullName: string, honorific: string | null = null) {
    const slug = `${fullName.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`;
    const row = await db
      .insertInto('people')
      .values({ slug, full_name: fullName, honorific })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  // Sign-ups reference real session rows; the snapshot uses the same ids, as publishing does.
  async function sessionRow(event: string, type: AgendaSessionSnapshot['type'], s: string, e: string) {
    const row = await db
      .insertInto('event_sessions')
      .values({ event_id: event, type, title: type, starts_at: s, ends_at: e })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Stores a published version the way publishing does, and makes it the current one. */
  async function publish(event: string, version: number, sessions: AgendaSessionSnapshot[]) {
    const snapshot: AgendaSnapshot = {
      eventId: event,
      version,
      timeZone: 'Europe/Rome',
      publishedAt: `2030-03-0${version}T10:00:00.000Z`,
      sessions,
    };
    await db
      .insertInto('agenda_versions')
      .values({ event_id: event, version, snapshot: JSON.stringify(snapshot) })
      .execute();
    await db.updateTable('events').set({ agenda_version: version }).where('id', '=', event).execute();
  }

  async function register(event: string, opts: { personId?: string | null; status?: string } = {}) {
    const u = await t.user();
    const token = randomBytes(32).toString('base64url');
    const row = await db
      .insertInto('registrations')
      .values({
        event_id: event,
        user_id: u.id,
        person_id: opts.personId ?? null,
        category: 'cluster',
        status: (opts.status ?? 'confirmed') as 'confirmed',
        badge_code: randomBytes(12).toString('hex'),
        calendar_token: token,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, token, userId: u.id };
  }

  const e = await createEvent({ title: 'Clusters meet Regions — Milano, 2030', status: 'published' });
  const people = {
    tolio: await person('Tullio Tolio', 'Prof.'),
    novo: await person('Antonio Novo'),
    winters: await person('Kyle Winters'),
  };
  // 09:30 CET = 08:30 UTC; Rome is UTC+1 until 31 March.
  const ids = {
    keynote: await sessionRow(e.id, 'keynote', '2030-03-26T08:30:00Z', '2030-03-26T09:15:00Z'),
    panel: await sessionRow(e.id, 'panel', '2030-03-26T13:00:00Z', '2030-03-26T14:30:00Z'),
    pitching: await sessionRow(e.id, 'pitching', '2030-03-27T08:00:00Z', '2030-03-27T09:00:00Z'),
    visit: await sessionRow(e.id, 'site_visit', '2030-03-27T13:00:00Z', '2030-03-27T16:00:00Z'),
  };
  // Version 1 has an older title: the exports must use version 2, the current one.
  await publish(e.id, 1, [
    snap(ids.keynote, {
      type: 'keynote',
      title: 'Old title',
      startsAt: '2030-03-26T08:30:00Z',
      endsAt: '2030-03-26T09:15:00Z',
    }),
  ]);
  await publish(e.id, 2, [
    snap(ids.keynote, {
      type: 'keynote',
      title: 'Keynote: manufacturing, AI; and people',
      description: 'The future of manufacturing\nin Lombardy',
      startsAt: '2030-03-26T08:30:00.000Z',
      endsAt: '2030-03-26T09:15:00.000Z',
      room: 'Auditorium Testori',
      people: [who(people.tolio, 'Tullio Tolio', 'speaker', 'Politecnico di Milano')],
    }),
    snap(ids.panel, {
      type: 'panel',
      title: 'Interregional collaboration',
      startsAt: '2030-03-26T13:00:00.000Z',
      endsAt: '2030-03-26T14:30:00.000Z',
      room: 'Auditorium Testori',
      people: [
        who(people.novo, 'Antonio Novo', 'moderator', 'European Clusters Alliance'),
        who(people.winters, 'Kyle Winters', 'panellist', 'World Economic Forum'),
      ],
    }),
    snap(ids.pitching, {
      type: 'pitching',
      title: 'Start-up pitching',
      startsAt: '2030-03-27T08:00:00.000Z',
      endsAt: '2030-03-27T09:00:00.000Z',
      room: 'Sala Biagi',
      timeIsEstimate: true,
      pitches: [
        { id: 'p1', kind: 'startup', title: 'SnowIt', organisationName: 'SnowIt srl' },
        { id: 'p2', kind: 'startup', title: 'H3CUBE', organisationName: null },
      ],
    }),
    snap(ids.visit, {
      type: 'site_visit',
      title: 'Site visit: MIND Milano Innovation District',
      startsAt: '2030-03-27T13:00:00.000Z',
      endsAt: '2030-03-27T16:00:00.000Z',
      room: 'MIND Milano Innovation District',
      capacity: 30,
    }),
  ]);
  return { t, admin, eventId: e.id, slug: e.slug, ids, people, createEvent, publish, register };
}
