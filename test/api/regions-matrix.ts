// Fixtures and entries of the region editorial routes (editors, S3 priorities, Input Paper sections) for
// the authorization matrix (test/api/authorization.test.ts). None of the matrix's callers is an editor
// of Île-de-France (FR10), so only administrators write there; regions-s3.test.ts and
// regions-paper.test.ts cover what editors may do.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.ts';

type Who = 'anonymous' | 'user' | 'orgMember' | 'orgAdmin' | 'participant' | 'organiser' | 'admin';

export interface RegionsMatrixCtx {
  editablePriority: string;
  deletablePriority: string;
  /** A user an administrator made editor of FR10, whom the matrix removes. */
  removableEditor: string;
  /** The email of an existing account, to be granted. */
  grantableEmail: string;
}

const REGION = '/api/v1/regions/FR10';

export async function setUpRegionsMatrix(t: TestApp, adminCookie: string): Promise<RegionsMatrixCtx> {
  const as = async (url: string, payload: object) => {
    const res = await t.request({ method: 'POST', url, cookie: adminCookie, payload });
    assert.ok(res.statusCode < 300, res.body);
    return res.json();
  };
  const editor = await t.user({ name: 'removable region editor' });
  await as(`${REGION}/editors`, { email: editor.email });
  await as(`${REGION}/paper/sections/outlook/versions`, { language: 'en', body: 'Version one.' });
  return {
    editablePriority: (await as(`${REGION}/s3-priorities`, { title: 'Editable' })).id,
    deletablePriority: (await as(`${REGION}/s3-priorities`, { title: 'Deletable' })).id,
    removableEditor: editor.id,
    grantableEmail: (await t.user({ name: 'grantable region editor' })).email,
  };
}

interface Entry {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  url(c: { regions: RegionsMatrixCtx }): string;
  body?(c: { regions: RegionsMatrixCtx }, who: Who): unknown;
  expect: Partial<Record<Who, number>>;
}

// An event organiser or an organisation administrator has no say on a region's texts.
const outsiders = { anonymous: 401, user: 403, orgAdmin: 403, organiser: 403 } as const;

/** Destructive callers come last in each `expect`, which runs in order. */
export const REGIONS_MATRIX: Entry[] = [
  {
    method: 'POST',
    path: '/api/v1/indicators/import',
    // A dry run of one row: nothing is written (indicators.test.ts covers imports).
    url: () => '/api/v1/indicators/import?dryRun=true',
    headers: { 'content-type': 'text/csv' },
    body: () => 'nuts_code,indicator,year,value,unit,source\nITC4,gerd_pc_gdp,2019,1.34,pc_gdp,eurostat\n',
    expect: { ...outsiders, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/regions/{code}/s3-priorities',
    url: () => `${REGION}/s3-priorities`,
    body: (_c, who) => ({ title: `Priority by ${who}` }),
    expect: { ...outsiders, admin: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/v1/regions/{code}/s3-priorities/{id}',
    url: (c) => `${REGION}/s3-priorities/${c.regions.editablePriority}`,
    body: (_c, who) => ({ title: `Edited by ${who}` }),
    expect: { ...outsiders, admin: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/regions/{code}/s3-priorities/{id}',
    url: (c) => `${REGION}/s3-priorities/${c.regions.deletablePriority}`,
    expect: { ...outsiders, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/regions/{code}/editors',
    url: () => `${REGION}/editors`,
    body: (c) => ({ email: c.regions.grantableEmail }),
    expect: { ...outsiders, admin: 201 },
  },
  {
    method: 'DELETE',
    path: '/api/v1/regions/{code}/editors/{userId}',
    url: (c) => `${REGION}/editors/${c.regions.removableEditor}`,
    expect: { ...outsiders, admin: 204 },
  },
  {
    method: 'POST',
    path: '/api/v1/regions/{code}/paper/sections/{key}/versions',
    url: () => `${REGION}/paper/sections/megatrends/versions`,
    body: (_c, who) => ({ language: 'en', body: `Written by ${who}` }),
    expect: { ...outsiders, admin: 201 },
  },
  {
    method: 'POST',
    path: '/api/v1/regions/{code}/paper/sections/{key}/versions/{version}/restore',
    url: () => `${REGION}/paper/sections/outlook/versions/1/restore`,
    body: () => ({ language: 'en' }),
    expect: { ...outsiders, admin: 201 },
  },
];
