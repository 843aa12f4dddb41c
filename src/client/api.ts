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
  HostApplication,
  HostCall,
  createApplicationBody as hostApplicationBody,
  createCallBody as hostCallBody,
  hostCallListSchema,
  RankedApplication,
} from '../features/calls/calls.schemas.ts';
import type {
  AgendaClash,
  createSessionBody,
  DraftAgenda,
  DraftSession,
  PublishedAgenda,
  peopleSearchSchema,
  sessionSavedSchema,
  signupSchema,
  updateSessionBody,
  versionListSchema,
} from '../features/events/agenda.schemas.ts';
import type {
  eventListSchema,
  eventSchema,
  eventSummarySchema,
  updateEventBody,
} from '../features/events/events.schemas.ts';
import type {
  JuryPitch,
  Pitch,
  PitchCall,
  createPitchBody as pitchBody,
  putPitchCallBody as pitchCallBody,
} from '../features/events/pitches.schemas.ts';
import type {
  CheckInResult,
  Registration,
  RegistrationList,
  RegistrationState,
  registerBody,
  registrationSettingsBody,
  updateRegistrationBody,
} from '../features/events/registrations.schemas.ts';
import type {
  dashboardSchema as b2bDashboardSchema,
  meetingListSchema as b2bMeetingListSchema,
  b2bOverviewSchema,
  participantListSchema as b2bParticipantListSchema,
  participantSchema as b2bParticipantSchema,
  requestListSchema as b2bRequestListSchema,
  requestSchema as b2bRequestSchema,
  scheduleRunSchema as b2bScheduleRunSchema,
  tablePlanSchema as b2bTablePlanSchema,
} from '../features/matchmaking/b2b.schemas.ts';
import type { OutboxList } from '../features/notifications/outbox.schemas.ts';
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
import type {
  acceptedInvitationSchema,
  InvitationLink,
  invitationSentSchema,
  MyInvitation,
  UserInvitation,
} from '../features/organisations/user-invitations.schemas.ts';
import type { overviewSchema } from '../features/overview/overview.schemas.ts';
import type {
  indicatorImportReportSchema,
  indicatorListSchema,
  indicatorValuesSchema,
  regionIndicatorsSchema,
} from '../features/regions/indicators.schemas.ts';
import type {
  regionListSchema,
  regionSchema,
  regionSummarySchema,
} from '../features/regions/regions.schemas.ts';
import type { Comparison, SimilarRegions } from '../features/regions/similarity.schemas.ts';

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
export type IndicatorImportReport = z.infer<typeof indicatorImportReportSchema>;
export type RegionIndicators = z.infer<typeof regionIndicatorsSchema>;
export type RegionIndicator = RegionIndicators['indicators'][number];
export type IndicatorFigure = RegionIndicator['figures'][number];
export type IndicatorSource = RegionIndicators['sources'][number];
export type IndicatorList = z.infer<typeof indicatorListSchema>;
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;
export type { Comparison, SimilarRegions };
export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventDetail = z.infer<typeof eventSchema>;
export type EventList = z.infer<typeof eventListSchema>;
export type UpdateEventInput = z.input<typeof updateEventBody>;
export type EventPerson = EventDetail['people'][number];
export type { EventBanner } from '../features/events/events.schemas.ts';
export type {
  EventLink,
  EventPhoto,
  EventQuote,
  EventStatistics,
  EventSummaryPage,
  ParticipantHit,
} from '../features/events/summary.schemas.ts';
export type { HostApplication, HostCall, RankedApplication };
export type HostCallSummary = z.infer<typeof hostCallListSchema>['items'][number];
export type HostCallInput = z.input<typeof hostCallBody>;
export type HostApplicationInput = z.input<typeof hostApplicationBody>;
export type { JuryPitch, Pitch, PitchCall } from '../features/events/pitches.schemas.ts';
export type PitchInput = z.input<typeof pitchBody>;
export type { CheckInResult, OutboxList, Registration, RegistrationList, RegistrationState };
export type RegisterInput = z.input<typeof registerBody>;
export type UpdateRegistrationInput = z.input<typeof updateRegistrationBody>;
export type RegistrationSettingsInput = z.input<typeof registrationSettingsBody>;
export interface RegistrationQuery {
  status?: string;
  category?: string;
  checkedIn?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}
