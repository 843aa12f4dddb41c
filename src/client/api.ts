// Typed fetch client for the REST API. Imports only types from the feature schemas, so no zod code
// reaches the browser bundle.
import type { z } from 'zod';
import type {
  changePasswordBody,
  createdTokenSchema,
  meSchema,
  signInBody,
  signUpBody,
  tokenSchema,
  updateMeBody,
} from '../features/accounts/accounts.schemas.ts';
import type {
  eventListSchema,
  eventSchema,
  eventSummarySchema,
  updateEventBody,
} from '../features/events/events.schemas.ts';
import type { changeListSchema } from '../features/organisations/changes.schemas.ts';
import type { claimSchema } from '../features/organisations/claims.schemas.ts';
import type {
  ImportJob,
  ImportJobDetail,
  ImportPreview,
} from '../features/organisations/import/import.schemas.ts';
import type { reviewQueueSchema } from '../features/organisations/lifecycle.schemas.ts';
import type {
  createdInvitationSchema,
  invitationPreviewSchema,
  invitationSchema,
  organisationUserSchema,
} from '../features/organisations/membership.schemas.ts';
import type {
  createOrganisationBody,
  naceEntrySchema,
  organisationSchema,
  organisationSummarySchema,
  organisationTypeSchema,
  updateOrganisationBody,
} from '../features/organisations/organisations.schemas.ts';
import type {
  organisationListSchema as directorySearchSchema,
  facetsSchema,
  organisationMapSchema,
} from '../features/organisations/search.schemas.ts';
import type { overviewSchema } from '../features/overview/overview.schemas.ts';
import type {
  regionListSchema,
  regionSchema,
  regionSummarySchema,
} from '../features/regions/regions.schemas.ts';

export type Me = z.infer<typeof meSchema>;
export type ApiToken = z.infer<typeof tokenSchema>;
export type CreatedApiToken = z.infer<typeof createdTokenSchema>;
export type SignUpInput = z.input<typeof signUpBody>;
export type SignInInput = z.input<typeof signInBody>;
export type UpdateMeInput = z.input<typeof updateMeBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;
export type Overview = z.infer<typeof overviewSchema>;
export type OrganisationType = z.infer<typeof organisationTypeSchema>;
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationList = z.infer<typeof directorySearchSchema>;
export type DirectorySearch = z.infer<typeof directorySearchSchema>;
export type DirectoryFacets = z.infer<typeof facetsSchema>;
export type DirectoryMapData = z.infer<typeof organisationMapSchema>;
export type UpdateOrganisationInput = z.input<typeof updateOrganisationBody>;
export type RegionSummary = z.infer<typeof regionSummarySchema>;
export type Region = z.infer<typeof regionSchema>;
export type RegionList = z.infer<typeof regionListSchema>;
export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventDetail = z.infer<typeof eventSchema>;
export type EventList = z.infer<typeof eventListSchema>;
export type UpdateEventInput = z.input<typeof updateEventBody>;
export type EventPerson = EventDetail['people'][number];
export type { ImportJob, ImportJobDetail, ImportPreview };
export type ImportProblem = ImportJobDetail['problems'][number];
export interface StartImportInput {
  kind: 'organisations' | 'cordis';
  dryRun: boolean;
  mapping: Record<string, string>;
  file: File;
  participations?: File | undefined;
}
export type CreateOrganisationInput = z.input<typeof createOrganisationBody>;
export type NaceEntry = z.infer<typeof naceEntrySchema>;
export type ChangeList = z.infer<typeof changeListSchema>;
export type OrganisationChange = ChangeList['items'][number];
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
export type OrganisationClaim = z.infer<typeof claimSchema>;
export type ClusterInvitation = z.infer<typeof invitationSchema>;
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export type OrganisationUser = z.infer<typeof organisationUserSchema>;
export interface OrganisationLogo {
  url: string;
  contentType: string;
  width: number;
  height: number;
}

