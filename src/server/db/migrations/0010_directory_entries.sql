-- The directory's search table: one narrow row per published organisation with only what the search
-- reads (the search document, the sort keys and the facet columns), kept by statement triggers in the
-- transaction that changes the organisation.
--
-- Why: a word matching thousands of organisations made the search visit a table page per match, and
-- organisations rows carry descriptions, offers, contacts and the search document (about 1.2 kB each):
-- 100 000 organisations are 15 000 pages. Here a row is about half of that and every filter column
-- has its own index, so a page holds twice the matches and filters combine as bitmaps without reading
-- wide rows. The column names are the organisations' ones, so the same conditions apply to both.
create table directory_entries (
  id uuid primary key,
  sample boolean not null,
  name_key text not null,
  published_at timestamptz,
  created_at timestamptz not null,
  participations integer not null,
  type text not null,
  country_code text,
  region_code text,
  size_band text,
  esca_label text,
  ecosystems text[] not null,
  nace_sections text[] not null,
  nace_codes text[] not null,
  s3_areas text[] not null,
  search tsvector,
  -- A small number for the entry, kept while the organisation stays published: the server's facet
  -- index (src/core/facets) knows entries by it, and a search returns the matches as these numbers.
  ord integer not null unique
);
create sequence directory_entry_ord_seq;

-- The version of what the server's facet index holds (the entries and their facet columns): advanced
-- by a transaction that changes them, when it commits, as a row of that transaction. A reader that
-- sees a version also sees the changes it counts, so an index loaded with its version in one statement
-- is exactly the entries of that version.
create table directory_index_version (v bigint not null);
insert into directory_index_version values (1);
-- Marks of the running transaction (one per statement that changed the index), deleted at its commit
-- by a deferred trigger, which advances the version once. Concurrent writers wait for each other only
-- there, at commit, when they hold every other lock already, and all in one order (counters, then the
-- version): no deadlock.
create table directory_index_pending (marked boolean not null default true);
-- The facet counters (0006) are applied first: whichever of the two deferred triggers fires first, a
-- transaction takes the counter locks before the version's, as every other transaction does.
create function directory_index_advance() returns trigger language plpgsql as $$
declare
  acc directory_facet_row[];
begin
  with d as (delete from directory_counts_pending returning rows)
  select array(select u from d, unnest(d.rows) as u) into acc;
  if cardinality(acc) > 0 then
    perform directory_counts_add(acc);
  end if;
  delete from directory_index_pending;
  if found then
    update directory_index_version set v = v + 1;
  end if;
  return null;
end $$;
create constraint trigger directory_index_pending_trg after insert on directory_index_pending
  deferrable initially deferred for each row execute function directory_index_advance();

create function directory_entries_add() returns trigger language plpgsql as $$
begin
  insert into directory_entries (ord, id, sample, name_key, published_at, created_at, participations, type,
    country_code, region_code, size_band, esca_label, ecosystems, nace_sections, nace_codes, s3_areas, search)
  select nextval('directory_entry_ord_seq'), n.id, n.sample, n.name_key, n.published_at, n.created_at,
    n.participations, n.type, n.country_code, n.region_code, n.size_band, n.esca_label, n.ecosystems,
    n.nace_sections, n.nace_codes, n.s3_areas, n.search
  from new_rows n where n.status = 'published';
  if found then
    insert into directory_index_pending default values;
  end if;
  return null;
end $$;

create function directory_entries_remove() returns trigger language plpgsql as $$
begin
  delete from directory_entries e using old_rows o where e.id = o.id;
  if found then
    insert into directory_index_pending default values;
  end if;
  return null;
end $$;

-- An update replaces the entries whose columns changed (an id never changes: it is the primary key),
-- keeping their numbers; the facet index is out of date only when an entry comes or goes, or one of
-- its facet columns changed.
create function directory_entries_replace() returns trigger language plpgsql as $$
declare
  changed uuid[];
  gone_ids uuid[];
  gone_ords integer[];
