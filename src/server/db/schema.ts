import type { ColumnType, Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Keep in step with migrations/. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type OrganisationType =
  | 'cluster'
  | 'company'
  | 'startup'
  | 'research_centre'
  | 'university'
  | 'public_authority'
  | 'innovation_hub'
  | 'association'
  | 'other';
export const ORGANISATION_TYPES: readonly OrganisationType[] = [
  'cluster',
  'company',
  'startup',
  'research_centre',
  'university',
  'public_authority',
  'innovation_hub',
  'association',
  'other',
];

export type EventPersonRole = 'speaker' | 'moderator' | 'panellist' | 'pitcher' | 'organiser' | 'contact';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  is_admin: Generated<boolean>;
  locale: Generated<'en' | 'it'>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** When the user accepted the terms and privacy notice at sign-up, and which wording (TERMS_VERSION). */
  terms_accepted_at: Date | null;
  terms_version: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date | string;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface RegionsTable {
  code: string;
  name: string;
  name_latn: string;
  level: number;
  parent_code: string | null;
  country_code: string;
}

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  description: Generated<string>;
  website: string | null;
  email: string | null;
  country_code: string | null;
  region_code: string | null;
  city: string | null;
  founded_year: number | null;
  status: Generated<'draft' | 'submitted' | 'published' | 'rejected'>;
  sample: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  size_band: SizeBand | null;
  offers: Generated<string>;
  seeks: Generated<string>;
  keywords: Generated<string[]>;
  ecosystems: Generated<string[]>;
  s3_areas: Generated<string[]>;
  nace_codes: Generated<string[]>;
  /** Derived by a trigger from nace_codes. */
  nace_sections: Generated<string[]>;
  programmes: Generated<string[]>;
  esca_label: EscaLabel | null;
  esca_year: number | null;
  manager_name: string | null;
  manager_email: string | null;
  external_id: string | null;
  pic: string | null;
  participations: Generated<number>;
  rejection_reason: string | null;
  submitted_at: Date | string | null;
  published_at: Date | string | null;
  created_by: string | null;
  /** tsvector maintained by a trigger; never written by the application. */
  search: ColumnType<string | null, never, never>;
  /** Generated (0003): the name without case and accents, the list's sort key. */
  name_key: ColumnType<string, never, never>;
}

export type SizeBand = 'micro' | 'small' | 'medium' | 'large';
export const SIZE_BANDS: readonly SizeBand[] = ['micro', 'small', 'medium', 'large'];
export type EscaLabel = 'gold' | 'silver' | 'bronze';
export const ESCA_LABELS: readonly EscaLabel[] = ['gold', 'silver', 'bronze'];

export interface NaceCodesTable {
  code: string;
  section: string;
  level: number;
  parent_code: string | null;
  name_en: string;
  name_it: string;
}

export interface OrganisationLogosTable {
  organisation_id: string;
  content_type: 'image/png' | 'image/jpeg' | 'image/webp';
  bytes: Uint8Array;
  width: number;
  height: number;
  updated_at: Timestamp;
}

export interface OrganisationChangesTable {
  id: Generated<number>;
  organisation_id: string;
  user_id: string | null;
  action: string;
  changes: ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string>;
  created_at: CreatedAt;
}

export interface OrganisationClaimsTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  message: Generated<string>;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: Date | string | null;
  reason: string | null;
  created_at: CreatedAt;
}

export interface ClusterInvitationsTable {
  id: Generated<string>;
  cluster_id: string;
  email: string;
  organisation_name: string;
  token_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  accepted_at: Date | string | null;
  member_id: string | null;
}

export interface OrganisationUserInvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: 'admin' | 'member';
  invited_by: string | null;
  token_hash: string;
  status: Generated<'pending' | 'accepted' | 'declined' | 'revoked' | 'expired'>;
  created_at: CreatedAt;
  expires_at: Timestamp;
  responded_at: Date | string | null;
  accepted_by: string | null;
}

export interface ImportJobsTable {
  id: Generated<string>;
  kind: 'organisations' | 'cordis';
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  dry_run: Generated<boolean>;
  file_name: string | null;
  mapping: ColumnType<Record<string, string>, string | Record<string, string> | undefined, string>;
  bytes_total: number | null;
  bytes_done: Generated<number>;
  rows_done: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  problems: ColumnType<unknown[], string | undefined, string>;
  error: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  finished_at: Date | string | null;
  /** 0004_import.sql */
  rows_total: number | null;
  problem_count: Generated<number>;
  runner: Generated<'server' | 'cli'>;
  updated_at: Timestamp;
}

export interface ImportProblemsTable {
  job_id: string;
  seq: number;
  row_number: number;
  field: string;
  code: string;
  message: string;
  value: string | null;
}

