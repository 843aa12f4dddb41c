-- B2B teams by consent (issue 16): a colleague named in a request is only invited. They are booked into
-- the meeting once they accept; until then (and after declining) the meeting, its slot and their agenda
-- do not include them.
alter table b2b_request_members
  add column status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  add column responded_at timestamptz;

-- Team members added before consent existed were never asked. Meetings that have started are history and
-- keep them; in the others they become pending invitations and their booking is released.
update b2b_request_members rm
set status = 'accepted', responded_at = now()
where exists (select 1 from b2b_meetings m where m.request_id = rm.request_id and m.starts_at <= now());
delete from b2b_meeting_participants mp
using b2b_meetings m, b2b_request_members rm
where mp.meeting_id = m.id
  and rm.request_id = m.request_id
  and rm.registration_id = mp.registration_id
  and rm.status <> 'accepted';

-- A B2B profile names only an organisation its participant is a user of (an accepted membership).
update b2b_profiles bp
set organisation_id = null, updated_at = now()
where bp.organisation_id is not null
  and not exists (
    select 1 from registrations r
    join organisation_users ou on ou.user_id = r.user_id and ou.organisation_id = bp.organisation_id
    where r.id = bp.registration_id
  );

-- Only the requester, the addressee and team members who accepted are ever booked into a meeting,
-- whatever code inserts the row (first come, a published schedule, a team member accepting late).
create function b2b_meeting_participant_consented() returns trigger language plpgsql as $$
begin
  if not exists (
    select 1
    from b2b_meetings m
    join b2b_requests q on q.id = m.request_id
    where m.id = new.meeting_id
      and (q.requester_id = new.registration_id
        or q.addressee_id = new.registration_id
        or exists (
          select 1 from b2b_request_members rm
          where rm.request_id = q.id and rm.registration_id = new.registration_id and rm.status = 'accepted'))
  ) then
    raise exception 'registration % has not agreed to meeting %', new.registration_id, new.meeting_id
      using errcode = 'check_violation', constraint = 'b2b_meeting_participants_consent';
  end if;
  return new;
end $$;
create trigger b2b_meeting_participants_consent
  before insert or update of registration_id, meeting_id on b2b_meeting_participants
  for each row execute function b2b_meeting_participant_consented();
