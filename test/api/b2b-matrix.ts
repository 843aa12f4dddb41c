/**
 * Fixtures of the B2B rows of the authorization matrix: an event (slots in the past, so outcomes can be
 * recorded) where the matrix's `participant` is a confirmed, opted-in participant with requests in every
 * state, and the matrix's `organiser` organises it. A real preview exists, so publishing can be tried.
 */
import type { Actor } from '../../src/features/accounts/actor.ts';
import type { TestApp } from '../helpers/app.ts';
import { b2bEvent, register } from './b2b-fixtures.ts';

export interface B2bMatrixCtx {
  slug: string;
  addresseeId: string;
  acceptId: string;
  declineId: string;
  withdrawId: string;
  outcomeId: string;
  /** Requests to which `participant` is invited as a colleague (pending), and one they are in. */
  teamAcceptId: string;
  teamDeclineId: string;
  leaveId: string;
  runId: string;
}

export async function setUpB2bMatrix(
  t: TestApp,
  ids: { participant: string; organiser: string },
): Promise<B2bMatrixCtx> {
  const db = t.database.db;
  const ev = await b2bEvent(db, { start: '2024-03-26T13:00:00Z', slots: 4, tables: 4 });
  await db
    .insertInto('event_members')
    .values({ event_id: ev.id, user_id: ids.organiser, role: 'organiser' })
    .execute();
  const me = await register(db, ev.id, ids.participant);
  const others = [] as string[];
  for (let i = 0; i < 5; i++) {
    const u = await t.user({ name: `B2B matrix ${i}` });
    others.push((await register(db, ev.id, u.id)).id);
  }
  const everyone = [me.id, ...others];
  await db
    .insertInto('b2b_profiles')
    .values(everyone.map((id) => ({ registration_id: id, event_id: ev.id, offer: 'x' })))
    .execute();
  const ask = async (from: string, to: string, status: 'pending' | 'accepted' = 'pending') =>
    (
      await db
        .insertInto('b2b_requests')
        .values({ event_id: ev.id, requester_id: from, addressee_id: to, status })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const acceptId = await ask(others[1]!, me.id);
  const declineId = await ask(others[2]!, me.id);
  const withdrawId = await ask(me.id, others[3]!);
  const outcomeId = await ask(me.id, others[4]!, 'accepted');
  const invite = async (from: string, to: string, status: 'pending' | 'accepted') => {
    const id = await ask(from, to);
    await db
      .insertInto('b2b_request_members')
      .values({ request_id: id, registration_id: me.id, side: 'requester', status })
      .execute();
    return id;
  };
  const teamAcceptId = await invite(others[3]!, others[4]!, 'pending');
  const teamDeclineId = await invite(others[4]!, others[3]!, 'pending');
  const leaveId = await invite(others[1]!, others[3]!, 'accepted');
  const organiser: Actor = {
    userId: ids.organiser,
    email: 'organiser@example.org',
    name: 'organiser',
    isAdmin: false,
    locale: 'en',
    via: 'session',
    organisationRoles: new Map(),
    eventRoles: new Map([[ev.id, 'organiser']]),
  };
  const run = await t.services.b2bSchedule.preview(organiser, ev.id, false);
  return {
    slug: ev.slug,
    addresseeId: others[0]!,
    acceptId,
    declineId,
    withdrawId,
    outcomeId,
    teamAcceptId,
    teamDeclineId,
    leaveId,
    runId: run.id,
  };
}