export interface OutboxQuery {
  status?: string;
  kind?: string;
  q?: string;
  page?: number;
}
export type PitchCallInput = z.input<typeof pitchCallBody>;
export interface PitchSessionRef {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
}
export type B2bOverview = z.infer<typeof b2bOverviewSchema>;
export type B2bParticipant = z.infer<typeof b2bParticipantSchema>;
export type B2bParticipantList = z.infer<typeof b2bParticipantListSchema>;
export type B2bRequest = z.infer<typeof b2bRequestSchema>;
export type B2bRequestList = z.infer<typeof b2bRequestListSchema>;
export type B2bMeetingList = z.infer<typeof b2bMeetingListSchema>;
export type B2bDashboard = z.infer<typeof b2bDashboardSchema>;
export type B2bScheduleRun = z.infer<typeof b2bScheduleRunSchema>;
export type B2bTablePlan = z.infer<typeof b2bTablePlanSchema>;
export type { AgendaClash, DraftAgenda, DraftSession, PublishedAgenda };
export type PublishedSession = PublishedAgenda['sessions'][number];
export type AgendaChangeLine = PublishedAgenda['changes'][number];
export type AgendaVersionList = z.infer<typeof versionListSchema>;
export type CreateSessionInput = z.input<typeof createSessionBody>;
export type UpdateSessionInput = z.input<typeof updateSessionBody>;
export type SessionSaved = z.infer<typeof sessionSavedSchema>;
export type AgendaPersonHit = z.infer<typeof peopleSearchSchema>['items'][number];
export type SessionSignup = z.infer<typeof signupSchema>;
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
export type { InvitationLink, MyInvitation, UserInvitation };
export type InvitationSent = z.infer<typeof invitationSentSchema>;
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;
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
    /** The machine-readable `code` of a field error, when the API gives one (e.g. `password_common`). */
    readonly fieldCodes: Record<string, string> = {},
    /** The error's `details` as the API sent them (e.g. `{ reason, meetings }` of a conflict). */
    readonly details: unknown = undefined,
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

