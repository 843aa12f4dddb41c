-- Regions' own voice: editors a platform administrator names for a region, the region's Smart
-- Specialisation (S3) priorities, and the narrative sections of its Input Paper kept in versions.
-- Figures never live here: the paper takes them from region_indicator_values and the directory.

create table region_editors (
  region_code text not null references regions(code) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  granted_by uuid references users(id) on delete set null,
  granted_at timestamptz not null default now(),
  primary key (region_code, user_id)
);
create index region_editors_user_idx on region_editors (user_id);

-- ecosystems: codes of src/shared/ecosystems.ts; nace_codes: codes of nace_codes (checked by the service,
-- as arrays cannot carry foreign keys). description is plain text, paragraphs split by blank lines.
create table region_s3_priorities (
  id uuid primary key default gen_random_uuid(),
  region_code text not null references regions(code) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  ecosystems text[] not null default '{}' check (cardinality(ecosystems) <= 14),
  nace_codes text[] not null default '{}' check (cardinality(nace_codes) <= 30),
  source_url text check (source_url is null or (source_url ~ '^https?://' and length(source_url) <= 2000)),
  position integer not null default 0,
  sample boolean not null default false,
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now()
);
create index region_s3_priorities_region_idx on region_s3_priorities (region_code, position);

-- Every save is a new row with the next version number of its (region, section, language); the highest
-- is the published text, older ones stay to be read and restored. body is plain text, never HTML.
create table region_paper_sections (
  region_code text not null references regions(code) on delete cascade,
  section text not null check (section in ('megatrends', 'challenges', 'introduction', 'outlook')),
  language text not null check (language in ('en', 'it')),
  version integer not null check (version >= 1),
  body text not null check (length(body) <= 30000),
  -- Demo text of the seed, shown as such.
  sample boolean not null default false,
  -- The version this one restored, when it is a restore.
  restored_from integer,
  author uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (region_code, section, language, version)
);

-- Organisers may hide the link to the host region's generated Input Paper on the event page.
alter table events add column show_input_paper boolean not null default true;
