-- B2B meetings compared over time, not by start (issue 16): two B2B sessions whose slots overlap with
-- different lengths (30 and 20 minutes), or a session re-cut after meetings exist, could put one person
-- or one table in two meetings at once, since the unique keys of 0009 compared only a slot's start.
-- Exclusion constraints over time ranges (btree_gist, on PostgreSQL and PGlite alike) now refuse any
-- overlap for a participant and for a table of a session.
create extension if not exists btree_gist;

-- Each participant row carries its meeting's whole time range, filled from the meeting itself.
alter table b2b_meeting_participants add column ends_at timestamptz;
update b2b_meeting_participants mp
  set starts_at = m.starts_at, ends_at = m.ends_at
  from b2b_meetings m
  where m.id = mp.meeting_id;
alter table b2b_meeting_participants alter column ends_at set not null;
alter table b2b_meeting_participants add constraint b2b_meeting_participants_range_check
  check (ends_at > starts_at);

create function b2b_meeting_participant_times() returns trigger language plpgsql as $$
begin
  select m.starts_at, m.ends_at into new.starts_at, new.ends_at from b2b_meetings m where m.id = new.meeting_id;
  return new;
end $$;
create trigger b2b_meeting_participants_times before insert or update on b2b_meeting_participants
  for each row execute function b2b_meeting_participant_times();

-- Meetings that already overlap another one of the same person or table (possible before this
-- migration) lose their slot, the later-created first: the accepted request stays and shows as not
-- scheduled, so organisers can schedule it again.
delete from b2b_meetings where id in (
  select b.meeting_id
  from b2b_meeting_participants a
  join b2b_meeting_participants b
    on b.registration_id = a.registration_id and b.meeting_id <> a.meeting_id
   and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
  join b2b_meetings ma on ma.id = a.meeting_id
  join b2b_meetings mb on mb.id = b.meeting_id
  where (mb.created_at, mb.id::text) > (ma.created_at, ma.id::text)
);
delete from b2b_meetings where id in (
  select b.id
  from b2b_meetings a
  join b2b_meetings b
    on b.session_id = a.session_id and b.table_no = a.table_no and b.id <> a.id
   and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
  where (b.created_at, b.id::text) > (a.created_at, a.id::text)
);

alter table b2b_meeting_participants drop constraint b2b_meeting_participants_registration_id_starts_at_key;
alter table b2b_meeting_participants add constraint b2b_meeting_participants_no_overlap
  exclude using gist (registration_id with =, tstzrange(starts_at, ends_at) with &&);

alter table b2b_meetings drop constraint b2b_meetings_session_id_starts_at_table_no_key;
alter table b2b_meetings add constraint b2b_meetings_table_no_overlap
  exclude using gist (session_id with =, table_no with =, tstzrange(starts_at, ends_at) with &&);

-- Slots blocked by hand are time ranges too: blocking 10:00–10:30 also blocks a parallel session's
-- 10:20–10:40. Existing rows take the length of the B2B session slot they start in.
alter table b2b_blocked_slots add column ends_at timestamptz;
update b2b_blocked_slots b
  set ends_at = b.starts_at + make_interval(mins => coalesce((
    select s.b2b_slot_minutes
    from registrations r
    join event_sessions s on s.event_id = r.event_id and s.type = 'b2b'
    where r.id = b.registration_id and s.starts_at <= b.starts_at and b.starts_at < s.ends_at
    order by s.starts_at, s.id
    limit 1
  ), 30));
alter table b2b_blocked_slots alter column ends_at set not null;
alter table b2b_blocked_slots drop constraint b2b_blocked_slots_pkey;
alter table b2b_blocked_slots add primary key (registration_id, starts_at, ends_at);
alter table b2b_blocked_slots add constraint b2b_blocked_slots_range_check check (ends_at > starts_at);

-- A meeting is always one slot of its session's grid, at one of its tables. Checked when a meeting is
-- written (under a share lock of the session row) and when a session is changed (under that row's
-- update lock), so re-cutting a session into other slots, shrinking it or removing tables is refused
-- while meetings are booked in what it would remove, even when the two happen at once.
create function b2b_slot_of_session(
  m_start timestamptz, m_end timestamptz, m_table integer,
  s_type text, s_start timestamptz, s_end timestamptz, s_minutes integer, s_tables integer
) returns boolean language sql immutable as $$
  select s_type = 'b2b'
     and m_table <= coalesce(s_tables, 1)
     and m_start >= s_start and m_end <= s_end
     and m_end - m_start = make_interval(mins => coalesce(s_minutes, 30))
     and mod(extract(epoch from (m_start - s_start))::numeric, coalesce(s_minutes, 30) * 60) = 0
$$;

create function b2b_meeting_in_grid() returns trigger language plpgsql as $$
declare
  s record;
begin
  select type, starts_at, ends_at, b2b_slot_minutes, b2b_tables into s
    from event_sessions where id = new.session_id for share;
  if found and not b2b_slot_of_session(new.starts_at, new.ends_at, new.table_no,
                                       s.type, s.starts_at, s.ends_at, s.b2b_slot_minutes, s.b2b_tables) then
    raise exception 'this B2B meeting is not a slot and table of its session'
      using errcode = 'NXB01';
  end if;
  return new;
end $$;
create trigger b2b_meetings_in_grid before insert or update on b2b_meetings
  for each row execute function b2b_meeting_in_grid();

create function b2b_session_keeps_meetings() returns trigger language plpgsql as $$
declare
  n integer;
begin
  select count(*) into n from b2b_meetings m
   where m.session_id = new.id
     and not b2b_slot_of_session(m.starts_at, m.ends_at, m.table_no,
                                 new.type, new.starts_at, new.ends_at, new.b2b_slot_minutes, new.b2b_tables);
  if n > 0 then
    raise exception '% B2B meeting(s) are booked in slots or at tables this change would remove', n
      using errcode = 'NXB02', detail = n::text;
  end if;
  return new;
end $$;
create trigger event_sessions_keep_b2b_meetings before update on event_sessions
  for each row execute function b2b_session_keeps_meetings();
