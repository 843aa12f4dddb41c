-- Directory import: the website match key, every problem of a job, and what the progress bar needs.

-- The upsert key of a website: no scheme, host in lower case (ASCII, so the result does not depend on the
-- database's locale), no trailing slash. import/keys.ts computes the same in TypeScript.
create or replace function nexum_website_key(url text) returns text
  language sql immutable parallel safe strict
  as $$
    select nullif(
      translate(
        split_part(regexp_replace(btrim(url), '^[A-Za-z][A-Za-z0-9+.-]*://', ''), '/', 1),
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
      || rtrim(substr(regexp_replace(btrim(url), '^[A-Za-z][A-Za-z0-9+.-]*://', ''),
                      strpos(regexp_replace(btrim(url), '^[A-Za-z][A-Za-z0-9+.-]*://', '') || '/', '/')), '/'),
      '')
  $$;
-- Not partial: the planner uses an expression index's statistics only when the index is not partial.
create index organisations_website_key_idx on organisations (nexum_website_key(website));

-- The last-resort key of a row that has no external id, PIC or website: its name, accents and case aside.
create index organisations_name_match_idx on organisations (nexum_unaccent(lower(name)));

alter table import_jobs
  add column rows_total integer,
  add column problem_count integer not null default 0,
  -- 'server' jobs die with the server process; 'cli' jobs belong to a command-line run.
  add column runner text not null default 'server' check (runner in ('server', 'cli')),
  add column updated_at timestamptz not null default now();
create index import_jobs_created_idx on import_jobs (created_at desc);

-- All problems of a job (import_jobs.problems keeps the first 1000 for the progress page).
create table import_problems (
  job_id uuid not null references import_jobs(id) on delete cascade,
  seq integer not null,
  row_number integer not null,
  field text not null,
  code text not null,
  message text not null,
  value text,
  primary key (job_id, seq)
);
