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
}

export interface EventOrganisersTable {
  event_id: string;
  organisation_id: string;
  position: Generated<number>;
}

export interface EventMembersTable {
  event_id: string;
  user_id: string;
  role: 'organiser' | 'participant';
  created_at: CreatedAt;
}

export interface EventPeopleTable {
  event_id: string;
  person_id: string;
  role: EventPersonRole;
  position: Generated<number>;
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
}
