-- The call for host regions: administrators open a call with weighted criteria; public authorities,
-- clusters, innovation hubs and associations apply on behalf of their organisation with a letter of
-- support; administrators score the applications and select the ones that host the next editions
-- (a selection creates a draft event from the "Clusters meet Regions" template).

create table host_calls (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 1 and 300),
  body text not null default '',
  -- [{ key, label, weight }]: what reviewers score, each 0..10; the ranking weighs them.
  criteria jsonb not null default '[]',
  deadline timestamptz not null,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  sample boolean not null default false,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index host_calls_status_idx on host_calls (status, deadline);

create table host_applications (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references host_calls(id) on delete cascade,
  organisation_id uuid not null references organisations(id) on delete cascade,
  -- The user who applied on the organisation's behalf.
  applicant_id uuid references users(id) on delete set null,
  region_code text not null references regions(code),
  -- Proposed dates, as calendar days in the host region.
  starts_on date not null,
  ends_on date not null,
  theme text not null check (length(theme) between 1 and 300),
  venue text not null default '',
  motivation text not null default '',
  letter_file_id uuid references files(id) on delete set null,
  status text not null default 'submitted' check (status in ('submitted', 'withdrawn', 'selected')),
  -- The draft event a selection created.
  event_id uuid references events(id) on delete set null,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
-- One live application per organisation and call; a withdrawn one does not block a new one.
create unique index host_applications_live_key on host_applications (call_id, organisation_id)
  where status <> 'withdrawn';
create index host_applications_organisation_idx on host_applications (organisation_id);

create table host_application_reviews (
  application_id uuid not null references host_applications(id) on delete cascade,
  reviewer_id uuid not null references users(id) on delete cascade,
  -- { criterionKey: score 0..10 }
  scores jsonb not null,
  comment text not null default '',
  updated_at timestamptz not null default now(),
  primary key (application_id, reviewer_id)
);
