// Fixtures and entries of the registration routes for the authorization matrix
// (test/api/authorization.test.ts): events the matrix's `organiser` organises, where the matrix's
// `participant` holds registrations, and pending registrations of other users to decide on.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.ts';
import { BASIC, registrationEvent } from './registrations-fixtures.ts';

type Who = 'anonymous' | 'user' | 'orgMember' | 'orgAdmin' | 'participant' | 'organiser' | 'admin';

export interface RegistrationsMatrixCtx {
  /** Open event: `participant` is confirmed there (reg `mine`, badge `code`). */
  slug: string;
  mine: string;
  code: string;
  /** Another event, where `participant` holds a registration to cancel. */
  cancellable: string;
  /** Pending registrations of other users, on an event with approval. */
  approvable: string;
  rejectable: string;
}

export async function setUpRegistrationsMatrix(
  t: TestApp,
  ids: { organiser: string },
  cookies: { participant: string },
): Promise<RegistrationsMatrixCtx> {
  const db = t.database.db;
  const register = async (cookie: string, slug: string) => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/events/${slug}/registrations`,
      cookie,
      payload: BASIC,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; badgeCode: string };
  };
  const open = await registrationEvent(db, { organiserId: ids.organiser });
  const other = await registrationEvent(db, { organiserId: ids.organiser });
  const approval = await registrationEvent(db, { organiserId: ids.organiser, requiresApproval: true });
  const mine = await register(cookies.participant, open.slug);
  const cancellable = await register(cookies.participant, other.slug);
  const approvable = await register((await t.user({ name: 'matrix pending 1' })).cookie, approval.slug);
  const rejectable = await register((await t.user({ name: 'matrix pending 2' })).cookie, approval.slug);
  return {
    slug: open.slug,
    mine: mine.id,
    code: mine.badgeCode,
    cancellable: cancellable.id,
    approvable: approvable.id,
    rejectable: rejectable.id,
  };
}

interface Entry {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  url(c: { registrations: RegistrationsMatrixCtx }): string;
  body?(c: { registrations: RegistrationsMatrixCtx }, who: Who): unknown;
  expect: Partial<Record<Who, number>>;
}

/** Destructive callers come last in each `expect`, which runs in order. */
export const REGISTRATIONS_MATRIX: Entry[] = [
  {
    method: 'POST',
    path: '/api/v1/events/{id}/registrations',
    url: (c) => `/api/v1/events/${c.registrations.slug}/registrations`,
    body: () => BASIC,
    // `participant` is registered already: a second active registration is refused.
    expect: { anonymous: 401, participant: 409, user: 201 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/registration-settings',
    url: (c) => `/api/v1/events/${c.registrations.slug}/registration-settings`,
    body: () => ({ capacity: 500 }),
    expect: { anonymous: 401, user: 403, participant: 403, organiser: 200, admin: 200 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/registrations/{id}',
    url: (c) => `/api/v1/registrations/${c.registrations.mine}`,
    body: () => ({ consentPhotos: true }),
    // Organisers see the registration but do not change a participant's answers or consents.
    expect: { anonymous: 401, user: 404, organiser: 403, admin: 403, participant: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/registrations/{id}/cancel',
    url: (c) => `/api/v1/registrations/${c.registrations.cancellable}/cancel`,
    expect: { anonymous: 401, user: 404, participant: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/registrations/{id}/approve',
    url: (c) => `/api/v1/registrations/${c.registrations.approvable}/approve`,
    expect: { anonymous: 401, user: 404, participant: 404, organiser: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/registrations/{id}/reject',
    url: (c) => `/api/v1/registrations/${c.registrations.rejectable}/reject`,
    expect: { anonymous: 401, user: 404, participant: 404, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/check-in',
    url: (c) => `/api/v1/events/${c.registrations.slug}/check-in`,
    body: (c) => ({ code: c.registrations.code }),
    expect: { anonymous: 401, user: 403, participant: 403, organiser: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/registrations/{id}/check-in',
    url: (c) => `/api/v1/registrations/${c.registrations.mine}/check-in`,
    // A participant reads their own registration but does not check themselves in.
    expect: { anonymous: 401, user: 404, participant: 403, organiser: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/registrations/{id}/check-in',
    url: (c) => `/api/v1/registrations/${c.registrations.mine}/check-in`,
    expect: { anonymous: 401, user: 404, participant: 403, organiser: 200 },
  },
];
