-- B2B matchmaking (issue 6): participants opt in with an event profile, request meetings, accept or
-- decline; meetings get a slot of a B2B session and a table, either when accepted (first come) or from a
-- published scheduler run. Slots are not stored: they are the B2B sessions of the agenda cut into
-- b2b_slot_minutes pieces, named by (session_id, starts_at).

-- Opting in: one profile per registration. `active = false` keeps the history of someone who opted out.
create table b2b_profiles (
  registration_id uuid primary key references registrations(id) on delete cascade,
  event_id uuid not null references events(id) on delete cascade,
  offer text not null default '' check (length(offer) <= 2000),
  seek text not null default '' check (length(seek) <= 2000),
  -- The directory organisation shown with the participant (default: the registration's).
  organisation_id uuid references organisations(id) on delete set null,
  active boolean not null default true,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index b2b_profiles_event_idx on b2b_profiles (event_id) where active;

-- A request from one participant to another. 'expired' is not stored: a pending request whose
-- expires_at has passed reads as expired and can no longer be accepted.
create table b2b_requests (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  requester_id uuid not null references registrations(id) on delete cascade,
  addressee_id uuid not null references registrations(id) on delete cascade,
  message text not null default '' check (length(message) <= 1000),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  expires_at timestamptz,
  responded_at timestamptz,
  -- The scheduler maximises the sum of the priorities of scheduled meetings.
  priority real not null default 1 check (priority > 0),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (requester_id <> addressee_id)
);
create index b2b_requests_event_idx on b2b_requests (event_id, status);
create index b2b_requests_requester_idx on b2b_requests (requester_id);
create index b2b_requests_addressee_idx on b2b_requests (addressee_id);
-- At most one open request between two participants in each direction.
create unique index b2b_requests_open_pair_idx on b2b_requests (requester_id, addressee_id)
  where status in ('pending', 'accepted');

-- Colleagues of the same organisation who join a meeting (teams). The requester and the addressee are
-- on the request row itself.
create table b2b_request_members (
  request_id uuid not null references b2b_requests(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  side text not null check (side in ('requester', 'addressee')),
  primary key (request_id, registration_id)
);
create index b2b_request_members_registration_idx on b2b_request_members (registration_id);

-- A scheduled meeting: one per accepted request, in one slot of a B2B session, at one table.
-- Two meetings never share a table in a slot (unique below); the service numbers tables 1..b2b_tables,
-- so a slot never holds more meetings than tables.
create table b2b_meetings (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  request_id uuid not null unique references b2b_requests(id) on delete cascade,
  session_id uuid not null references event_sessions(id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  table_no integer not null check (table_no >= 1),
  source text not null check (source in ('first_come', 'scheduler')),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  unique (session_id, starts_at, table_no),
  check (ends_at > starts_at)
);
create index b2b_meetings_event_idx on b2b_meetings (event_id, starts_at);

-- Everyone in a meeting, with the slot's start copied in: the unique key is what makes double-booking
-- impossible, whatever the order of concurrent accepts.
create table b2b_meeting_participants (
  meeting_id uuid not null references b2b_meetings(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  starts_at timestamptz not null,
  primary key (meeting_id, registration_id),
  unique (registration_id, starts_at)
);

-- Slots a participant has blocked by hand (agenda items block theirs automatically).
create table b2b_blocked_slots (
  registration_id uuid not null references registrations(id) on delete cascade,
  starts_at timestamptz not null,
  primary key (registration_id, starts_at)
);

-- What each side says happened.
create table b2b_outcomes (
  request_id uuid not null references b2b_requests(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  outcome text not null check (outcome in ('held', 'no_show', 'follow_up', 'cooperation')),
  note text not null default '' check (length(note) <= 1000),
  sample boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (request_id, registration_id)
);

-- Scheduler runs: a preview the organiser looks at, then publishes. `fingerprint` identifies the input
-- (accepted requests, availability, slots), so a preview made stale by later changes is recognised.
create table b2b_schedule_runs (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  allow_moves boolean not null,
  fingerprint text not null,
  -- { assignments: [{ requestId, sessionId, startsAt, endsAt, table }], unscheduled: [{ requestId, code, reason }], stats }
  result jsonb not null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index b2b_schedule_runs_event_idx on b2b_schedule_runs (event_id, created_at desc);
