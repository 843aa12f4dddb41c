// Fixtures of the agenda routes for the authorization matrix (test/api/authorization.test.ts).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestApp } from '../helpers/app.ts';

export interface AgendaMatrixCtx {
  /** A session of the Milan agenda that callers edit. */
  milanSessionId: string;
  /** Milan sessions to delete, one per caller of the DELETE route (each call takes one). */
  deletable: string[];
  /** A future event with a published site visit, where `participant` holds a confirmed registration. */
  futureEventId: string;
  visitId: string;
}

export async function setUpAgendaMatrix(
  t: TestApp,
  milanId: string,
  adminCookie: string,
  participantId: string,
): Promise<AgendaMatrixCtx> {
  const db = t.database.db;
  const milanSessions = await db
    .selectFrom('event_sessions')
    .select('id')
    .where('event_id', '=', milanId)
    .orderBy('starts_at')
    .execute();
  const deletable: string[] = [];
  for (let i = 0; i < 6; i++) {
    const row = await db
      .insertInto('event_sessions')
      .values({
        event_id: milanId,
        type: 'break',
        title: `To delete ${i}`,
        starts_at: '2024-03-26T12:00:00+01:00',
        ends_at: '2024-03-26T12:10:00+01:00',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    deletable.push(row.id);
  }
  const post = async (url: string, payload?: object) => {
    const res = await t.request({
      method: 'POST',
      url,
      cookie: adminCookie,
      ...(payload ? { payload } : {}),
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const event = await post('/api/v1/events', {
    title: 'Matrix agenda event',
    startsAt: '2032-06-01T09:00:00+02:00',
    endsAt: '2032-06-01T18:00:00+02:00',
    timeZone: 'Europe/Rome',
    status: 'published',
  });
  const visit = await post(`/api/v1/events/${event.id}/sessions`, {
    type: 'site_visit',
    title: 'Matrix visit',
    startsAt: '2032-06-01T14:00:00+02:00',
    endsAt: '2032-06-01T16:00:00+02:00',
    capacity: 5,
  });
  await post(`/api/v1/events/${event.id}/agenda/publish`);
  await db
    .insertInto('registrations')
    .values({
      event_id: event.id,
      user_id: participantId,
      category: 'cluster',
      status: 'confirmed',
      badge_code: randomBytes(12).toString('hex'),
      calendar_token: randomBytes(12).toString('hex'),
    })
    .execute();
  return {
    milanSessionId: milanSessions[0]!.id,
    deletable,
    futureEventId: event.id,
    visitId: visit.session.id,
  };
}
