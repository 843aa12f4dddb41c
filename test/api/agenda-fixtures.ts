// Shared set-up of the agenda API tests: an event in Valencia (Europe/Madrid, 15–16 October 2030) with an
// organiser and a participant, and request helpers.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import type { Backend } from '../helpers/db.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
export type Json = any;

export function assertFieldError(res: LightMyRequestResponse, field: string) {
  assert.equal(res.statusCode, 400, res.body);
  const fields = (res.json().error.details?.fields ?? []).map((f: { field: string }) => f.field);
  assert.ok(fields.includes(field), `expected a field error on ${field}, got ${res.body}`);
}

export async function agendaFixture(backend: Backend) {
  const t: TestApp = await testApp(backend);
  const admin = (await t.user({ admin: true })).cookie;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/events',
    cookie: admin,
    payload: {
      title: 'Clusters meet Regions — Valencia',
      startsAt: '2030-10-15T09:00:00+02:00',
      endsAt: '2030-10-16T17:00:00+02:00',
      timeZone: 'Europe/Madrid',
      status: 'published',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const eventId: string = res.json().id;
  const o = await t.user();
  const p = await t.user();
  const stranger = (await t.user()).cookie;
  await t.database.db
    .insertInto('event_members')
    .values([
      { event_id: eventId, user_id: o.id, role: 'organiser' },
      { event_id: eventId, user_id: p.id, role: 'participant' },
    ])
    .execute();
  const rows = await t.database.db
    .selectFrom('people')
    .select(['id', 'slug'])
    .where('slug', 'in', ['tullio-tolio', 'marcello-urgo', 'antonio-novo', 'jose-vilar'])
    .execute();
  const people: Record<string, string> = Object.fromEntries(rows.map((r) => [r.slug, r.id]));

  const sessionsUrl = () => `/api/v1/events/${eventId}/sessions`;
  const as = (
    cookie: string | undefined,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
  const session = (extra: Record<string, unknown> = {}) => ({
    type: 'panel',
    title: 'A panel',
    startsAt: '2030-10-15T10:00:00+02:00',
    endsAt: '2030-10-15T11:00:00+02:00',
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}, cookie = o.cookie) => {
    const r = await as(cookie, 'POST', sessionsUrl(), session(extra));
    assert.equal(r.statusCode, 201, r.body);
    return r.json() as Json;
  };
  return {
    t,
    admin,
    organiser: o.cookie,
    participant: p.cookie,
    stranger,
    eventId,
    people,
    sessionsUrl,
    as,
    session,
    create,
  };
}
export type AgendaFixture = Awaited<ReturnType<typeof agendaFixture>>;
