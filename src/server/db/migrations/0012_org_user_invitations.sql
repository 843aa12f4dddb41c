-- An organisation's admins invite a person by e-mail to run it with them; nothing is granted until the
-- person, signed in with an account of that e-mail, accepts (organisation_users is written then).
create table organisation_user_invitations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id) on delete cascade,
  -- Lower-case, so one address has one pending invitation per organisation whatever its spelling.
  email text not null check (email = lower(email)),
  role text not null check (role in ('admin', 'member')),
  invited_by uuid references users(id) on delete set null,
  -- sha256 of the random token of the e-mailed link; the token itself is never stored.
  token_hash text not null unique,
  status text not null default 'pending'
    check (status in ('pending', 'accepted', 'declined', 'revoked', 'expired')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  responded_at timestamptz,
  accepted_by uuid references users(id) on delete set null
);
-- Inviting an address again replaces its pending invitation (new link, new expiry) instead of adding one.
create unique index organisation_user_invitations_pending_key
  on organisation_user_invitations (organisation_id, email) where status = 'pending';
create index organisation_user_invitations_email_idx
  on organisation_user_invitations (email) where status = 'pending';