function fieldMessages(details: unknown): [Record<string, string>, Record<string, string>] {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  const out: Record<string, string> = {};
  const codes: Record<string, string> = {};
  if (!Array.isArray(fields)) return [out, codes];
  for (const entry of fields) {
    const { field, message, code } = (entry ?? {}) as { field?: unknown; message?: unknown; code?: unknown };
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    // 'body.email' → 'email'; the first message per field wins.
    const name = field.replace(/^(body|query|params)\.?/, '') || '_form';
    if (out[name] !== undefined) continue;
    out[name] = message;
    if (typeof code === 'string') codes[name] = code;
  }
  return [out, codes];
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData (file uploads) sets its own multipart content type, a Blob sends its own type (text/csv).
  const form =
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof Blob !== 'undefined' && body instanceof Blob);
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? (body as FormData | Blob) : JSON.stringify(body),
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
      ...fieldMessages(error?.details),
      error?.details,
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
  importIndicators: (csv: string, dryRun: boolean) =>
    request<IndicatorImportReport>(
      'POST',
      `${v1}/indicators/import${dryRun ? '?dryRun=true' : ''}`,
      new Blob([csv], { type: 'text/csv' }),
    ),
  regionIndicators: (code: string, signal?: AbortSignal) =>
    get<RegionIndicators>(`${v1}/regions/${enc(code)}/indicators`, signal),
  indicators: (signal?: AbortSignal) => get<IndicatorList>(`${v1}/indicators`, signal),
  indicatorValues: (
    id: string,
    query: { level: number; country?: string; year?: number },
    signal?: AbortSignal,
  ) => get<IndicatorValues>(withQuery(`${v1}/indicators/${enc(id)}/values`, { ...query }), signal),
  /** The sections of NACE Rev. 2.1 (A, B, C …) with their English and Italian names. */
  naceSections: (signal?: AbortSignal) =>
    get<{ items: NaceEntry[] }>(withQuery(`${v1}/nace`, { limit: 50 }), signal),
  // Regions like mine and the compare page (docs/regions.md).
  similarRegions: (code: string, dimensions: readonly string[], signal?: AbortSignal) =>
    get<SimilarRegions>(
      `${v1}/regions/${enc(code)}/similar?dimensions=${dimensions.join(',')}&limit=10`,
      signal,
    ),
  compareRegions: (codes: readonly string[], signal?: AbortSignal) =>
    get<Comparison>(`${v1}/regions/compare?codes=${codes.map(enc).join(',')}`, signal),
  compareCsvUrl: (codes: readonly string[]) =>
    `${v1}/regions/compare?codes=${codes.map(enc).join(',')}&format=csv`,

  events: (when: 'upcoming' | 'past' | 'all', signal?: AbortSignal, pageSize = 50) =>
    get<EventList>(withQuery(`${v1}/events`, { when, pageSize }), signal),
  event: (idOrSlug: string, signal?: AbortSignal) =>
    get<EventDetail>(`${v1}/events/${enc(idOrSlug)}`, signal),
  updateEvent: (id: string, body: UpdateEventInput) =>
    request<EventDetail>('PATCH', `${v1}/events/${enc(id)}`, body),
  // Event banner and the summary after the event (docs/events.md).
  uploadEventBanner: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<import('../features/events/events.schemas.ts').EventBanner>(
      'PUT',
      `${v1}/events/${enc(id)}/banner`,
      form,
    );
  },
  deleteEventBanner: (id: string) => request<void>('DELETE', `${v1}/events/${enc(id)}/banner`),
  eventSummary: (event: string, signal?: AbortSignal) =>
    get<import('../features/events/summary.schemas.ts').EventSummaryPage>(
      `${v1}/events/${enc(event)}/summary`,
      signal,
    ),
  putEventSummary: (event: string, body: { bodyHtml: string; published: boolean }) =>
    request<import('../features/events/summary.schemas.ts').EventSummaryPage>(
      'PUT',
      `${v1}/events/${enc(event)}/summary`,
      body,
    ),
  addEventQuote: (
    event: string,
    body: { personId: string; text: string; context?: string | null; paraphrase?: boolean },
  ) =>
    request<import('../features/events/summary.schemas.ts').EventQuote>(
      'POST',
      `${v1}/events/${enc(event)}/summary/quotes`,
      body,
    ),
  deleteEventQuote: (event: string, id: string) =>
    request<void>('DELETE', `${v1}/events/${enc(event)}/summary/quotes/${enc(id)}`),
  orderEventItems: (event: string, what: 'quotes' | 'photos', ids: string[]) =>
    request<import('../features/events/summary.schemas.ts').EventSummaryPage>(
      'PUT',
      `${v1}/events/${enc(event)}/summary/${what}/order`,
      { ids },
    ),
  addEventLink: (event: string, body: { kind: 'recording' | 'document'; title: string; url: string }) =>
    request<import('../features/events/summary.schemas.ts').EventLink>(
      'POST',
      `${v1}/events/${enc(event)}/summary/links`,
      body,
    ),
  deleteEventLink: (event: string, id: string) =>
    request<void>('DELETE', `${v1}/events/${enc(event)}/summary/links/${enc(id)}`),
  uploadEventPhoto: (
    event: string,
    body: { file: File; caption: string; consentConfirmed: boolean; registrationIds: string[] },
  ) => {
    const form = new FormData();
    form.append('caption', body.caption);
    form.append('consentConfirmed', String(body.consentConfirmed));
    for (const id of body.registrationIds) form.append('registrationIds', id);
    form.append('file', body.file);
    return request<import('../features/events/summary.schemas.ts').EventPhoto>(
      'POST',
      `${v1}/events/${enc(event)}/photos`,
      form,
    );
  },
  updateEventPhoto: (event: string, id: string, body: { caption?: string; registrationIds?: string[] }) =>
    request<import('../features/events/summary.schemas.ts').EventPhoto>(
      'PATCH',
      `${v1}/events/${enc(event)}/photos/${enc(id)}`,
      body,
    ),
  deleteEventPhoto: (event: string, id: string) =>
    request<void>('DELETE', `${v1}/events/${enc(event)}/photos/${enc(id)}`),
  photoParticipants: (event: string, q: string, signal?: AbortSignal) =>
    get<{ items: import('../features/events/summary.schemas.ts').ParticipantHit[] }>(
      withQuery(`${v1}/events/${enc(event)}/photos/participants`, { q }),
      signal,
    ),

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
  setOrganisationUserRole: (id: string, userId: string, role: 'admin' | 'member') =>
    request<{ items: OrganisationUser[] }>('PATCH', `${v1}/organisations/${enc(id)}/users/${enc(userId)}`, {
      role,
    }),
  inviteOrganisationUser: (id: string, body: { email: string; role: 'admin' | 'member' }) =>
    request<InvitationSent>('POST', `${v1}/organisations/${enc(id)}/user-invitations`, body),
  organisationUserInvitations: (id: string, signal?: AbortSignal) =>
    get<{ items: UserInvitation[] }>(`${v1}/organisations/${enc(id)}/user-invitations`, signal),
  revokeOrganisationUserInvitation: (id: string, invitationId: string) =>
    request<void>('DELETE', `${v1}/organisations/${enc(id)}/user-invitations/${enc(invitationId)}`),
  myOrganisationInvitations: (signal?: AbortSignal) =>
    get<{ items: MyInvitation[] }>(`${v1}/me/organisation-invitations`, signal),
  /** Needs the token of the e-mailed link: the invitation's id is not enough. */
  acceptOrganisationInvitation: (token: string) =>
    request<AcceptedInvitation>('POST', `${v1}/organisation-invitations/${enc(token)}/accept`),
  declineOrganisationInvitation: (invitationId: string) =>
    request<void>('POST', `${v1}/me/organisation-invitations/${enc(invitationId)}/decline`),
  organisationInvitationLink: (token: string, signal?: AbortSignal) =>
    get<InvitationLink>(`${v1}/organisation-invitations/${enc(token)}`, signal),
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

  // Event agenda: the published version, versions, the organisers' draft and site-visit sign-ups.
  agenda: (event: string, version?: number, signal?: AbortSignal) =>
    get<PublishedAgenda>(
      version ? `${v1}/events/${enc(event)}/agenda/versions/${version}` : `${v1}/events/${enc(event)}/agenda`,
      signal,
    ),
  agendaVersions: (event: string, signal?: AbortSignal) =>
    get<AgendaVersionList>(`${v1}/events/${enc(event)}/agenda/versions`, signal),
  agendaDraft: (event: string, signal?: AbortSignal) =>
    get<DraftAgenda>(`${v1}/events/${enc(event)}/agenda/draft`, signal),
  publishAgenda: (event: string) =>
    request<PublishedAgenda>('POST', `${v1}/events/${enc(event)}/agenda/publish`),
  agendaPeople: (event: string, q: string, signal?: AbortSignal) =>
    get<{ items: AgendaPersonHit[] }>(withQuery(`${v1}/events/${enc(event)}/agenda/people`, { q }), signal),
  createSession: (event: string, body: CreateSessionInput) =>
    request<SessionSaved>('POST', `${v1}/events/${enc(event)}/sessions`, body),
  updateSession: (event: string, id: string, body: UpdateSessionInput) =>
    request<SessionSaved>('PATCH', `${v1}/events/${enc(event)}/sessions/${enc(id)}`, body),
  deleteSession: (event: string, id: string) =>
    request<void>('DELETE', `${v1}/events/${enc(event)}/sessions/${enc(id)}`),
  signUpForSession: (event: string, id: string) =>
    request<SessionSignup>('POST', `${v1}/events/${enc(event)}/sessions/${enc(id)}/signup`),
  withdrawFromSession: (event: string, id: string) =>
    request<SessionSignup>('DELETE', `${v1}/events/${enc(event)}/sessions/${enc(id)}/signup`),

  // B2B meetings of an event (docs/b2b.md).
  b2b: (event: string, signal?: AbortSignal) => get<B2bOverview>(`${v1}/events/${enc(event)}/b2b`, signal),
  b2bSetProfile: (event: string, body: { offer: string; seek: string }) =>
    request<B2bParticipant>('PUT', `${v1}/events/${enc(event)}/b2b/profile`, body),
  b2bOptOut: (event: string) => request<void>('DELETE', `${v1}/events/${enc(event)}/b2b/profile`),
  b2bParticipants: (
    event: string,
    query: Record<string, string | number | undefined>,
    signal?: AbortSignal,
  ) => get<B2bParticipantList>(withQuery(`${v1}/events/${enc(event)}/b2b/participants`, query), signal),
  b2bRequests: (event: string, signal?: AbortSignal) =>
    get<B2bRequestList>(`${v1}/events/${enc(event)}/b2b/requests`, signal),
  b2bCreateRequest: (
    event: string,
    body: { addresseeId: string; message: string; expiresAt?: string; teamIds: string[] },
  ) => request<B2bRequest>('POST', `${v1}/events/${enc(event)}/b2b/requests`, body),
  b2bAnswer: (
    event: string,
    id: string,
    action: 'accept' | 'decline' | 'withdraw',
    body?: { slot?: string; teamIds?: string[] },
  ) =>
    request<B2bRequest>('POST', `${v1}/events/${enc(event)}/b2b/requests/${enc(id)}/${action}`, body ?? {}),
  /** The caller, invited to a meeting as a colleague, accepts or declines. */
  b2bTeamAnswer: (event: string, id: string, answer: 'accept' | 'decline') =>
    request<B2bRequest>('POST', `${v1}/events/${enc(event)}/b2b/requests/${enc(id)}/team/${answer}`, {}),
  /** The caller leaves a meeting (the requester or addressee leaving cancels it). */
  b2bLeave: (event: string, id: string) =>
    request<void>('POST', `${v1}/events/${enc(event)}/b2b/requests/${enc(id)}/leave`, {}),
  b2bOutcome: (event: string, id: string, body: { outcome: string; note?: string }) =>
    request<unknown>('PUT', `${v1}/events/${enc(event)}/b2b/requests/${enc(id)}/outcome`, body),
  b2bSetBlocked: (event: string, slots: string[]) =>
    request<void>('PUT', `${v1}/events/${enc(event)}/b2b/blocked`, { slots }),
  b2bMeetings: (event: string, signal?: AbortSignal) =>
    get<B2bMeetingList>(`${v1}/events/${enc(event)}/b2b/meetings`, signal),
  b2bMeetingsPdfUrl: (event: string) => `${v1}/events/${enc(event)}/b2b/meetings.pdf`,
  b2bSetMode: (event: string, mode: 'first_come' | 'scheduler') =>
    request<void>('PUT', `${v1}/events/${enc(event)}/b2b/settings`, { mode }),
  b2bDashboard: (event: string, signal?: AbortSignal) =>
    get<B2bDashboard>(`${v1}/events/${enc(event)}/b2b/dashboard`, signal),
  b2bPreview: (event: string, allowMoves: boolean) =>
    request<B2bScheduleRun>('POST', `${v1}/events/${enc(event)}/b2b/schedule/preview`, { allowMoves }),
  b2bPublish: (event: string, runId: string) =>
    request<B2bScheduleRun>('POST', `${v1}/events/${enc(event)}/b2b/schedule/publish`, { runId }),
  b2bTablePlan: (event: string, signal?: AbortSignal) =>
    get<B2bTablePlan>(`${v1}/events/${enc(event)}/b2b/table-plan`, signal),
  b2bTablePlanPdfUrl: (event: string) => `${v1}/events/${enc(event)}/b2b/table-plan.pdf`,

  // Calls for host regions: calls, applications with a letter of support, reviews, selection.
  hostCalls: (status: 'open' | 'closed' | 'draft' | 'all', signal?: AbortSignal) =>
    get<{ items: HostCallSummary[] }>(withQuery(`${v1}/calls`, { status }), signal),
  hostCall: (id: string, signal?: AbortSignal) => get<HostCall>(`${v1}/calls/${enc(id)}`, signal),
  createHostCall: (body: HostCallInput) => request<HostCall>('POST', `${v1}/calls`, body),
  updateHostCall: (id: string, body: Partial<HostCallInput>) =>
    request<HostCall>('PATCH', `${v1}/calls/${enc(id)}`, body),
  myHostApplications: (callId: string, signal?: AbortSignal) =>
    get<{ items: HostApplication[] }>(`${v1}/calls/${enc(callId)}/applications/mine`, signal),
  hostRanking: (callId: string, signal?: AbortSignal) =>
    get<{ items: RankedApplication[] }>(`${v1}/calls/${enc(callId)}/applications`, signal),
  applyToHostCall: (callId: string, body: HostApplicationInput) =>
    request<HostApplication>('POST', `${v1}/calls/${enc(callId)}/applications`, body),
  updateHostApplication: (id: string, body: Partial<Omit<HostApplicationInput, 'organisationId'>>) =>
    request<HostApplication>('PATCH', `${v1}/call-applications/${enc(id)}`, body),
  withdrawHostApplication: (id: string) =>
    request<HostApplication>('POST', `${v1}/call-applications/${enc(id)}/withdraw`),
  uploadHostLetter: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<HostApplication>('PUT', `${v1}/call-applications/${enc(id)}/letter`, form);
  },
  reviewHostApplication: (id: string, body: { scores: Record<string, number>; comment: string }) =>
    request<void>('PUT', `${v1}/call-applications/${enc(id)}/review`, body),
  selectHostApplication: (id: string) =>
    request<{ application: HostApplication; event: { id: string; slug: string; title: string } }>(
      'POST',
      `${v1}/call-applications/${enc(id)}/select`,
    ),

  // Pitches of an event: the call, submissions with decks, the jury and the organisers' decisions.
  pitchCall: (event: string, signal?: AbortSignal) =>
    get<PitchCall>(`${v1}/events/${enc(event)}/pitch-call`, signal),
  putPitchCall: (event: string, body: PitchCallInput) =>
    request<PitchCall>('PUT', `${v1}/events/${enc(event)}/pitch-call`, body),
  acceptedPitches: (event: string, signal?: AbortSignal) =>
    get<{ items: Pitch[] }>(`${v1}/events/${enc(event)}/pitches`, signal),
  myPitches: (event: string, signal?: AbortSignal) =>
    get<{ items: Pitch[] }>(`${v1}/events/${enc(event)}/pitches/mine`, signal),
  juryPitches: (event: string, signal?: AbortSignal) =>
    get<{ items: JuryPitch[]; sessions: PitchSessionRef[] }>(
      `${v1}/events/${enc(event)}/pitches/jury`,
      signal,
    ),
  submitPitch: (event: string, body: PitchInput) =>
    request<Pitch>('POST', `${v1}/events/${enc(event)}/pitches`, body),
  updatePitch: (id: string, body: Partial<PitchInput>) =>
    request<Pitch>('PATCH', `${v1}/pitches/${enc(id)}`, body),
  withdrawPitch: (id: string) => request<Pitch>('POST', `${v1}/pitches/${enc(id)}/withdraw`),
  uploadPitchDeck: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<Pitch>('PUT', `${v1}/pitches/${enc(id)}/deck`, form);
  },
  scorePitch: (id: string, body: { scores: Record<string, number>; comment: string }) =>
    request<void>('PUT', `${v1}/pitches/${enc(id)}/score`, body),
  decidePitch: (id: string, status: 'accepted' | 'rejected' | 'submitted') =>
    request<Pitch>('POST', `${v1}/pitches/${enc(id)}/decision`, { status }),
  placePitch: (id: string, sessionId: string | null, position: number) =>
    request<Pitch>('PUT', `${v1}/pitches/${enc(id)}/placement`, { sessionId, position }),
  // Event registration: your registration, the organisers' list and decisions, check-in, badges; outbox.
  registrationState: (event: string, signal?: AbortSignal) =>
    get<RegistrationState>(`${v1}/events/${enc(event)}/registration`, signal),
  register: (event: string, body: RegisterInput) =>
    request<Registration>('POST', `${v1}/events/${enc(event)}/registrations`, body),
  updateRegistration: (id: string, body: UpdateRegistrationInput) =>
    request<Registration>('PATCH', `${v1}/registrations/${enc(id)}`, body),
  registrationAction: (id: string, action: 'cancel' | 'approve' | 'reject') =>
    request<Registration>('POST', `${v1}/registrations/${enc(id)}/${action}`),
  registrations: (event: string, query: RegistrationQuery, signal?: AbortSignal) =>
    get<RegistrationList>(withQuery(`${v1}/events/${enc(event)}/registrations`, { ...query }), signal),
  registrationSettings: (event: string, body: RegistrationSettingsInput) =>
    request<RegistrationState>('PUT', `${v1}/events/${enc(event)}/registration-settings`, body),
  checkInByCode: (event: string, code: string) =>
    request<CheckInResult>('POST', `${v1}/events/${enc(event)}/check-in`, { code }),
  checkIn: (id: string) => request<CheckInResult>('POST', `${v1}/registrations/${enc(id)}/check-in`),
  undoCheckIn: (id: string) => request<Registration>('DELETE', `${v1}/registrations/${enc(id)}/check-in`),
  badgeUrl: (id: string, lang: string) => `${v1}/registrations/${enc(id)}/badge.pdf?lang=${lang}`,
  badgesUrl: (event: string, lang: string) => `${v1}/events/${enc(event)}/badges.pdf?lang=${lang}`,
  participantsCsvUrl: (event: string) => `${v1}/events/${enc(event)}/registrations/export.csv`,
  outbox: (query: OutboxQuery, signal?: AbortSignal) =>
    get<OutboxList>(withQuery(`${v1}/admin/outbox`, { ...query }), signal),
};