export interface OrganisationUsersTable {
  organisation_id: string;
  user_id: string;
  role: 'admin' | 'member';
  created_at: CreatedAt;
}

export interface ClusterMembersTable {
  cluster_id: string;
  member_id: string;
  since_year: number | null;
}

export interface PeopleTable {
  id: Generated<string>;
  slug: string;
  full_name: string;
  honorific: string | null;
  job_title: string | null;
  organisation_id: string | null;
  user_id: string | null;
  bio: Generated<string>;
  sample: Generated<boolean>;
  created_at: CreatedAt;
}

export interface EventsTable {
  id: Generated<string>;
  slug: string;
  title: string;
  summary: Generated<string>;
  description: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  venue_name: string | null;
  venue_address: string | null;
  city: string | null;
  host_region_code: string | null;
  status: Generated<'draft' | 'published' | 'cancelled'>;
  capacity: number | null;
  reported_participants: number | null;
  website: string | null;
  sample: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  themes: Generated<string[]>;
  banner_file_id: string | null;
  registration_opens_at: Date | string | null;
  registration_closes_at: Date | string | null;
  requires_approval: Generated<boolean>;
  input_paper_url: string | null;
  b2b_mode: Generated<'first_come' | 'scheduler'>;
  agenda_version: Generated<number>;
  /** 0008_event_summary.sql */
  banner_card_file_id: string | null;
  banner_width: number | null;
  banner_height: number | null;
  /** 0016_region_s3_papers.sql */
  show_input_paper: Generated<boolean>;
}

export interface EventOrganisersTable {
  event_id: string;
  organisation_id: string;
  position: Generated<number>;
}

export interface EventMembersTable {
  event_id: string;
  user_id: string;
  role: 'organiser' | 'participant' | 'juror';
  created_at: CreatedAt;
}

export interface EventPeopleTable {
  event_id: string;
  person_id: string;
  role: EventPersonRole;
  position: Generated<number>;
}

