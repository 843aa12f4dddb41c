/**
 * The authorization matrix: every mutating route of the API, with the status each kind of caller gets.
 * The routes are read from /api/openapi.json, so a new mutating route without an entry here fails.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { hashToken } from '../../src/features/accounts/tokens.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { type AgendaMatrixCtx, setUpAgendaMatrix } from './agenda-matrix.ts';
import { type B2bMatrixCtx, setUpB2bMatrix } from './b2b-matrix.ts';
import { CALLS_MATRIX, type CallsMatrixCtx, setUpCallsMatrix } from './calls-matrix.ts';
import { REGIONS_MATRIX, type RegionsMatrixCtx, setUpRegionsMatrix } from './regions-matrix.ts';
import {
  REGISTRATIONS_MATRIX,
  type RegistrationsMatrixCtx,
  setUpRegistrationsMatrix,
} from './registrations-matrix.ts';
import { SUMMARY_MATRIX, type SummaryMatrixCtx, setUpSummaryMatrix } from './summary-matrix.ts';

type Who = 'anonymous' | 'user' | 'orgMember' | 'orgAdmin' | 'participant' | 'organiser' | 'admin';
const MILAN = 'clusters-meet-regions-milan-2024';

interface Ctx {
  cookies: Record<Exclude<Who, 'anonymous'>, string>;
  emails: Record<Exclude<Who, 'anonymous'>, string>;
  milanId: string;
  /** A token of `user`, which `user` revokes. */
  userTokenId: string;
  /** An e-mail that organisers add to the Milan event as a participant. */
  targetEmail: string;
  /** Directory profile fixtures, run by orgAdmin with orgMember as member (see setUpProfiles). */
  profile: ProfileCtx;
  /** Agenda fixtures (see agenda-matrix.ts). */
  agenda: AgendaMatrixCtx;
  /** B2B meeting fixtures (see b2b-matrix.ts). */
  b2b: B2bMatrixCtx;
  /** Host-call and pitch fixtures (see calls-matrix.ts). */
  calls: CallsMatrixCtx;
  /** Registration fixtures (see registrations-matrix.ts). */
  registrations: RegistrationsMatrixCtx;
  /** Event banner and summary fixtures on the Milan event (see summary-matrix.ts). */
  summary: SummaryMatrixCtx;
  /** Region editors, S3 priorities and Input Paper sections on FR10 (see regions-matrix.ts). */
  regions: RegionsMatrixCtx;
}

interface ProfileCtx {
  draftId: string;
  submittedId: string;
  rejectableId: string;
  claimIds: [string, string];
  candidateId: string;
  removableMemberId: string;
  removableUserId: string;
  invitationId: string;
  invitationToken: string;
  /** Organisation-user invitations: one of afil to revoke, two addressed to `user`. */
  userInvitationIds: Record<'revoke' | 'decline', string>;
  /** The e-mailed link's token of a third invitation addressed to `user`: accepting needs it. */
  userInvitationToken: string;
}

interface RouteSpec {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document. */
  path: string;
  /** Public routes take no actor; `why` says how they are safe. */
  public?: { why: string };
  url(c: Ctx): string;
  body?(c: Ctx, who: Who): unknown;
  /** Request headers, e.g. the content type of a multipart body. */
  headers?: Record<string, string>;
  /** Status per caller; callers not listed are not meaningful for the route. */
  expect: Partial<Record<Who, number>>;
}

let n = 0;
const unique = () => `${Date.now().toString(36)}-${++n}`;

/** A multipart upload of a one-row CSV, as a dry run (the import routes take multipart/form-data). */
const IMPORT_UPLOAD = (() => {
  const b = 'nexum-matrix-boundary';
  const part = (name: string, value: string, file?: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n\r\n${value}\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.from(
      `${part('dryRun', 'true')}${part('file', 'name,type\nMatrix Co,company\n', 'm.csv')}--${b}--\r\n`,
    ),
  };
})();

