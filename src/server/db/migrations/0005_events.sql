-- Events run end to end: richer events, stored files, the agenda (a working draft plus published
-- versions), registrations with capacity and a waiting list, site-visit sign-ups, pitches and an e-mail
-- outbox. Feature migrations that follow (host calls, summaries, B2B) build on these tables.

-- Uploaded files (banners, letters of support, pitch decks, photos) live in the database, so a backup
-- of the database is a backup of everything and PGlite and PostgreSQL behave alike.
create table files (
  id uuid primary key default gen_random_uuid(),
  content_type text not null,
  byte_size integer not null check (byte_size >= 0),
  bytes bytea not null,
  file_name text check (length(file_name) <= 255),
  uploaded_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now()
);

alter table events
  add column themes text[] not null default '{}',
  add column banner_file_id uuid references files(id) on delete set null,
  add column registration_opens_at timestamptz,
  add column registration_closes_at timestamptz,
  -- Registrations wait for an organiser's approval before they take a seat.
  add column requires_approval boolean not null default false,
  add column input_paper_url text,
  -- B2B meetings: participants pick a slot when they accept ('first_come'), or the organiser runs the
  -- scheduler over all accepted requests ('scheduler').
  add column b2b_mode text not null default 'scheduler' check (b2b_mode in ('first_come', 'scheduler')),
  -- The number of the agenda version participants see (0: nothing published yet).
  add column agenda_version integer not null default 0 check (agenda_version >= 0),
  add check (registration_closes_at is null or registration_opens_at is null
             or registration_closes_at >= registration_opens_at);

-- The agenda organisers edit. Participants see the last published version (agenda_versions).
create table event_sessions (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  type text not null check (type in ('remarks', 'keynote', 'presentation', 'panel', 'pitching', 'networking',
    'b2b', 'site_visit', 'break')),
  title text not null check (length(title) between 1 and 300),
  description text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  room text check (length(room) <= 200),
  -- Site visits (and any session that needs a sign-up): seats; null means no sign-up.
  capacity integer check (capacity > 0),
  -- B2B sessions: the length of one meeting slot and the number of tables.
  b2b_slot_minutes smallint check (b2b_slot_minutes between 5 and 240),
  b2b_tables integer check (b2b_tables between 1 and 10000),
  -- Demo data whose time is plausible rather than reported.
  time_is_estimate boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (type <> 'b2b' or (b2b_slot_minutes is not null and b2b_tables is not null))
);
create index event_sessions_event_idx on event_sessions (event_id, starts_at);

create table session_people (
  session_id uuid not null references event_sessions(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  role text not null check (role in ('speaker', 'moderator', 'panellist', 'pitcher')),
  position smallint not null default 0,
  primary key (session_id, person_id, role)
);
create index session_people_person_idx on session_people (person_id);

-- Each publication freezes the agenda as JSON (shape: AgendaSnapshot in features/events/agenda.types.ts)
-- with the list of changes against the previous version.
create table agenda_versions (
  event_id uuid not null references events(id) on delete cascade,
  version integer not null check (version > 0),
  snapshot jsonb not null,
  changes jsonb not null default '[]',
  published_at timestamptz not null default now(),
  published_by uuid references users(id) on delete set null,
  primary key (event_id, version)
);

-- One registration per user and event; a cancelled one is reused when the user registers again.
-- Seats: the service locks the event row, counts 'confirmed' and inserts 'confirmed' or 'waitlisted'
-- in the same transaction, so concurrent registrations never over-book.
create table registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  -- The directory person this participant is (created from the account when there is none).
  person_id uuid references people(id) on delete set null,
  category text not null check (category in ('cluster', 'policymaker', 'company', 'startup', 'research', 'other')),
  organisation_id uuid references organisations(id) on delete set null,
  job_title text check (length(job_title) <= 200),
  country_code text check (country_code ~ '^[A-Z]{2}$'),
  status text not null check (status in ('pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected')),
  -- When each consent was given; null: not given.
  consent_contact_at timestamptz,
  consent_photos_at timestamptz,
  -- Secret tokens: the badge's QR code (check-in) and the personal calendar feed URL.
  badge_code text not null unique,
  calendar_token text not null unique,
  checked_in_at timestamptz,
  checked_in_by uuid references users(id) on delete set null,
  -- Order of the waiting list: when the registration entered its current status.
  status_changed_at timestamptz not null default now(),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, user_id)
);
create index registrations_event_status_idx on registrations (event_id, status, status_changed_at);
create index registrations_user_idx on registrations (user_id);
create index registrations_person_idx on registrations (person_id);

-- Sign-ups for sessions with a capacity (site visits); the service locks the session row to count.
create table session_signups (
  session_id uuid not null references event_sessions(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (session_id, registration_id)
);
create index session_signups_registration_idx on session_signups (registration_id);

-- Pitch calls: one per event (start-ups and projects), with criteria the jury scores against.
create table pitch_calls (
  event_id uuid primary key references events(id) on delete cascade,
  description text not null default '',
  criteria jsonb not null default '[]',
  opens_at timestamptz,
  closes_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table pitches (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references pitch_calls(event_id) on delete cascade,
  kind text not null check (kind in ('startup', 'project')),
  title text not null check (length(title) between 1 and 300),
  summary text not null default '',
  organisation_id uuid references organisations(id) on delete set null,
  deck_file_id uuid references files(id) on delete set null,
  video_url text,
  submitted_by uuid references users(id) on delete set null,
  -- The person who pitches on stage, when known.
  presenter_person_id uuid references people(id) on delete set null,
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'rejected', 'withdrawn')),
  -- An accepted pitch is placed in a pitching session of the agenda, in this order.
  session_id uuid references event_sessions(id) on delete set null,
  position smallint not null default 0,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pitches_event_idx on pitches (event_id, status);
create index pitches_session_idx on pitches (session_id);

create table pitch_scores (
  pitch_id uuid not null references pitches(id) on delete cascade,
  juror_id uuid not null references users(id) on delete cascade,
  -- { criterionKey: score 0..10 }
  scores jsonb not null,
  comment text not null default '',
  updated_at timestamptz not null default now(),
  primary key (pitch_id, juror_id)
);

-- Every e-mail the platform would send, sent through SMTP when it is configured; administrators read
-- the outbox either way.
create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  to_user_id uuid references users(id) on delete set null,
  event_id uuid references events(id) on delete set null,
  kind text not null,
  subject text not null,
  body_text text not null,
  -- 'recorded': no SMTP configured, kept for the outbox page only.
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'recorded')),
  attempts integer not null default 0,
  last_error text,
  -- A key that makes an e-mail go out once (e.g. the reminder of one registration).
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_created_idx on email_outbox (created_at desc);
create index email_outbox_queued_idx on email_outbox (created_at) where status = 'queued';

-- Pitch jurors score pitches without editing the event.
alter table event_members drop constraint event_members_role_check;
alter table event_members add constraint event_members_role_check
  check (role in ('organiser', 'participant', 'juror'));
