-- After the event: the banner's share-card variant, the summary article, quotes, the photo gallery with
-- the participants each photo shows (photo consent), and recordings and document links.

-- The banner (events.banner_file_id, 1600 px wide for the page) gets a 1200×630 JPEG for share cards.
alter table events
  add column banner_card_file_id uuid references files(id) on delete set null,
  add column banner_width integer check (banner_width > 0),
  add column banner_height integer check (banner_height > 0);

-- One article per event; body_html is stored already sanitised (summary.sanitize.ts), never raw.
create table event_summaries (
  event_id uuid primary key references events(id) on delete cascade,
  body_html text not null default '' check (length(body_html) <= 200000),
  published boolean not null default false,
  published_at timestamptz,
  updated_by uuid references users(id) on delete set null,
  sample boolean not null default false,
  updated_at timestamptz not null default now()
);

-- Quotes are attributed to a directory person; without the person the words have no author, so the
-- quote goes with them.
create table event_quotes (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  text text not null check (length(text) between 1 and 2000),
  context text check (length(context) <= 300),
  -- The words are the organisers' rendering, not a verbatim quotation; shown as "paraphrased".
  paraphrase boolean not null default false,
  position integer not null default 0,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index event_quotes_event_idx on event_quotes (event_id, position);

-- Photos: the scaled image and its ~400 px thumbnail are files; the uploader confirms that the people
-- shown consented, and tags the registered participants shown so that a missing photo consent hides it.
create table event_photos (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  file_id uuid not null references files(id),
  thumb_file_id uuid not null references files(id),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  caption text not null default '' check (length(caption) <= 500),
  position integer not null default 0,
  consent_confirmed_by uuid references users(id) on delete set null,
  consent_confirmed_at timestamptz not null,
  uploaded_by uuid references users(id) on delete set null,
  sample boolean not null default false,
  created_at timestamptz not null default now()
);
create index event_photos_event_idx on event_photos (event_id, position);

create table event_photo_people (
  photo_id uuid not null references event_photos(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  primary key (photo_id, registration_id)
);
create index event_photo_people_registration_idx on event_photo_people (registration_id);

create table event_links (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  kind text not null check (kind in ('recording', 'document')),
  title text not null check (length(title) between 1 and 300),
  url text not null check (url like 'https://%' and length(url) <= 2000),
  position integer not null default 0,
  sample boolean not null default false,
  created_at timestamptz not null default now()
);
create index event_links_event_idx on event_links (event_id, kind, position);
