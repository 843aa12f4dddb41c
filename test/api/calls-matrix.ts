// Fixtures and entries of the host-call and pitch routes for the authorization matrix
// (test/api/authorization.test.ts). Callers: orgAdmin administers AFIL (a cluster), orgMember is its
// member; organiser organises the pitch event made here; user submits its pitches.
import type { TestApp } from '../helpers/app.ts';
import { PDF, upload } from './calls.fixtures.ts';

type Who = 'anonymous' | 'user' | 'orgMember' | 'orgAdmin' | 'participant' | 'organiser' | 'admin';

export interface CallsMatrixCtx {
  callId: string;
  afilId: string;
  /** Applications of orgAdmin for AFIL, one per route that changes one. */
  editableApp: string;
  withdrawableApp: string;
  letterApp: string;
  reviewableApp: string;
  selectableApp: string;
  pitchEventId: string;
  pitchSessionId: string;
  /** Pitches submitted by `user`. */
  editablePitch: string;
  withdrawablePitch: string;
  deckPitch: string;
  scorablePitch: string;
  decidablePitch: string;
  acceptedPitch: string;
}

const CRITERIA = [{ key: 'fit', label: 'Fit', weight: 1 }];

export async function setUpCallsMatrix(t: TestApp, ids: Record<Exclude<Who, 'anonymous'>, string>) {
  const db = t.database.db;
  const afil = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'afil')
    .executeTakeFirstOrThrow();
  const call = async () =>
    (
      await db
        .insertInto('host_calls')
        .values({
          title: 'Matrix call',
          criteria: JSON.stringify(CRITERIA),
          deadline: new Date(Date.now() + 30 * 86_400_000),
          status: 'open',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // One live application per organisation and call: each fixture gets its own call.
  const app = async () =>
    (
      await db
        .insertInto('host_applications')
        .values({
          call_id: await call(),
          organisation_id: afil.id,
          applicant_id: ids.orgAdmin,
          region_code: 'ITC4',
          starts_on: '2026-05-05',
          ends_on: '2026-05-06',
          theme: 'Matrix',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const { id: pitchEventId } = await db
    .insertInto('events')
    .values({
      slug: `matrix-pitches-${Date.now().toString(36)}`,
      title: 'Matrix pitch event',
      starts_at: '2030-09-01T09:00:00Z',
      ends_at: '2030-09-02T17:00:00Z',
      time_zone: 'Europe/Rome',
      status: 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('event_members')
    .values({ event_id: pitchEventId, user_id: ids.organiser, role: 'organiser' })
    .execute();
  await db
    .insertInto('pitch_calls')
    .values({ event_id: pitchEventId, criteria: JSON.stringify(CRITERIA) })
    .execute();
  const { id: pitchSessionId } = await db
    .insertInto('event_sessions')
    .values({
      event_id: pitchEventId,
      type: 'pitching',
      title: 'Matrix pitching',
      starts_at: '2030-09-01T13:00:00Z',
      ends_at: '2030-09-01T14:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pitch = async (status: 'submitted' | 'accepted' = 'submitted') =>
    (
      await db
        .insertInto('pitches')
        .values({
          event_id: pitchEventId,
          kind: 'startup',
          title: 'Matrix pitch',
          submitted_by: ids.user,
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  return {
    callId: await call(),
    afilId: afil.id,
    editableApp: await app(),
    withdrawableApp: await app(),
    letterApp: await app(),
    reviewableApp: await app(),
    selectableApp: await app(),
    pitchEventId,
    pitchSessionId,
    editablePitch: await pitch(),
    withdrawablePitch: await pitch(),
    deckPitch: await pitch(),
    scorablePitch: await pitch(),
    decidablePitch: await pitch(),
    acceptedPitch: await pitch('accepted'),
  } satisfies CallsMatrixCtx;
}

interface Entry {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  url(c: { calls: CallsMatrixCtx }): string;
  body?(c: { calls: CallsMatrixCtx }, who: Who): unknown;
  headers?: Record<string, string>;
  expect: Partial<Record<Who, number>>;
}

const PDF_UPLOAD = upload(PDF, 'matrix.pdf');

/** Destructive callers come last in each `expect`, which runs in order. */
export const CALLS_MATRIX: Entry[] = [
  {
    method: 'POST',
    path: '/api/v1/calls',
    url: () => '/api/v1/calls',
    body: () => ({ title: 'Matrix call', criteria: CRITERIA, deadline: '2030-01-01T00:00:00Z' }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403, admin: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/calls/{id}',
    url: (c) => `/api/v1/calls/${c.calls.callId}`,
    body: () => ({ body: 'Edited' }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/calls/{id}/applications',
    url: (c) => `/api/v1/calls/${c.calls.callId}/applications`,
    body: (c) => ({
      organisationId: c.calls.afilId,
      regionCode: 'ITC4',
      startsOn: '2026-05-05',
      endsOn: '2026-05-06',
      theme: 'Matrix',
    }),
    expect: { anonymous: 401, user: 403, orgMember: 403, admin: 403, orgAdmin: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/call-applications/{id}',
    url: (c) => `/api/v1/call-applications/${c.calls.editableApp}`,
    body: () => ({ theme: 'Edited' }),
    expect: { anonymous: 401, user: 404, orgMember: 404, admin: 403, orgAdmin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/call-applications/{id}/withdraw',
    url: (c) => `/api/v1/call-applications/${c.calls.withdrawableApp}/withdraw`,
    expect: { anonymous: 401, user: 404, orgMember: 404, admin: 403, orgAdmin: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/call-applications/{id}/letter',
    url: (c) => `/api/v1/call-applications/${c.calls.letterApp}/letter`,
    headers: PDF_UPLOAD.headers,
    body: () => PDF_UPLOAD.payload,
    expect: { anonymous: 401, user: 404, orgMember: 404, admin: 403, orgAdmin: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/call-applications/{id}/review',
    url: (c) => `/api/v1/call-applications/${c.calls.reviewableApp}/review`,
    body: () => ({ scores: { fit: 7 }, comment: '' }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/call-applications/{id}/select',
    url: (c) => `/api/v1/call-applications/${c.calls.selectableApp}/select`,
    expect: { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403, admin: 201 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/pitch-call',
    url: (c) => `/api/v1/events/${c.calls.pitchEventId}/pitch-call`,
    body: () => ({ description: 'Pitch to us', criteria: CRITERIA }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/pitches',
    url: (c) => `/api/v1/events/${c.calls.pitchEventId}/pitches`,
    body: (_c, who) => ({ kind: 'project', title: `Pitched by ${who}` }),
    expect: { anonymous: 401, user: 201, participant: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/pitches/{id}',
    url: (c) => `/api/v1/pitches/${c.calls.editablePitch}`,
    body: () => ({ title: 'Edited' }),
    expect: { anonymous: 401, orgMember: 404, organiser: 403, admin: 403, user: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/pitches/{id}/withdraw',
    url: (c) => `/api/v1/pitches/${c.calls.withdrawablePitch}/withdraw`,
    expect: { anonymous: 401, orgMember: 404, organiser: 403, admin: 403, user: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/pitches/{id}/deck',
    url: (c) => `/api/v1/pitches/${c.calls.deckPitch}/deck`,
    headers: PDF_UPLOAD.headers,
    body: () => PDF_UPLOAD.payload,
    expect: { anonymous: 401, orgMember: 404, organiser: 403, admin: 403, user: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/pitches/{id}/score',
    url: (c) => `/api/v1/pitches/${c.calls.scorablePitch}/score`,
    body: () => ({ scores: { fit: 8 } }),
    expect: { anonymous: 401, user: 403, orgMember: 404, participant: 404, organiser: 204, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/pitches/{id}/decision',
    url: (c) => `/api/v1/pitches/${c.calls.decidablePitch}/decision`,
    body: () => ({ status: 'accepted' }),
    expect: { anonymous: 401, user: 403, orgMember: 404, participant: 404, organiser: 200, admin: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/pitches/{id}/placement',
    url: (c) => `/api/v1/pitches/${c.calls.acceptedPitch}/placement`,
    body: (c) => ({ sessionId: c.calls.pitchSessionId, position: 0 }),
    expect: { anonymous: 401, user: 403, orgMember: 403, participant: 403, organiser: 200, admin: 200 },
  },
];