/** Every failed request: HTTP status, the API's error code, and field messages keyed by body field name. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function fieldMessages(details: unknown): Record<string, string> {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  const out: Record<string, string> = {};
  if (!Array.isArray(fields)) return out;
  for (const entry of fields) {
    const { field, message } = (entry ?? {}) as { field?: unknown; message?: unknown };
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    // 'body.email' → 'email'; the first message per field wins.
    const name = field.replace(/^(body|query|params)\.?/, '') || '_form';
    out[name] ??= message;
  }
  return out;
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData (file uploads) sets its own multipart content type.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      fieldMessages(error?.details),
    );
  }
  return data as T;
}

const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
const v1 = '/api/v1';
const enc = encodeURIComponent;

export interface OrganisationQuery {
  q?: string;
  type?: string;
  country?: string;
  region?: string;
  cluster?: string;
  page?: number;
  pageSize?: number;
}

export const api = {
  overview: (signal?: AbortSignal) => get<Overview>(`${v1}/overview`, signal),

  organisations: (query: OrganisationQuery, signal?: AbortSignal) =>
    get<OrganisationList>(withQuery(`${v1}/organisations`, { ...query }), signal),
  // Directory search: `query` is the page's own filter query string (repeated keys for several values).
  searchOrganisations: (query: string, signal?: AbortSignal) =>
    get<DirectorySearch>(`${v1}/organisations${query ? `?${query}` : ''}`, signal),
  organisationsMap: (query: string, signal?: AbortSignal) =>
    get<DirectoryMapData>(`${v1}/organisations/map${query ? `?${query}` : ''}`, signal),
  organisationsExportUrl: (query: string, format: 'csv' | 'json') =>
    `${v1}/organisations/export?format=${format}${query ? `&${query}` : ''}`,
  organisation: (idOrSlug: string, signal?: AbortSignal) =>
    get<Organisation>(`${v1}/organisations/${enc(idOrSlug)}`, signal),
  updateOrganisation: (id: string, body: UpdateOrganisationInput) =>
    request<Organisation>('PATCH', `${v1}/organisations/${enc(id)}`, body),

  regions: (
    query: { level?: number; country?: string; parent?: string; q?: string; pageSize?: number },
    signal?: AbortSignal,
  ) => get<RegionList>(withQuery(`${v1}/regions`, { ...query }), signal),
  region: (code: string, signal?: AbortSignal) => get<Region>(`${v1}/regions/${enc(code)}`, signal),

  events: (when: 'upcoming' | 'past' | 'all', signal?: AbortSignal, pageSize = 50) =>
    get<EventList>(withQuery(`${v1}/events`, { when, pageSize }), signal),
  event: (idOrSlug: string, signal?: AbortSignal) =>
    get<EventDetail>(`${v1}/events/${enc(idOrSlug)}`, signal),
  updateEvent: (id: string, body: UpdateEventInput) =>
    request<EventDetail>('PATCH', `${v1}/events/${enc(id)}`, body),

  signUp: (body: SignUpInput) => request<Me>('POST', `${v1}/auth/signup`, body),
  signIn: (body: SignInInput) => request<Me>('POST', `${v1}/auth/signin`, body),
  signOut: () => request<void>('POST', `${v1}/auth/signout`),
  me: (signal?: AbortSignal) => get<Me>(`${v1}/me`, signal),
  session: (signal?: AbortSignal) => get<{ user: Me | null }>(`${v1}/auth/session`, signal),
  updateMe: (body: UpdateMeInput) => request<Me>('PATCH', `${v1}/me`, body),
  changePassword: (body: ChangePasswordInput) => request<void>('POST', `${v1}/me/password`, body),
  tokens: (signal?: AbortSignal) => get<{ items: ApiToken[] }>(`${v1}/me/tokens`, signal),
  createToken: (name: string) => request<CreatedApiToken>('POST', `${v1}/me/tokens`, { name }),
  revokeToken: (id: string) => request<void>('DELETE', `${v1}/me/tokens/${enc(id)}`),

  // Directory profiles: life cycle, claims, memberships, change log, logo, NACE.
  createOrganisation: (body: CreateOrganisationInput) =>
    request<Organisation>('POST', `${v1}/organisations`, body),
  submitOrganisation: (id: string) => request<Organisation>('POST', `${v1}/organisations/${enc(id)}/submit`),
  publishOrganisation: (id: string) =>
    request<Organisation>('POST', `${v1}/organisations/${enc(id)}/publish`),
  rejectOrganisation: (id: string, reason: string) =>
    request<Organisation>('POST', `${v1}/organisations/${enc(id)}/reject`, { reason }),
  reviewQueue: (signal?: AbortSignal) => get<ReviewQueue>(`${v1}/review-queue`, signal),
  claimOrganisation: (id: string, message: string) =>
    request<OrganisationClaim>('POST', `${v1}/organisations/${enc(id)}/claims`, { message }),
  approveClaim: (id: string) => request<void>('POST', `${v1}/claims/${enc(id)}/approve`),
  rejectClaim: (id: string, reason: string) =>
    request<void>('POST', `${v1}/claims/${enc(id)}/reject`, { reason }),
  addClusterMember: (id: string, memberId: string) =>
    request<void>('POST', `${v1}/organisations/${enc(id)}/members`, { memberId }),
  removeClusterMember: (id: string, memberId: string) =>
    request<void>('DELETE', `${v1}/organisations/${enc(id)}/members/${enc(memberId)}`),
  clusterInvitations: (id: string, signal?: AbortSignal) =>
    get<{ items: ClusterInvitation[] }>(`${v1}/organisations/${enc(id)}/invitations`, signal),
  inviteClusterMember: (id: string, body: { email: string; organisationName: string }) =>
    request<CreatedInvitation>('POST', `${v1}/organisations/${enc(id)}/invitations`, body),
  withdrawInvitation: (id: string, invitationId: string) =>
    request<void>('DELETE', `${v1}/organisations/${enc(id)}/invitations/${enc(invitationId)}`),
  invitation: (token: string, signal?: AbortSignal) =>
    get<InvitationPreview>(`${v1}/invitations/${enc(token)}`, signal),
  acceptInvitation: (token: string, body: { name?: string; type: OrganisationType }) =>
    request<Organisation>('POST', `${v1}/invitations/${enc(token)}/accept`, body),
  organisationUsers: (id: string, signal?: AbortSignal) =>
    get<{ items: OrganisationUser[] }>(`${v1}/organisations/${enc(id)}/users`, signal),
  setOrganisationUser: (id: string, body: { email: string; role: 'admin' | 'member' }) =>
    request<{ items: OrganisationUser[] }>('POST', `${v1}/organisations/${enc(id)}/users`, body),
  removeOrganisationUser: (id: string, userId: string) =>
    request<void>('DELETE', `${v1}/organisations/${enc(id)}/users/${enc(userId)}`),
  organisationChanges: (id: string, page: number, signal?: AbortSignal) =>
    get<ChangeList>(withQuery(`${v1}/organisations/${enc(id)}/changes`, { page, pageSize: 10 }), signal),
  uploadLogo: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<OrganisationLogo>('PUT', `${v1}/organisations/${enc(id)}/logo`, form);
  },
  deleteLogo: (id: string) => request<void>('DELETE', `${v1}/organisations/${enc(id)}/logo`),
  nace: (q: string, signal?: AbortSignal) =>
    get<{ items: NaceEntry[] }>(withQuery(`${v1}/nace`, { q, limit: 12 }), signal),

  // Directory import (platform administrators): fields before files, so the server reads them first.
  imports: (signal?: AbortSignal) => get<{ items: ImportJob[] }>(`${v1}/imports`, signal),
  importJob: (id: string, signal?: AbortSignal) => get<ImportJobDetail>(`${v1}/imports/${enc(id)}`, signal),
  importReportUrl: (id: string) => `${v1}/imports/${enc(id)}/report.csv`,
  previewImport: (head: Blob, fileName: string) => {
    const form = new FormData();
    form.append('file', head, fileName);
    return request<ImportPreview>('POST', `${v1}/imports/preview`, form);
  },
  startImport: (input: StartImportInput) => {
    const form = new FormData();
    form.append('kind', input.kind);
    form.append('dryRun', String(input.dryRun));
    form.append('mapping', JSON.stringify(input.mapping));
    form.append('file', input.file, input.file.name);
    if (input.participations) form.append('participations', input.participations, input.participations.name);
    return request<ImportJob>('POST', `${v1}/imports`, form);
  },
};
