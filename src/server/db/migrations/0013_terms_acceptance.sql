-- Sign-up records when the user accepted the terms of use and privacy notice, and which wording
-- (shared/terms.ts TERMS_VERSION). Accounts made before this migration have no record (null).
alter table users
  add column terms_accepted_at timestamptz,
  add column terms_version text;

alter table users
  add constraint users_terms_recorded_together
  check ((terms_accepted_at is null) = (terms_version is null));