begin
  select array_agg(n.id) into changed from new_rows n join old_rows o on o.id = n.id
  where (n.status, n.sample, n.name_key, n.published_at, n.created_at, n.participations, n.type,
      n.country_code, n.region_code, n.size_band, n.esca_label, n.ecosystems, n.nace_sections,
      n.nace_codes, n.s3_areas, n.search)
    is distinct from (o.status, o.sample, o.name_key, o.published_at, o.created_at, o.participations,
      o.type, o.country_code, o.region_code, o.size_band, o.esca_label, o.ecosystems, o.nace_sections,
      o.nace_codes, o.s3_areas, o.search);
  if changed is null then
    return null;
  end if;
  with gone as (
    delete from directory_entries e using unnest(changed) as c(id) where e.id = c.id returning e.id, e.ord
  )
  select array_agg(g.id), array_agg(g.ord) into gone_ids, gone_ords from gone g;
  insert into directory_entries (ord, id, sample, name_key, published_at, created_at, participations, type,
    country_code, region_code, size_band, esca_label, ecosystems, nace_sections, nace_codes, s3_areas, search)
  select coalesce(k.ord, nextval('directory_entry_ord_seq')), n.id, n.sample, n.name_key, n.published_at,
    n.created_at, n.participations, n.type, n.country_code, n.region_code, n.size_band, n.esca_label,
    n.ecosystems, n.nace_sections, n.nace_codes, n.s3_areas, n.search
  from new_rows n join unnest(changed) as c(id) on c.id = n.id
    left join unnest(gone_ids, gone_ords) as k(id, ord) on k.id = n.id
  where n.status = 'published';
  if exists (
    select 1 from new_rows n join old_rows o on o.id = n.id
    where (n.status = 'published') <> (o.status = 'published')
      or (n.status = 'published' and (n.sample, n.type, n.country_code, n.region_code, n.size_band,
          n.esca_label, n.ecosystems, n.nace_sections, n.nace_codes, n.s3_areas)
        is distinct from (o.sample, o.type, o.country_code, o.region_code, o.size_band, o.esca_label,
          o.ecosystems, o.nace_sections, o.nace_codes, o.s3_areas))
  ) then
    insert into directory_index_pending default values;
  end if;
  return null;
end $$;

create function directory_entries_clear() returns trigger language plpgsql as $$
begin
  delete from directory_entries;
  insert into directory_index_pending default values;
  return null;
end $$;

create trigger organisations_entries_insert_trg after insert on organisations
  referencing new table as new_rows for each statement execute function directory_entries_add();
create trigger organisations_entries_update_trg after update on organisations
  referencing old table as old_rows new table as new_rows for each statement
  execute function directory_entries_replace();
create trigger organisations_entries_delete_trg after delete on organisations
  referencing old table as old_rows for each statement execute function directory_entries_remove();
create trigger organisations_entries_truncate_trg after truncate on organisations
  for each statement execute function directory_entries_clear();

insert into directory_entries (ord, id, sample, name_key, published_at, created_at, participations, type,
  country_code, region_code, size_band, esca_label, ecosystems, nace_sections, nace_codes, s3_areas, search)
select nextval('directory_entry_ord_seq'), id, sample, name_key, published_at, created_at, participations, type, country_code, region_code,
  size_band, esca_label, ecosystems, nace_sections, nace_codes, s3_areas, search
from organisations where status = 'published';

create index directory_entries_search_idx on directory_entries using gin (search);
create index directory_entries_name_trgm_idx on directory_entries using gin (name_key gin_trgm_ops);
create index directory_entries_type_idx on directory_entries (type);
create index directory_entries_country_idx on directory_entries (country_code);
create index directory_entries_region_idx on directory_entries (region_code text_pattern_ops);
create index directory_entries_size_idx on directory_entries (size_band);
create index directory_entries_label_idx on directory_entries (esca_label) where esca_label is not null;
create index directory_entries_ecosystems_idx on directory_entries using gin (ecosystems);
create index directory_entries_nace_sections_idx on directory_entries using gin (nace_sections);
create index directory_entries_nace_codes_idx on directory_entries using gin (nace_codes);
create index directory_entries_s3_idx on directory_entries using gin (s3_areas);
analyze directory_entries;
