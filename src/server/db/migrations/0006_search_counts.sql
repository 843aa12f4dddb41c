-- Facet counts of the directory kept by the database itself, so that the broad searches (the bare
-- directory, one facet filter) read a few hundred counters instead of counting up to 100 000 rows.
-- Exact and transactional: statement triggers apply each change in the transaction that makes it.
--
-- directory_facet_counts: published organisations per (sample, facet, value);
-- directory_facet_pairs: published organisations having both (facet, value) and (other_facet,
-- other_value), each pair once with facet < other_facet: read in both directions, the counts of every
-- other facet under a one-facet filter.
-- Facets and values as the search names them: type, country, region (region_code), size, label,
-- ecosystem, nace (NACE sections), s3. A counter may fall to 0 and stay; readers skip it.
create table directory_facet_counts (
  sample boolean not null,
  facet text not null,
  value text not null,
  n integer not null,
  primary key (facet, value, sample)
);
create table directory_facet_pairs (
  facet text not null,
  value text not null,
  sample boolean not null,
  other_facet text not null,
  other_value text not null,
  n integer not null,
  primary key (facet, value, sample, other_facet, other_value)
);
create index directory_facet_pairs_other_idx on directory_facet_pairs (other_facet, other_value, sample);

-- The facet columns of one organisation with the sign of its change (+1 counted, -1 uncounted).
create type directory_facet_row as (
  sign integer,
  sample boolean,
  type text,
  country_code text,
  region_code text,
  size_band text,
  esca_label text,
  ecosystems text[],
  nace_sections text[],
  s3_areas text[]
);

-- Adds the rows' signs to the counters, in key order. A transaction's changes reach the counters in one
-- call at its commit (see directory_counts_pending), so every transaction takes the counter locks it
-- needs at once, in the same order as all others: concurrent writers wait for each other at commit,
-- never deadlock. A batch of 1000 organisations makes ~45 000 pairs: sorted in memory, not on disk.
create function directory_counts_add(rows directory_facet_row[]) returns void language sql
set work_mem = '32MB' as $$
  with v as (
    select distinct r.ord, r.sign, r.sample, x.facet, x.value
    from unnest(rows) with ordinality as r(sign, sample, type, country_code, region_code, size_band,
      esca_label, ecosystems, nace_sections, s3_areas, ord)
    cross join lateral (
      select 'type' as facet, r.type as value
      union all select 'country', r.country_code
      union all select 'region', r.region_code
      union all select 'size', r.size_band
      union all select 'label', r.esca_label
      union all select 'ecosystem', unnest(r.ecosystems)
      union all select 'nace', unnest(r.nace_sections)
      union all select 's3', unnest(r.s3_areas)
    ) x
    where x.value is not null
  ),
  singles as (
    insert into directory_facet_counts as c (facet, value, sample, n)
    select facet, value, sample, sum(sign) from v group by facet, value, sample
    having sum(sign) <> 0
    order by facet, value, sample
    on conflict (facet, value, sample) do update set n = c.n + excluded.n
  )
  insert into directory_facet_pairs as p (facet, value, sample, other_facet, other_value, n)
  select a.facet, a.value, a.sample, b.facet, b.value, sum(a.sign)
  from v a join v b on b.ord = a.ord and b.facet > a.facet
  group by a.facet, a.value, a.sample, b.facet, b.value
  having sum(a.sign) <> 0
  order by a.facet, a.value, a.sample, b.facet, b.value
  on conflict (facet, value, sample, other_facet, other_value) do update set n = p.n + excluded.n
$$;

-- The changes of the running transaction, one row per statement, applied and deleted at its commit by
-- a deferred trigger. Other transactions never see these rows (uncommitted, then deleted).
create table directory_counts_pending (rows directory_facet_row[] not null);

create function directory_counts_apply() returns trigger language plpgsql as $$
declare
  acc directory_facet_row[];
begin
  with d as (delete from directory_counts_pending returning rows)
  select array(select u from d, unnest(d.rows) as u) into acc;
  -- The first of the transaction's deferred events applies everything; the others find nothing.
  if cardinality(acc) > 0 then
    perform directory_counts_add(acc);
  end if;
  return null;
