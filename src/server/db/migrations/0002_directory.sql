-- Directory: rich profiles, NACE classification, full-text search, life cycle, claims, change log.
-- unaccent() is only STABLE; this wrapper pins the dictionary so it can feed indexes and triggers.
create or replace function nexum_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table nace_codes (
  code text primary key,                 -- 'C', '10', '10.1', '10.11'
  section char(1) not null,
  level smallint not null check (level between 1 and 4),
  parent_code text references nace_codes(code),
  name_en text not null,
  name_it text not null
);
create index nace_codes_section_idx on nace_codes (section, level);

alter table organisations
  add column size_band text check (size_band in ('micro', 'small', 'medium', 'large')),
  add column offers text not null default '',
  add column seeks text not null default '',
  add column keywords text[] not null default '{}',
  add column ecosystems text[] not null default '{}',
  add column s3_areas text[] not null default '{}',
  add column nace_codes text[] not null default '{}',
  add column nace_sections text[] not null default '{}',
  add column programmes text[] not null default '{}',
  add column esca_label text check (esca_label in ('gold', 'silver', 'bronze')),
  add column esca_year smallint check (esca_year between 2009 and 2100),
  add column manager_name text,
  add column manager_email text,
  add column external_id text,
  add column pic text check (pic ~ '^[0-9]{9}$'),
  add column participations integer not null default 0 check (participations >= 0),
  add column rejection_reason text,
  add column submitted_at timestamptz,
  add column published_at timestamptz,
  add column created_by uuid references users(id) on delete set null,
  add column search tsvector;

create unique index organisations_external_id_key on organisations (external_id) where external_id is not null;
create unique index organisations_pic_key on organisations (pic) where pic is not null;
create index organisations_website_idx on organisations (lower(website)) where website is not null;
create index organisations_search_idx on organisations using gin (search);
create index organisations_ecosystems_idx on organisations using gin (ecosystems);
create index organisations_nace_sections_idx on organisations using gin (nace_sections);
create index organisations_s3_idx on organisations using gin (s3_areas);
create index organisations_country_idx on organisations (country_code);
create index organisations_status_idx on organisations (status);
drop index organisations_name_trgm;
create index organisations_name_trgm on organisations using gin (nexum_unaccent(lower(name)) gin_trgm_ops);

-- The search document (accent-free, language-neutral 'simple' configuration so that Italian, German
-- and English profiles are all found) and the NACE sections are kept by the database itself.
create or replace function organisations_derive() returns trigger language plpgsql as $$
begin
  new.nace_sections := coalesce(
    (select array_agg(distinct n.section order by n.section) from nace_codes n where n.code = any(new.nace_codes)),
    '{}');
  new.search :=
    setweight(to_tsvector('simple', nexum_unaccent(coalesce(new.name, '') || ' ' || coalesce(new.acronym, ''))), 'A') ||
    setweight(to_tsvector('simple', nexum_unaccent(array_to_string(new.keywords, ' '))), 'B') ||
    setweight(to_tsvector('simple', nexum_unaccent(coalesce(new.offers, '') || ' ' || coalesce(new.seeks, ''))), 'C') ||
    setweight(to_tsvector('simple', nexum_unaccent(coalesce(new.description, '') || ' ' || coalesce(new.city, ''))), 'D');
  return new;
end $$;
create trigger organisations_derive_trg before insert or update of name, acronym, keywords, offers, seeks,
  description, city, nace_codes on organisations for each row execute function organisations_derive();
update organisations set name = name;

create table organisation_logos (
  organisation_id uuid primary key references organisations(id) on delete cascade,
  content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
  bytes bytea not null,
  width integer not null,
  height integer not null,
  updated_at timestamptz not null default now()
);

-- Who changed what, when: visible to the organisation's admins and platform administrators.
create table organisation_changes (
  id bigint generated always as identity primary key,
  organisation_id uuid not null references organisations(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  action text not null,
  changes jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index organisation_changes_org_idx on organisation_changes (organisation_id, created_at desc);

create table organisation_claims (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  message text not null default '',
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by uuid references users(id) on delete set null,
  decided_at timestamptz,
  reason text,
  created_at timestamptz not null default now()
);
create unique index organisation_claims_pending_key on organisation_claims (organisation_id, user_id) where status = 'pending';

-- A cluster invites an organisation not yet on Nexum; accepting creates its draft profile and the link.
create table cluster_invitations (
  id uuid primary key default gen_random_uuid(),
  cluster_id uuid not null references organisations(id) on delete cascade,
  email text not null,
  organisation_name text not null,
  token_hash text not null unique,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  member_id uuid references organisations(id) on delete set null
);
create index cluster_invitations_cluster_idx on cluster_invitations (cluster_id);

-- Imports run in the server process; the row is the progress bar and the report.
create table import_jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('organisations', 'cordis')),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  dry_run boolean not null default false,
  file_name text,
  mapping jsonb not null default '{}',
  bytes_total bigint,
  bytes_done bigint not null default 0,
  rows_done integer not null default 0,
  created integer not null default 0,
  updated integer not null default 0,
  skipped integer not null default 0,
  failed integer not null default 0,
  problems jsonb not null default '[]',
  error text,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
