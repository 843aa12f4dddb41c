-- Directory search: indexes for the list's orders and the facet counts, and a version number of the
-- directory's content that lets the server reuse facet counts until something changes.

-- The name as the list sorts it (the databases' collation is C): without case and accents, stored so
-- that sorting thousands of matches does not run unaccent on each of them.
alter table organisations add column name_key text generated always as (nexum_unaccent(lower(name))) stored;

-- The list's orders (real before generated, then by name, newest or participations); the export's
-- keyset pagination walks the first. The default order carries the facet columns too, so that a page
-- of filtered results is found by an index-only walk, without visiting the table for every skipped row.
create index organisations_name_order_idx on organisations (sample, name_key, id)
  include (type, country_code, region_code, size_band, esca_label, ecosystems, nace_sections, s3_areas)
  where status = 'published';
create index organisations_newest_idx on organisations (sample, (coalesce(published_at, created_at)) desc, id)
  where status = 'published';
create index organisations_participations_idx on organisations (sample, participations desc, name_key, id)
  where status = 'published';

-- NACE filters by division, group or class match any code below it: the service expands the prefix to
-- the codes of the classification, and this index finds the organisations holding any of them.
create index organisations_nace_codes_idx on organisations using gin (nace_codes);

-- Facet counts read only these columns: an index-only scan of this index is several times cheaper
-- than reading the table, whose rows carry descriptions and the search document.
create index organisations_facets_idx on organisations
  (country_code, region_code, type, size_band, esca_label, sample)
  include (ecosystems, nace_sections, s3_areas)
  where status = 'published';

-- Advanced (outside any transaction's rollback) when a change to organisations or cluster memberships
-- commits: the deferred trigger runs at commit time, so a reader that sees the new number also sees
-- the change, except within the instant of the commit itself (the server also expires what it keeps).
create sequence directory_version_seq;
create or replace function directory_touch() returns trigger language plpgsql as $$
begin
  perform nextval('directory_version_seq');
  return null;
end $$;
create constraint trigger organisations_version_trg after insert or update or delete on organisations
  deferrable initially deferred for each row execute function directory_touch();
create constraint trigger cluster_members_version_trg after insert or update or delete on cluster_members
  deferrable initially deferred for each row execute function directory_touch();