export interface FilesTable {
  id: Generated<string>;
  content_type: string;
  byte_size: number;
  bytes: Buffer;
  file_name: string | null;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export type SessionType =
  | 'remarks'
  | 'keynote'
  | 'presentation'
  | 'panel'
  | 'pitching'
  | 'networking'
  | 'b2b'
  | 'site_visit'
  | 'break';
export const SESSION_TYPES: readonly SessionType[] = [
  'remarks',
  'keynote',
  'presentation',
  'panel',
  'pitching',
  'networking',
  'b2b',
  'site_visit',
  'break',
];
export type SessionRole = 'speaker' | 'moderator' | 'panellist' | 'pitcher';

export interface EventSessionsTable {
  id: Generated<string>;
  event_id: string;
  type: SessionType;
  title: string;
  description: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  room: string | null;
  capacity: number | null;
  b2b_slot_minutes: number | null;
  b2b_tables: number | null;
  time_is_estimate: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionPeopleTable {
  session_id: string;
  person_id: string;
  role: SessionRole;
  position: Generated<number>;
}

export interface AgendaVersionsTable {
  event_id: string;
  version: number;
  /** AgendaSnapshot (features/events/agenda.types.ts) */
  snapshot: unknown;
  changes: Generated<unknown>;
  published_at: CreatedAt;
  published_by: string | null;
}

export type RegistrationCategory = 'cluster' | 'policymaker' | 'company' | 'startup' | 'research' | 'other';
export const REGISTRATION_CATEGORIES: readonly RegistrationCategory[] = [
  'cluster',
  'policymaker',
  'company',
  'startup',
  'research',
  'other',
];
export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'rejected';

export interface RegistrationsTable {
  id: Generated<string>;
  event_id: string;
  user_id: string;
  person_id: string | null;
  category: RegistrationCategory;
  organisation_id: string | null;
  job_title: string | null;
  country_code: string | null;
  status: RegistrationStatus;
  consent_contact_at: Date | string | null;
  consent_photos_at: Date | string | null;
  badge_code: string;
  calendar_token: string;
  checked_in_at: Date | string | null;
  checked_in_by: string | null;
  status_changed_at: Timestamp;
  sample: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionSignupsTable {
  session_id: string;
  registration_id: string;
  created_at: CreatedAt;
}

export interface PitchCallsTable {
  event_id: string;
  description: Generated<string>;
  /** [{ key, label, weight? }] */
  criteria: Generated<unknown>;
  opens_at: Date | string | null;
  closes_at: Date | string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PitchesTable {
  id: Generated<string>;
  event_id: string;
  kind: 'startup' | 'project';
  title: string;
  summary: Generated<string>;
  organisation_id: string | null;
  deck_file_id: string | null;
  video_url: string | null;
  submitted_by: string | null;
  presenter_person_id: string | null;
  status: Generated<'submitted' | 'accepted' | 'rejected' | 'withdrawn'>;
  session_id: string | null;
  position: Generated<number>;
  sample: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PitchScoresTable {
  pitch_id: string;
  juror_id: string;
  /** { criterionKey: 0..10 } */
  scores: unknown;
  comment: Generated<string>;
  updated_at: Timestamp;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  to_address: string;
  to_user_id: string | null;
  event_id: string | null;
  kind: string;
  subject: string;
  body_text: string;
  status: Generated<'queued' | 'sent' | 'failed' | 'recorded'>;
  attempts: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  sent_at: Date | string | null;
}

/** 0009_b2b.sql: B2B matchmaking. */
export type B2bRequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';
export type B2bOutcome = 'held' | 'no_show' | 'follow_up' | 'cooperation';

export interface B2bProfilesTable {
  registration_id: string;
  event_id: string;
  offer: Generated<string>;
  seek: Generated<string>;
  organisation_id: string | null;
  active: Generated<boolean>;
  sample: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface B2bRequestsTable {
  id: Generated<string>;
  event_id: string;
  requester_id: string;
  addressee_id: string;
  message: Generated<string>;
  status: Generated<B2bRequestStatus>;
  expires_at: Date | string | null;
  responded_at: Date | string | null;
  priority: Generated<number>;
  sample: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface B2bRequestMembersTable {
  request_id: string;
  registration_id: string;
  side: 'requester' | 'addressee';
  /** A colleague is invited; only an accepted member is booked into the meeting (0014). */
  status: Generated<B2bTeamStatus>;
  responded_at: Date | string | null;
}

export type B2bTeamStatus = 'pending' | 'accepted' | 'declined';

export interface B2bMeetingsTable {
  id: Generated<string>;
  event_id: string;
  request_id: string;
  session_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  table_no: number;
  source: 'first_come' | 'scheduler';
  sample: Generated<boolean>;
  created_at: CreatedAt;
}

export interface B2bMeetingParticipantsTable {
  meeting_id: string;
  registration_id: string;
  /** Copied from the meeting by a trigger (0011); the exclusion constraint compares these ranges. */
  starts_at: Generated<Date | string>;
  ends_at: Generated<Date | string>;
}

export interface B2bBlockedSlotsTable {
  registration_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
}

export interface B2bOutcomesTable {
  request_id: string;
  registration_id: string;
  outcome: B2bOutcome;
  note: Generated<string>;
  sample: Generated<boolean>;
  updated_at: Timestamp;
}

export interface B2bScheduleRunsTable {
  id: Generated<string>;
  event_id: string;
  allow_moves: boolean;
  fingerprint: string;
  /** ScheduleRunResult (features/matchmaking/b2b.schemas.ts), as JSON. */
  result: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  published_at: Date | string | null;
}

/** 0007_host_calls.sql: the call for host regions. */
export interface HostCallsTable {
  id: Generated<string>;
  title: string;
  body: Generated<string>;
  /** [{ key, label, weight }] */
  criteria: ColumnType<unknown, string | undefined, string>;
  deadline: Timestamp;
  status: Generated<'draft' | 'open' | 'closed'>;
  sample: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HostApplicationsTable {
  id: Generated<string>;
  call_id: string;
  organisation_id: string;
  applicant_id: string | null;
  region_code: string;
  /** 'YYYY-MM-DD' (the pg driver's date parser is left alone: see calls.repo.ts) */
  starts_on: ColumnType<Date | string, string, string>;
  ends_on: ColumnType<Date | string, string, string>;
  theme: string;
  venue: Generated<string>;
  motivation: Generated<string>;
  letter_file_id: string | null;
  status: Generated<'submitted' | 'withdrawn' | 'selected'>;
  event_id: string | null;
  sample: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HostApplicationReviewsTable {
  application_id: string;
  reviewer_id: string;
  /** { criterionKey: 0..10 } */
  scores: ColumnType<unknown, string, string>;
  comment: Generated<string>;
  updated_at: Timestamp;
}

/** 0008_event_summary.sql: the summary after the event. */
export interface EventSummariesTable {
  event_id: string;
  body_html: Generated<string>;
  published: Generated<boolean>;
  published_at: Date | string | null;
  updated_by: string | null;
  sample: Generated<boolean>;
  updated_at: Timestamp;
}

export interface EventQuotesTable {
  id: Generated<string>;
  event_id: string;
  person_id: string;
  text: string;
  context: string | null;
  paraphrase: Generated<boolean>;
  position: Generated<number>;
  sample: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EventPhotosTable {
  id: Generated<string>;
  event_id: string;
  file_id: string;
  thumb_file_id: string;
  width: number;
  height: number;
  caption: Generated<string>;
  position: Generated<number>;
  consent_confirmed_by: string | null;
  consent_confirmed_at: Date | string;
  uploaded_by: string | null;
  sample: Generated<boolean>;
  created_at: CreatedAt;
}

export interface EventPhotoPeopleTable {
  photo_id: string;
  registration_id: string;
}

export interface EventLinksTable {
  id: Generated<string>;
  event_id: string;
  kind: 'recording' | 'document';
  title: string;
  url: string;
  position: Generated<number>;
  sample: Generated<boolean>;
  created_at: CreatedAt;
}

export interface IndicatorSourcesTable {
  id: string;
  name: string;
  publisher: Generated<string>;
  licence: Generated<string>;
  url: string | null;
  attribution: string;
  note: string | null;
  builtin: Generated<boolean>;
}

export interface IndicatorsTable {
  id: string;
  label: string;
  unit: string;
  kind: Generated<'number' | 'category'>;
  dimension: 'economy' | 'innovation' | 'structure' | null;
  decimals: Generated<number>;
  higher_is_better: boolean | null;
  builtin: Generated<boolean>;
}

export interface RegionIndicatorValuesTable {
  indicator_id: string;
  area_code: string;
  year: number;
  value: number | null;
  value_text: string | null;
  source_id: string;
  updated_at: Generated<Date>;
}

/** 0016_region_s3_papers.sql */
export interface RegionEditorsTable {
  region_code: string;
  user_id: string;
  granted_by: string | null;
  granted_at: CreatedAt;
}

export interface RegionS3PrioritiesTable {
  id: Generated<string>;
  region_code: string;
  title: string;
  description: Generated<string>;
  ecosystems: Generated<string[]>;
  nace_codes: Generated<string[]>;
  source_url: string | null;
  position: Generated<number>;
  sample: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type PaperSectionKey = 'megatrends' | 'challenges' | 'introduction' | 'outlook';

export interface RegionPaperSectionsTable {
  region_code: string;
  section: PaperSectionKey;
  language: 'en' | 'it';
  version: number;
  body: string;
  sample: Generated<boolean>;
  restored_from: number | null;
  author: string | null;
  created_at: CreatedAt;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  regions: RegionsTable;
  organisations: OrganisationsTable;
  organisation_users: OrganisationUsersTable;
  cluster_members: ClusterMembersTable;
  people: PeopleTable;
  events: EventsTable;
  event_organisers: EventOrganisersTable;
  event_members: EventMembersTable;
  event_people: EventPeopleTable;
  nace_codes: NaceCodesTable;
  organisation_logos: OrganisationLogosTable;
  organisation_changes: OrganisationChangesTable;
  organisation_claims: OrganisationClaimsTable;
  cluster_invitations: ClusterInvitationsTable;
  organisation_user_invitations: OrganisationUserInvitationsTable;
  import_jobs: ImportJobsTable;
  import_problems: ImportProblemsTable;
  files: FilesTable;
  event_sessions: EventSessionsTable;
  session_people: SessionPeopleTable;
  agenda_versions: AgendaVersionsTable;
  registrations: RegistrationsTable;
  session_signups: SessionSignupsTable;
  pitch_calls: PitchCallsTable;
  pitches: PitchesTable;
  pitch_scores: PitchScoresTable;
  email_outbox: EmailOutboxTable;
  event_summaries: EventSummariesTable;
  event_quotes: EventQuotesTable;
  event_photos: EventPhotosTable;
  event_photo_people: EventPhotoPeopleTable;
  event_links: EventLinksTable;
  b2b_profiles: B2bProfilesTable;
  b2b_requests: B2bRequestsTable;
  b2b_request_members: B2bRequestMembersTable;
  b2b_meetings: B2bMeetingsTable;
  b2b_meeting_participants: B2bMeetingParticipantsTable;
  b2b_blocked_slots: B2bBlockedSlotsTable;
  b2b_outcomes: B2bOutcomesTable;
  b2b_schedule_runs: B2bScheduleRunsTable;
  host_calls: HostCallsTable;
  host_applications: HostApplicationsTable;
  host_application_reviews: HostApplicationReviewsTable;
  indicator_sources: IndicatorSourcesTable;
  indicators: IndicatorsTable;
  region_indicator_values: RegionIndicatorValuesTable;
  region_editors: RegionEditorsTable;
  region_s3_priorities: RegionS3PrioritiesTable;
  region_paper_sections: RegionPaperSectionsTable;
}
