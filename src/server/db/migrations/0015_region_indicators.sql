-- Regional indicators: figures per NUTS 2021 region (or the EU aggregate), indicator and year, each
-- with the source it comes from. The shipped extract (assets/data/region-indicators.csv.gz) and
-- `nexum import indicators` write here; the catalogue of known indicators and sources lives in
-- src/shared/indicators.ts and is upserted at start, imports may add more.
create table indicator_sources (
  id text primary key,
  name text not null,
  publisher text not null default '',
  licence text not null default '',
  url text,
  attribution text not null,
  note text,
  builtin boolean not null default false
);

create table indicators (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{1,62}$'),
  label text not null,
  unit text not null,
  kind text not null default 'number' check (kind in ('number', 'category')),
  dimension text check (dimension in ('economy', 'innovation', 'structure')),
  decimals integer not null default 1 check (decimals between 0 and 6),
  higher_is_better boolean,
  builtin boolean not null default false
);

-- area_code is a NUTS 2021 code of the regions table or 'EU27_2020' (the importer checks which).
create table region_indicator_values (
  indicator_id text not null references indicators (id) on delete cascade,
  area_code text not null,
  year integer not null check (year between 1950 and 2100),
  value double precision,
  value_text text,
  source_id text not null references indicator_sources (id),
  updated_at timestamptz not null default now(),
  primary key (indicator_id, area_code, year),
  check ((value is null) <> (value_text is null))
);
create index region_indicator_values_area on region_indicator_values (area_code, indicator_id, year);