end $$;
create constraint trigger directory_counts_pending_trg after insert on directory_counts_pending
  deferrable initially deferred for each row execute function directory_counts_apply();

create function directory_counts_insert() returns trigger language plpgsql as $$
begin
  insert into directory_counts_pending (rows) select a from (select array(
    select row(1, n.sample, n.type, n.country_code, n.region_code, n.size_band, n.esca_label,
      n.ecosystems, n.nace_sections, n.s3_areas)::directory_facet_row
    from new_rows n where n.status = 'published') as a) x where cardinality(a) > 0;
  return null;
end $$;

create function directory_counts_delete() returns trigger language plpgsql as $$
begin
  insert into directory_counts_pending (rows) select a from (select array(
    select row(-1, o.sample, o.type, o.country_code, o.region_code, o.size_band, o.esca_label,
      o.ecosystems, o.nace_sections, o.s3_areas)::directory_facet_row
    from old_rows o where o.status = 'published') as a) x where cardinality(a) > 0;
  return null;
end $$;

-- Only rows whose counted state changed (published or not, sample, a facet column) move counters: an
-- edit of a description costs a comparison, no counter lock.
create function directory_counts_update() returns trigger language plpgsql as $$
begin
  insert into directory_counts_pending (rows) select a from (select array(
    select row(-1, o.sample, o.type, o.country_code, o.region_code, o.size_band, o.esca_label,
      o.ecosystems, o.nace_sections, o.s3_areas)::directory_facet_row
    from old_rows o
    where o.status = 'published' and not exists (
      select 1 from new_rows n where n.id = o.id and n.status = 'published'
        and (n.sample, n.type, n.country_code, n.region_code, n.size_band, n.esca_label, n.ecosystems,
             n.nace_sections, n.s3_areas)
        is not distinct from (o.sample, o.type, o.country_code, o.region_code, o.size_band, o.esca_label,
             o.ecosystems, o.nace_sections, o.s3_areas))
    union all
    select row(1, n.sample, n.type, n.country_code, n.region_code, n.size_band, n.esca_label,
      n.ecosystems, n.nace_sections, n.s3_areas)::directory_facet_row
    from new_rows n
    where n.status = 'published' and not exists (
      select 1 from old_rows o where o.id = n.id and o.status = 'published'
        and (n.sample, n.type, n.country_code, n.region_code, n.size_band, n.esca_label, n.ecosystems,
             n.nace_sections, n.s3_areas)
        is not distinct from (o.sample, o.type, o.country_code, o.region_code, o.size_band, o.esca_label,
             o.ecosystems, o.nace_sections, o.s3_areas))) as a) x where cardinality(a) > 0;
  return null;
end $$;

create function directory_counts_truncate() returns trigger language plpgsql as $$
begin
  delete from directory_facet_counts;
  delete from directory_facet_pairs;
  delete from directory_counts_pending;
  return null;
end $$;

create trigger organisations_counts_insert_trg after insert on organisations
  referencing new table as new_rows for each statement execute function directory_counts_insert();
create trigger organisations_counts_update_trg after update on organisations
  referencing old table as old_rows new table as new_rows for each statement
  execute function directory_counts_update();
create trigger organisations_counts_delete_trg after delete on organisations
  referencing old table as old_rows for each statement execute function directory_counts_delete();
create trigger organisations_counts_truncate_trg after truncate on organisations
  for each statement execute function directory_counts_truncate();

select directory_counts_add(array(
  select row(1, o.sample, o.type, o.country_code, o.region_code, o.size_band, o.esca_label,
    o.ecosystems, o.nace_sections, o.s3_areas)::directory_facet_row
  from organisations o where o.status = 'published'));

-- A region filter is a prefix (ITC ⊃ ITC4): LIKE 'ITC4%' uses a btree only with pattern operators when
-- the database's collation is not C (C.UTF-8 is not), so without this index it read the whole table.
create index organisations_region_pattern_idx on organisations (region_code text_pattern_ops)
  where status = 'published';
