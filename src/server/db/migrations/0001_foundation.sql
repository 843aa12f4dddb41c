-- Foundation: accounts, regions, organisations, people, events.
-- Valid on PostgreSQL 15 (Debian) and PGlite (PostgreSQL 18).
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  password_hash text not null,
  is_admin boolean not null default false,
  locale text not null default 'en' check (locale in ('en', 'it')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  token_prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table regions (
  code text primary key check (code ~ '^[A-Z]{2}[0-9A-Z]{0,3}$'),
  name text not null,
  name_latn text not null,
  level smallint not null check (level between 0 and 3),
  parent_code text references regions(code),
  country_code text not null check (country_code ~ '^[A-Z]{2}$')
);
create index regions_parent_idx on regions (parent_code);
create index regions_level_idx on regions (level, country_code);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 300),
  acronym text,
  type text not null check (type in ('cluster', 'company', 'startup', 'research_centre', 'university',
    'public_authority', 'innovation_hub', 'association', 'other')),
  description text not null default '',
  website text,
  email text,
  country_code text check (country_code ~ '^[A-Z]{2}$'),
  region_code text references regions(code),
  city text,
  founded_year smallint check (founded_year between 1000 and 2100),
  status text not null default 'published' check (status in ('draft', 'submitted', 'published', 'rejected')),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organisations_region_idx on organisations (region_code);
create index organisations_type_idx on organisations (type);
create index organisations_name_trgm on organisations using gin (lower(name) gin_trgm_ops);

create table organisation_users (
  organisation_id uuid not null references organisations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('admin', 'member')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index organisation_users_user_idx on organisation_users (user_id);

-- Cluster → member links (the directory issue extends them).
create table cluster_members (
  cluster_id uuid not null references organisations(id) on delete cascade,
  member_id uuid not null references organisations(id) on delete cascade,
  since_year smallint,
  primary key (cluster_id, member_id),
  check (cluster_id <> member_id)
);
create index cluster_members_member_idx on cluster_members (member_id);

create table people (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  full_name text not null,
  honorific text,
  job_title text,
  organisation_id uuid references organisations(id) on delete set null,
  user_id uuid references users(id) on delete set null,
  bio text not null default '',
  sample boolean not null default false,
  created_at timestamptz not null default now()
);
create index people_organisation_idx on people (organisation_id);

create table events (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null check (length(title) between 1 and 300),
  summary text not null default '',
  description text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null,
  venue_name text,
  venue_address text,
  city text,
  host_region_code text references regions(code),
  status text not null default 'draft' check (status in ('draft', 'published', 'cancelled')),
  capacity integer check (capacity > 0),
  reported_participants integer check (reported_participants >= 0),
  website text,
  sample boolean not null default false,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at >= starts_at)
);
create index events_starts_idx on events (starts_at);

create table event_organisers (
  event_id uuid not null references events(id) on delete cascade,
  organisation_id uuid not null references organisations(id) on delete cascade,
  position smallint not null default 0,
  primary key (event_id, organisation_id)
);

-- People's roles at an event: who organises it (may edit) and who takes part.
create table event_members (
  event_id uuid not null references events(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('organiser', 'participant')),
  created_at timestamptz not null default now(),
  primary key (event_id, user_id)
);
create index event_members_user_idx on event_members (user_id);

create table event_people (
  event_id uuid not null references events(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  role text not null check (role in ('speaker', 'moderator', 'panellist', 'pitcher', 'organiser', 'contact')),
  position smallint not null default 0,
  primary key (event_id, person_id, role)
);