const MATRIX: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/auth/signup',
    public: { why: 'rate-limited' },
    url: () => '/api/v1/auth/signup',
    body: () => ({
      email: `matrix-${unique()}@example.org`,
      name: 'New',
      password: 'a long enough password',
      acceptTerms: true,
    }),
    expect: { anonymous: 201 },
  },
  {
    method: 'POST',
    path: '/api/v1/auth/signin',
    public: { why: 'rate-limited' },
    url: () => '/api/v1/auth/signin',
    body: (c) => ({ email: c.emails.user, password: 'correct horse battery' }),
    expect: { anonymous: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/auth/signout',
    public: { why: 'harmless: ends only the caller’s own session' },
    url: () => '/api/v1/auth/signout',
    expect: { anonymous: 204 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/me',
    url: () => '/api/v1/me',
    body: () => ({ locale: 'it' }),
    expect: { anonymous: 401, user: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/me/password',
    url: () => '/api/v1/me/password',
    body: () => ({ currentPassword: 'correct horse battery', newPassword: 'correct horse battery' }),
    expect: { anonymous: 401, participant: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/me/tokens',
    url: () => '/api/v1/me/tokens',
    body: () => ({ name: 'matrix' }),
    expect: { anonymous: 401, user: 201 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/me/tokens/{id}',
    url: (c) => `/api/v1/me/tokens/${c.userTokenId}`,
    // Someone else's token is not found, even for an administrator.
    expect: { anonymous: 401, orgMember: 404, admin: 404, user: 204 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/organisations/{id}',
    url: () => '/api/v1/organisations/afil',
    body: (_c, who) => ({ description: `Edited by ${who}` }),
    expect: { anonymous: 401, user: 403, orgMember: 403, organiser: 403, orgAdmin: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events',
    url: () => '/api/v1/events',
    body: (_c, who) => ({
      title: `Matrix event by ${who}`,
      startsAt: '2031-05-01T09:00:00+02:00',
      endsAt: '2031-05-01T17:00:00+02:00',
      timeZone: 'Europe/Rome',
      status: 'published',
    }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403, admin: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/events/{id}',
    url: () => `/api/v1/events/${MILAN}`,
    body: (_c, who) => ({ summary: `Edited by ${who}` }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/members',
    url: (c) => `/api/v1/events/${c.milanId}/members`,
    body: (c) => ({ email: c.targetEmail, role: 'participant' }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 204, admin: 204 },
  },
  // Directory profiles: life cycle, claims, cluster members, invitations, users, logo.
  {
    method: 'POST',
    path: '/api/v1/organisations',
    url: () => '/api/v1/organisations',
    body: (_c, who) => ({ name: `Matrix organisation by ${who}`, type: 'company' }),
    expect: { anonymous: 401, user: 201, admin: 201 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisations/{id}/submit',
    url: (c) => `/api/v1/organisations/${c.profile.draftId}/submit`,
    expect: { anonymous: 401, user: 404, orgMember: 403, orgAdmin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisations/{id}/publish',
    url: (c) => `/api/v1/organisations/${c.profile.submittedId}/publish`,
    expect: { anonymous: 401, user: 404, orgMember: 403, orgAdmin: 403, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisations/{id}/reject',
    url: (c) => `/api/v1/organisations/${c.profile.rejectableId}/reject`,
    body: () => ({ reason: 'Incomplete profile' }),
    expect: { anonymous: 401, user: 404, orgMember: 403, orgAdmin: 403, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisations/{id}/claims',
    url: () => '/api/v1/organisations/afil/claims',
    body: () => ({ message: 'I run it' }),
    expect: { anonymous: 401, user: 201, orgAdmin: 409, admin: 409 },
  },
  {
    method: 'POST',
    path: '/api/v1/claims/{id}/approve',
    url: (c) => `/api/v1/claims/${c.profile.claimIds[0]}/approve`,
    expect: { anonymous: 401, user: 403, orgAdmin: 403, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/claims/{id}/reject',
    url: (c) => `/api/v1/claims/${c.profile.claimIds[1]}/reject`,
    body: () => ({ reason: 'Not known to the cluster' }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisations/{id}/members',
    url: () => '/api/v1/organisations/afil/members',
    body: (c) => ({ memberId: c.profile.candidateId }),
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 204, admin: 204 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/organisations/{id}/members/{memberId}',
    url: (c) => `/api/v1/organisations/afil/members/${c.profile.removableMemberId}`,
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisations/{id}/invitations',
    url: () => '/api/v1/organisations/afil/invitations',
    body: () => ({ email: 'invitee@example.org', organisationName: 'Invited Srl' }),
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 201, admin: 201 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/organisations/{id}/invitations/{invitationId}',
    url: (c) => `/api/v1/organisations/afil/invitations/${c.profile.invitationId}`,
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/invitations/{token}/accept',
    url: (c) => `/api/v1/invitations/${c.profile.invitationToken}/accept`,
    body: () => ({ type: 'company' }),
    expect: { anonymous: 401, user: 201, orgMember: 409 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/organisations/{id}/users/{userId}',
    url: (c) => `/api/v1/organisations/afil/users/${c.profile.removableUserId}`,
    body: () => ({ role: 'admin' }),
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisations/{id}/user-invitations',
    url: () => '/api/v1/organisations/afil/user-invitations',
    body: (c) => ({ email: c.targetEmail, role: 'member' }),
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 202, admin: 202 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/organisations/{id}/user-invitations/{invitationId}',
    url: (c) => `/api/v1/organisations/afil/user-invitations/${c.profile.userInvitationIds.revoke}`,
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/organisation-invitations/{token}/accept',
    // The e-mailed token and the account of the invited e-mail, both; other accounts with the link are refused.
    url: (c) => `/api/v1/organisation-invitations/${c.profile.userInvitationToken}/accept`,
    expect: { anonymous: 401, orgAdmin: 403, admin: 403, user: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/me/organisation-invitations/{invitationId}/decline',
    url: (c) => `/api/v1/me/organisation-invitations/${c.profile.userInvitationIds.decline}/decline`,
    expect: { anonymous: 401, orgAdmin: 404, admin: 404, user: 204 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/organisations/{id}/users/{userId}',
    url: (c) => `/api/v1/organisations/afil/users/${c.profile.removableUserId}`,
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 204 },
  },
  {
    method: 'PUT',
    path: '/api/v1/organisations/{id}/logo',
    // Authorised callers get 400 here because the matrix sends no image (test/api/profile-logo covers uploads).
    url: () => '/api/v1/organisations/afil/logo',
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 400, admin: 400 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/organisations/{id}/logo',
    url: () => '/api/v1/organisations/afil/logo',
    expect: { anonymous: 401, user: 403, orgMember: 403, orgAdmin: 204, admin: 204 },
  },
  // Directory import: platform administrators only, refused before the upload is read.
  {
    method: 'POST',
    path: '/api/v1/imports',
    url: () => '/api/v1/imports',
    headers: IMPORT_UPLOAD.headers,
    body: () => IMPORT_UPLOAD.payload,
    expect: { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403, admin: 202 },
  },
  {
    method: 'POST',
    path: '/api/v1/imports/preview',
    url: () => '/api/v1/imports/preview',
    headers: IMPORT_UPLOAD.headers,
    body: () => IMPORT_UPLOAD.payload,
    expect: { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403, admin: 200 },
  },
  // Agenda: the event's organisers and administrators edit the draft; publish runs after the edits.
  {
    method: 'POST',
    path: '/api/v1/events/{id}/sessions',
    url: (c) => `/api/v1/events/${c.milanId}/sessions`,
    body: (_c, who) => ({
      type: 'break',
      title: `Break added by ${who}`,
      startsAt: '2024-03-27T16:00:00+01:00',
      endsAt: '2024-03-27T16:15:00+01:00',
    }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 201, admin: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/events/{id}/sessions/{sessionId}',
    url: (c) => `/api/v1/events/${c.milanId}/sessions/${c.agenda.milanSessionId}`,
    body: (_c, who) => ({ description: `Edited by ${who}` }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 200, admin: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/sessions/{sessionId}/people',
    url: (c) => `/api/v1/events/${c.milanId}/sessions/${c.agenda.milanSessionId}/people`,
    body: () => ({ people: [] }),
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 200, admin: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/events/{id}/sessions/{sessionId}',
    // Each caller gets a session of its own, so both authorised callers delete one.
    url: (c) => `/api/v1/events/${c.milanId}/sessions/${c.agenda.deletable.pop()}`,
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 204, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/agenda/publish',
    url: (c) => `/api/v1/events/${c.milanId}/agenda/publish`,
    // Administrators publish too (test/api/agenda.test.ts); a second publication here would find nothing new (409).
    expect: { anonymous: 401, user: 403, orgAdmin: 403, participant: 403, organiser: 201 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/sessions/{sessionId}/signup',
    url: (c) => `/api/v1/events/${c.agenda.futureEventId}/sessions/${c.agenda.visitId}/signup`,
    // Only a confirmed registration gives a seat; `participant` has one for this event.
    expect: { anonymous: 401, user: 403, organiser: 403, admin: 403, participant: 201 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/events/{id}/sessions/{sessionId}/signup',
    url: (c) => `/api/v1/events/${c.agenda.futureEventId}/sessions/${c.agenda.visitId}/signup`,
    expect: { anonymous: 401, user: 200, participant: 200 },
  },
  // B2B meetings (test/api/b2b-matrix.ts): `participant` is registered and opted in; `organiser` runs
  // the event. In this order: publishing needs the fixture's preview to be the latest and unchanged.
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/b2b/profile',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/profile`,
    body: () => ({ offer: 'Robots', seek: 'Partners' }),
    expect: { anonymous: 401, user: 403, organiser: 403, admin: 403, participant: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/b2b/blocked',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/blocked`,
    body: () => ({ slots: [] }),
    expect: { anonymous: 401, user: 403, organiser: 403, participant: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/schedule/publish',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/schedule/publish`,
    body: (c) => ({ runId: c.b2b.runId }),
    expect: { anonymous: 401, user: 403, participant: 403, organiser: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/schedule/preview',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/schedule/preview`,
    body: () => ({}),
    expect: { anonymous: 401, user: 403, participant: 403, organiser: 200, admin: 200 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/b2b/settings',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/settings`,
    body: () => ({ mode: 'scheduler' }),
    expect: { anonymous: 401, user: 403, participant: 403, organiser: 204, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/requests',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests`,
    body: (c) => ({ addresseeId: c.b2b.addresseeId, message: 'Shall we meet?' }),
    expect: { anonymous: 401, user: 403, organiser: 403, participant: 201 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/requests/{requestId}/accept',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests/${c.b2b.acceptId}/accept`,
    body: () => ({}),
    // Outsiders do not learn that the request exists; organisers see it but only the addressee answers.
    expect: { anonymous: 401, user: 404, organiser: 403, admin: 403, participant: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/requests/{requestId}/decline',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests/${c.b2b.declineId}/decline`,
    expect: { anonymous: 401, user: 404, organiser: 403, participant: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/requests/{requestId}/withdraw',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests/${c.b2b.withdrawId}/withdraw`,
    expect: { anonymous: 401, user: 404, organiser: 403, participant: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/requests/{requestId}/team/accept',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests/${c.b2b.teamAcceptId}/team/accept`,
    // Only the colleague invited answers; organisers see the request but answer for nobody.
    expect: { anonymous: 401, user: 404, organiser: 403, admin: 403, participant: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/requests/{requestId}/team/decline',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests/${c.b2b.teamDeclineId}/team/decline`,
    expect: { anonymous: 401, user: 404, organiser: 403, admin: 403, participant: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/b2b/requests/{requestId}/leave',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests/${c.b2b.leaveId}/leave`,
    // Only the caller leaves: nobody removes someone else from a meeting.
    expect: { anonymous: 401, user: 404, organiser: 403, admin: 403, participant: 204 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/b2b/requests/{requestId}/outcome',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/requests/${c.b2b.outcomeId}/outcome`,
    body: () => ({ outcome: 'follow_up' }),
    expect: { anonymous: 401, user: 404, organiser: 403, participant: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/events/{id}/b2b/profile',
    url: (c) => `/api/v1/events/${c.b2b.slug}/b2b/profile`,
    expect: { anonymous: 401, user: 403, organiser: 403, participant: 204 },
  },
  // Host-region calls and pitches (entries in calls-matrix.ts).
  ...CALLS_MATRIX,
  // Event registrations, check-in (entries in registrations-matrix.ts).
  ...REGISTRATIONS_MATRIX,
  // Event banner and the summary after the event (entries in summary-matrix.ts).
  ...SUMMARY_MATRIX,
  // Region editors, S3 priorities and Input Paper sections (entries in regions-matrix.ts).
  ...REGIONS_MATRIX,
];

/** Profiles in each state run by orgAdmin (orgMember a member), claims, a member, a user, invitations. */
async function setUpProfiles(
  t: TestApp,
  ids: Record<'orgMember' | 'orgAdmin', string>,
  userEmail: string,
): Promise<ProfileCtx> {
  const db = t.database.db;
  const org = async (name: string, status: 'draft' | 'submitted' | 'published') => {
    const slug = `matrix-${name}-${unique()}`;
    const { id } = await db
      .insertInto('organisations')
      .values({ slug, name: slug, type: 'company', status })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('organisation_users')
      .values([
        { organisation_id: id, user_id: ids.orgMember, role: 'member' },
        { organisation_id: id, user_id: ids.orgAdmin, role: 'admin' },
      ])
      .execute();
    return id;
  };
  const afil = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'afil')
    .executeTakeFirstOrThrow();
  const claimants = [await t.user({ name: 'claimant 1' }), await t.user({ name: 'claimant 2' })];
  const claimIds = [] as string[];
  for (const u of claimants) {
    const claim = await db
      .insertInto('organisation_claims')
      .values({ organisation_id: afil.id, user_id: u.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    claimIds.push(claim.id);
  }
  const removableMemberId = await org('member', 'published');
  await db
    .insertInto('cluster_members')
    .values({ cluster_id: afil.id, member_id: removableMemberId })
    .execute();
  const removableUser = await t.user({ name: 'removable' });
  await db
    .insertInto('organisation_users')
    .values({ organisation_id: afil.id, user_id: removableUser.id, role: 'member' })
    .execute();
  const invitationToken = `matrix-invitation-${unique()}-0123456789`;
  const invitations = await db
    .insertInto('cluster_invitations')
    .values([
      {
        cluster_id: afil.id,
        email: 'a@example.org',
        organisation_name: 'Accepted',
        token_hash: hashToken(invitationToken),
      },
      {
        cluster_id: afil.id,
        email: 'w@example.org',
        organisation_name: 'Withdrawn',
        token_hash: hashToken(`w${invitationToken}`),
      },
    ])
    .returning('id')
    .execute();
  const userInvitation = async (organisationId: string, email: string, token = `matrix-ui-${unique()}`) =>
    (
      await db
        .insertInto('organisation_user_invitations')
        .values({
          organisation_id: organisationId,
          email: email.toLowerCase(),
          role: 'member',
          invited_by: ids.orgAdmin,
          token_hash: hashToken(token),
          expires_at: new Date(Date.now() + 86_400_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // Those to `user` are of other profiles than afil: accepting makes `user` one of its people.
  const userInvitationToken = `matrix-user-invitation-${unique()}-0123456789`;
  await userInvitation(await org('invite-accept', 'published'), userEmail, userInvitationToken);
  const userInvitationIds = {
    revoke: await userInvitation(afil.id, `revoke-${unique()}@example.org`),
    decline: await userInvitation(await org('invite-decline', 'published'), userEmail),
  };
  return {
    userInvitationIds,
    userInvitationToken,
    draftId: await org('draft', 'draft'),
    submittedId: await org('submitted', 'submitted'),
    rejectableId: await org('rejectable', 'submitted'),
    claimIds: [claimIds[0]!, claimIds[1]!],
    candidateId: await org('candidate', 'published'),
    removableMemberId,
    removableUserId: removableUser.id,
    invitationId: invitations[1]!.id,
    invitationToken,
  };
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function assertError(res: LightMyRequestResponse, status: number) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.equal(typeof body.error?.code, 'string', res.body);
  assert.equal(typeof body.error?.message, 'string', res.body);
  if (status === 401) assert.equal(body.error.code, 'unauthenticated');
  if (status === 403) assert.equal(body.error.code, 'forbidden');
  if (status === 404) assert.equal(body.error.code, 'not_found');
}

for (const backend of backends()) {
  describe(`authorization matrix (${backend})`, () => {
    let t: TestApp;
    const c = {} as Ctx;

    before(async () => {
      t = await testApp(backend);
      const db = t.database.db;
      const who: Exclude<Who, 'anonymous'>[] = [
        'user',
        'orgMember',
        'orgAdmin',
        'participant',
        'organiser',
        'admin',
      ];
      c.cookies = {} as Ctx['cookies'];
      c.emails = {} as Ctx['emails'];
      const ids = {} as Record<Exclude<Who, 'anonymous'>, string>;
      for (const w of who) {
        const u = await t.user({ admin: w === 'admin', name: w });
        c.cookies[w] = u.cookie;
        c.emails[w] = u.email;
        ids[w] = u.id;
      }
      c.targetEmail = (await t.user({ name: 'target' })).email;
      const afil = await db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', 'afil')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('organisation_users')
        .values([
          { organisation_id: afil.id, user_id: ids.orgMember, role: 'member' },
          { organisation_id: afil.id, user_id: ids.orgAdmin, role: 'admin' },
        ])
        .execute();
      const milan = await db
        .selectFrom('events')
        .select('id')
        .where('slug', '=', MILAN)
        .executeTakeFirstOrThrow();
      c.milanId = milan.id;
      await db
        .insertInto('event_members')
        .values([
          { event_id: milan.id, user_id: ids.participant, role: 'participant' },
          { event_id: milan.id, user_id: ids.organiser, role: 'organiser' },
        ])
        .execute();
      const token = await t.request({
        method: 'POST',
        url: '/api/v1/me/tokens',
        cookie: c.cookies.user,
        payload: { name: 'to revoke' },
      });
      assert.equal(token.statusCode, 201, token.body);
      c.userTokenId = token.json().id;
      c.profile = await setUpProfiles(t, ids, c.emails.user);
      c.agenda = await setUpAgendaMatrix(t, milan.id, c.cookies.admin, ids.participant);
      c.b2b = await setUpB2bMatrix(t, ids);
      c.calls = await setUpCallsMatrix(t, ids);
      c.registrations = await setUpRegistrationsMatrix(t, ids, c.cookies);
      c.summary = await setUpSummaryMatrix(t, milan.id, c.cookies.admin);
      c.regions = await setUpRegionsMatrix(t, c.cookies.admin);
    });
    after(() => t.close());

    test('the matrix covers every mutating route in the OpenAPI document, and nothing else', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      const documented = new Set<string>();
      for (const [path, item] of Object.entries<Record<string, unknown>>(spec.paths)) {
        for (const method of Object.keys(item)) {
          if (['post', 'put', 'patch', 'delete'].includes(method)) documented.add(key(method, path));
        }
      }
      const covered = new Set(MATRIX.map((r) => key(r.method, r.path)));
      const missing = [...documented].filter((k) => !covered.has(k));
      const stale = [...covered].filter((k) => !documented.has(k));
      assert.deepEqual(
        missing,
        [],
        `mutating routes without an authorization matrix entry: ${missing.join(', ')}`,
      );
      assert.deepEqual(stale, [], `matrix entries for routes that do not exist: ${stale.join(', ')}`);
      assert.equal(covered.size, MATRIX.length, 'one entry per route');
    });

    test('no mutating route is hidden from the OpenAPI document (so none escapes the matrix)', () => {
      // printRoutes draws a tree: each line is a path segment under the line above it, with its methods.
      const stack: string[] = [];
      const registered = new Set<string>();
      for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
        const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
        if (!m) continue;
        const depth = m[1]!.length / 4;
        const path = (stack[depth - 1] ?? '') + m[2]!;
        stack[depth] = path;
        stack.length = depth + 1;
        for (const method of (m[3] ?? '').split(', ')) {
          if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
            registered.add(key(method, path.replace(/:(\w+)/g, '{$1}')));
          }
        }
      }
      assert.ok(registered.size > 0, 'could not read the route tree');
      assert.deepEqual([...registered].sort(), MATRIX.map((r) => key(r.method, r.path)).sort());
    });

    test('every route that is not public refuses anonymous callers', () => {
      for (const r of MATRIX) {
        if (!r.public)
          assert.equal(r.expect.anonymous, 401, `${key(r.method, r.path)} must list anonymous → 401`);
      }
    });

    for (const route of MATRIX) {
      describe(key(route.method, route.path), () => {
        for (const [who, status] of Object.entries(route.expect) as [Who, number][]) {
          test(`${who} → ${status}`, async () => {
            const res = await t.request({
              method: route.method,
              url: route.url(c),
              ...(who === 'anonymous' ? {} : { cookie: c.cookies[who] }),
              ...(route.body ? { payload: route.body(c, who) as object } : {}),
              ...(route.headers ? { headers: route.headers } : {}),
            });
            if (status >= 400) assertError(res, status);
            else assert.equal(res.statusCode, status, res.body);
          });
        }
      });
    }

    describe('public routes', () => {
      test('sign-up and sign-in are rate-limited', async () => {
        for (const url of ['/api/v1/auth/signup', '/api/v1/auth/signin']) {
          const res = await t.request({ method: 'POST', url, payload: {} });
          assert.equal(res.statusCode, 400);
          assert.ok(Number(res.headers['x-ratelimit-limit']) > 0, `${url} has no rate limit`);
        }
      });

      test('anonymous sign-out ends nobody’s session', async () => {
        const res = await t.request({ method: 'POST', url: '/api/v1/auth/signout' });
        assert.equal(res.statusCode, 204);
        const me = await t.request({ method: 'GET', url: '/api/v1/me', cookie: c.cookies.admin });
        assert.equal(me.statusCode, 200);
      });

      test('sign-up cannot create an administrator', async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/signup',
          payload: {
            email: `sneaky-${unique()}@example.org`,
            name: 'x',
            password: 'a long enough password',
            acceptTerms: true,
            isAdmin: true,
          },
        });
        if (res.statusCode === 201) assert.equal(res.json().isAdmin, false);
        else assert.equal(res.statusCode, 400);
      });
    });

    describe('organisations', () => {
      test('canEdit tells the caller whether they may edit', async () => {
        const expected: [Who, boolean][] = [
          ['anonymous', false],
          ['user', false],
          ['orgMember', false],
          ['orgAdmin', true],
          ['admin', true],
        ];
        for (const [who, canEdit] of expected) {
          const res = await t.request({
            method: 'GET',
            url: '/api/v1/organisations/afil',
            ...(who === 'anonymous' ? {} : { cookie: c.cookies[who as Exclude<Who, 'anonymous'>] }),
          });
          assert.equal(res.json().canEdit, canEdit, who);
        }
      });

      test('an organisation admin cannot edit another organisation', async () => {
        const res = await t.request({
          method: 'PATCH',
          url: '/api/v1/organisations/politecnico-di-milano',
          cookie: c.cookies.orgAdmin,
          payload: { description: 'x' },
        });
        assertError(res, 403);
      });

      test('a refused edit changes nothing', async () => {
        const before = (await t.request({ method: 'GET', url: '/api/v1/organisations/eccp' })).json();
        const res = await t.request({
          method: 'PATCH',
          url: '/api/v1/organisations/eccp',
          cookie: c.cookies.user,
          payload: { name: 'Hijacked' },
        });
        assertError(res, 403);
        const after = (await t.request({ method: 'GET', url: '/api/v1/organisations/eccp' })).json();
        assert.equal(after.name, before.name);
        assert.equal(after.updatedAt, before.updatedAt);
      });

      test('an unpublished organisation is 404 to outsiders, visible to its members and administrators', async () => {
        const db = t.database.db;
        await db.updateTable('organisations').set({ status: 'draft' }).where('slug', '=', 'afil').execute();
        try {
          assertError(await t.request({ method: 'GET', url: '/api/v1/organisations/afil' }), 404);
          assertError(
            await t.request({ method: 'GET', url: '/api/v1/organisations/afil', cookie: c.cookies.user }),
            404,
          );
          const patch = await t.request({
            method: 'PATCH',
            url: '/api/v1/organisations/afil',
            cookie: c.cookies.user,
            payload: { description: 'x' },
          });
          assertError(patch, 404);
          for (const who of ['orgMember', 'orgAdmin', 'admin'] as const) {
            const res = await t.request({
              method: 'GET',
              url: '/api/v1/organisations/afil',
              cookie: c.cookies[who],
            });
            assert.equal(res.statusCode, 200, who);
          }
          const list = await t.request({ method: 'GET', url: '/api/v1/organisations?q=afil' });
          assert.ok(!list.json().items.some((o: { slug: string }) => o.slug === 'afil'), 'not listed');
        } finally {
          await db
            .updateTable('organisations')
            .set({ status: 'published' })
            .where('slug', '=', 'afil')
            .execute();
        }
      });
    });

    describe('events', () => {
      test('an administrator creates an event, becomes its organiser and can edit it', async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/events',
          cookie: c.cookies.admin,
          payload: {
            title: 'Admin created event',
            startsAt: '2031-06-01T09:00:00+02:00',
            endsAt: '2031-06-01T17:00:00+02:00',
            timeZone: 'Europe/Rome',
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        const event = res.json();
        assert.equal(event.canEdit, true);
        const me = (await t.request({ method: 'GET', url: '/api/v1/me', cookie: c.cookies.admin })).json();
        assert.ok(
          me.events.some(
            (e: { eventId: string; role: string }) => e.eventId === event.id && e.role === 'organiser',
          ),
          'the creator is an organiser',
        );
        const row = await t.database.db
          .selectFrom('event_members')
          .selectAll()
          .where('event_id', '=', event.id)
          .execute();
        assert.deepEqual(
          row.map((r) => r.role),
          ['organiser'],
        );
        const patch = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${event.id}`,
          cookie: c.cookies.admin,
          payload: { city: 'Milan' },
        });
        assert.equal(patch.statusCode, 200, patch.body);
        assert.equal(patch.json().city, 'Milan');
      });

      test('an organiser can make another user an organiser, who can then edit', async () => {
        const newcomer = await t.user({ name: 'newcomer' });
        const before = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${MILAN}`,
          cookie: newcomer.cookie,
          payload: { summary: 'x' },
        });
        assertError(before, 403);
        const add = await t.request({
          method: 'POST',
          url: `/api/v1/events/${MILAN}/members`,
          cookie: c.cookies.organiser,
          payload: { email: newcomer.email.toUpperCase(), role: 'organiser' },
        });
        assert.equal(add.statusCode, 204, add.body);
        const after = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${MILAN}`,
          cookie: newcomer.cookie,
          payload: { summary: 'Edited by the newcomer' },
        });
        assert.equal(after.statusCode, 200, after.body);
      });

      test('adding an unknown e-mail is a 400 naming body.email', async () => {
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/events/${MILAN}/members`,
          cookie: c.cookies.organiser,
          payload: { email: 'nobody-here@example.org', role: 'participant' },
        });
        assertError(res, 400);
        assert.deepEqual(
          res.json().error.details.fields.map((f: { field: string }) => f.field),
          ['body.email'],
        );
      });

      test('an event organiser cannot edit another event', async () => {
        const created = await t.request({
          method: 'POST',
          url: '/api/v1/events',
          cookie: c.cookies.admin,
          payload: {
            title: 'Another event',
            startsAt: '2031-07-01T09:00:00+02:00',
            endsAt: '2031-07-01T17:00:00+02:00',
            timeZone: 'Europe/Rome',
            status: 'published',
          },
        });
        const res = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${created.json().id}`,
          cookie: c.cookies.organiser,
          payload: { summary: 'x' },
        });
        assertError(res, 403);
      });

      test('canEdit on the event tells the caller whether they may edit', async () => {
        const expected: [Who, boolean][] = [
          ['anonymous', false],
          ['user', false],
          ['participant', false],
          ['organiser', true],
          ['admin', true],
        ];
        for (const [who, canEdit] of expected) {
          const res = await t.request({
            method: 'GET',
            url: `/api/v1/events/${MILAN}`,
            ...(who === 'anonymous' ? {} : { cookie: c.cookies[who as Exclude<Who, 'anonymous'>] }),
          });
          assert.equal(res.json().canEdit, canEdit, who);
        }
      });
    });

    describe('draft events', () => {
      let draft: { id: string; slug: string };
      let draftOrganiser: string;
      let draftParticipant: string;

      before(async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/events',
          cookie: c.cookies.admin,
          payload: {
            title: 'Secret draft workshop',
            startsAt: '2032-01-10T09:00:00+01:00',
            endsAt: '2032-01-10T17:00:00+01:00',
            timeZone: 'Europe/Rome',
            hostRegionCode: 'ITC4',
            status: 'draft',
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        draft = res.json();
        const o = await t.user({ name: 'draft organiser' });
        const p = await t.user({ name: 'draft participant' });
        for (const [email, role] of [
          [o.email, 'organiser'],
          [p.email, 'participant'],
        ]) {
          const add = await t.request({
            method: 'POST',
            url: `/api/v1/events/${draft.id}/members`,
            cookie: c.cookies.admin,
            payload: { email, role },
          });
          assert.equal(add.statusCode, 204, add.body);
        }
        draftOrganiser = o.cookie;
        draftParticipant = p.cookie;
      });

      const get = (url: string, cookie?: string) =>
        t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
      const listed = async (cookie?: string) => {
        const res = await get('/api/v1/events?when=all&pageSize=100', cookie);
        return res.json().items.some((e: { id: string }) => e.id === draft.id);
      };

      test('is 404 to anonymous visitors and non-organisers, by slug and by id', async () => {
        for (const cookie of [undefined, c.cookies.user, c.cookies.organiser, draftParticipant]) {
          for (const ref of [draft.slug, draft.id])
            assertError(await get(`/api/v1/events/${ref}`, cookie), 404);
        }
      });

      test('cannot be edited or joined by non-organisers (404, not 403: its existence is not revealed)', async () => {
        const patch = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${draft.id}`,
          cookie: draftParticipant,
          payload: { summary: 'x' },
        });
        assertError(patch, 404);
        const add = await t.request({
          method: 'POST',
          url: `/api/v1/events/${draft.id}/members`,
          cookie: c.cookies.user,
          payload: { email: c.emails.user, role: 'organiser' },
        });
        assertError(add, 404);
      });

      test('is visible to its organisers and to administrators', async () => {
        for (const cookie of [draftOrganiser, c.cookies.admin]) {
          const res = await get(`/api/v1/events/${draft.slug}`, cookie);
          assert.equal(res.statusCode, 200, res.body);
          assert.equal(res.json().status, 'draft');
        }
      });

      test('is listed only for its organisers and administrators', async () => {
        assert.equal(await listed(), false, 'anonymous');
        assert.equal(await listed(c.cookies.user), false, 'user');
        assert.equal(await listed(draftParticipant), false, 'participant');
        assert.equal(await listed(draftOrganiser), true, 'organiser');
        assert.equal(await listed(c.cookies.admin), true, 'admin');
      });

      test('does not leak through the overview, the region page or the share page', async () => {
        const overview = (await get('/api/v1/overview')).json();
        const ids = [...overview.nextEvents, ...overview.pastEvents].map((e: { id: string }) => e.id);
        assert.ok(!ids.includes(draft.id), 'overview');
        const region = (await get('/api/v1/regions/ITC4')).json();
        assert.ok(!region.events.some((e: { id: string }) => e.id === draft.id), 'region page');
        const html = await get(`/events/${draft.slug}`);
        assert.equal(html.statusCode, 404);
        assert.ok(!html.body.includes('Secret draft workshop'), 'share page');
        const asOrganiser = await get(`/events/${draft.slug}`, draftOrganiser);
        assert.equal(asOrganiser.statusCode, 200);
        assert.ok(asOrganiser.body.includes('Secret draft workshop'));
      });

      test('once published, everyone sees it', async () => {
        const res = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${draft.id}`,
          cookie: draftOrganiser,
          payload: { status: 'published' },
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal((await get(`/api/v1/events/${draft.slug}`)).statusCode, 200);
        assert.equal(await listed(), true);
      });
    });
  });
}
