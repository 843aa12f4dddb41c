// Fixtures and entries of the event banner and summary routes for the authorization matrix
// (test/api/authorization.test.ts): the matrix's `organiser` organises the Milan event, `participant`
// takes part in it. Each destructive entry gets its own fixture.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.ts';
import { multipart, picture } from './summary-fixtures.ts';

type Who = 'anonymous' | 'user' | 'orgMember' | 'orgAdmin' | 'participant' | 'organiser' | 'admin';

export interface SummaryMatrixCtx {
  eventId: string;
  editableQuote: string;
  deletableQuote: string;
  deletableLink: string;
  editablePhoto: string;
  deletablePhoto: string;
}

export async function setUpSummaryMatrix(
  t: TestApp,
  eventId: string,
  adminCookie: string,
): Promise<SummaryMatrixCtx> {
  const as = async (
    method: 'POST' | 'PUT',
    url: string,
    payload: unknown,
    headers?: Record<string, string>,
  ) => {
    const res = await t.request({
      method,
      url,
      cookie: adminCookie,
      payload: payload as object,
      ...(headers ? { headers } : {}),
    });
    assert.ok(res.statusCode < 300, res.body);
    return res.json() as { id: string };
  };
  const base = `/api/v1/events/${eventId}`;
  const person = await t.database.db.selectFrom('people').select('id').limit(1).executeTakeFirstOrThrow();
  const quote = () => as('POST', `${base}/summary/quotes`, { personId: person.id, text: 'Matrix quote' });
  const photo = async () => {
    const body = multipart([['consentConfirmed', 'true']], { bytes: await picture(640, 480) });
    return as('POST', `${base}/photos`, body.payload, body.headers);
  };
  const banner = multipart([], { bytes: await picture(1200, 630) });
  await as('PUT', `${base}/banner`, banner.payload, banner.headers);
  return {
    eventId,
    editableQuote: (await quote()).id,
    deletableQuote: (await quote()).id,
    deletableLink: (
      await as('POST', `${base}/summary/links`, {
        kind: 'recording',
        title: 'Matrix',
        url: 'https://example.org/v',
      })
    ).id,
    editablePhoto: (await photo()).id,
    deletablePhoto: (await photo()).id,
  };
}

interface Entry {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  url(c: { summary: SummaryMatrixCtx }): string;
  body?(c: { summary: SummaryMatrixCtx }, who: Who): unknown;
  expect: Partial<Record<Who, number>>;
}

const outsiders = { anonymous: 401, user: 403, orgAdmin: 403, participant: 403 } as const;
const ev = (c: { summary: SummaryMatrixCtx }) => `/api/v1/events/${c.summary.eventId}`;

/** Destructive callers come last in each `expect`, which runs in order. */
export const SUMMARY_MATRIX: Entry[] = [
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/banner',
    // Authorised callers get 400: the matrix sends no image (events-fields.test.ts covers uploads).
    url: (c) => `${ev(c)}/banner`,
    expect: { ...outsiders, organiser: 400, admin: 400 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/events/{id}/banner',
    url: (c) => `${ev(c)}/banner`,
    expect: { ...outsiders, organiser: 204 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/summary',
    url: (c) => `${ev(c)}/summary`,
    body: (_c, who) => ({ bodyHtml: `<p>Summary by ${who}</p>`, published: true }),
    expect: { ...outsiders, organiser: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/summary/quotes',
    url: (c) => `${ev(c)}/summary/quotes`,
    // An unknown person: authorised callers get 400 after the permission check passed.
    body: () => ({ personId: '00000000-0000-4000-8000-000000000000', text: 'x' }),
    expect: { ...outsiders, organiser: 400, admin: 400 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/events/{id}/summary/quotes/{itemId}',
    url: (c) => `${ev(c)}/summary/quotes/${c.summary.editableQuote}`,
    body: (_c, who) => ({ text: `Edited by ${who}` }),
    expect: { ...outsiders, organiser: 200, admin: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/events/{id}/summary/quotes/{itemId}',
    url: (c) => `${ev(c)}/summary/quotes/${c.summary.deletableQuote}`,
    expect: { ...outsiders, organiser: 204 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/summary/quotes/order',
    // Authorised callers get 400: an empty order does not list every quote (summary.test.ts reorders).
    url: (c) => `${ev(c)}/summary/quotes/order`,
    body: () => ({ ids: [] }),
    expect: { ...outsiders, organiser: 400, admin: 400 },
  },
  {
    method: 'PUT',
    path: '/api/v1/events/{id}/summary/photos/order',
    url: (c) => `${ev(c)}/summary/photos/order`,
    body: () => ({ ids: [] }),
    expect: { ...outsiders, organiser: 400, admin: 400 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/summary/links',
    url: (c) => `${ev(c)}/summary/links`,
    body: (_c, who) => ({ kind: 'document', title: `By ${who}`, url: 'https://example.org/doc.pdf' }),
    expect: { ...outsiders, organiser: 201, admin: 201 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/events/{id}/summary/links/{itemId}',
    url: (c) => `${ev(c)}/summary/links/${c.summary.deletableLink}`,
    expect: { ...outsiders, organiser: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/events/{id}/photos',
    // Authorised callers get 400: the matrix sends no image (summary-gallery.test.ts covers uploads).
    url: (c) => `${ev(c)}/photos`,
    expect: { ...outsiders, organiser: 400, admin: 400 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/events/{id}/photos/{itemId}',
    url: (c) => `${ev(c)}/photos/${c.summary.editablePhoto}`,
    body: (_c, who) => ({ caption: `Captioned by ${who}` }),
    expect: { ...outsiders, organiser: 200, admin: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/events/{id}/photos/{itemId}',
    url: (c) => `${ev(c)}/photos/${c.summary.deletablePhoto}`,
    expect: { ...outsiders, organiser: 204 },
  },
];
