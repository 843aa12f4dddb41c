-- A change counter for what "regions like mine" is computed from (indicator figures and catalogue,
-- regions, published organisations' regions and ecosystems). The similarity service keeps its
-- standardised matrix in memory and recomputes it when this number moves: reading a sequence is one
-- cheap lookup, and bumping it takes no lock, so writers never wait on each other for it.
-- Statement-level triggers: one bump per statement, however many rows it writes.
create sequence region_data_version;

create function bump_region_data_version() returns trigger
language plpgsql as $$
begin
  perform nextval('region_data_version');
  return null;
end $$;

create trigger region_indicator_values_version
  after insert or update or delete or truncate on region_indicator_values
  for each statement execute function bump_region_data_version();
create trigger indicators_version
  after insert or update or delete or truncate on indicators
  for each statement execute function bump_region_data_version();
create trigger regions_version
  after insert or update or delete or truncate on regions
  for each statement execute function bump_region_data_version();
create trigger organisations_version
  after insert or delete or truncate on organisations
  for each statement execute function bump_region_data_version();
create trigger organisations_version_update
  after update of status, sample, region_code, ecosystems on organisations
  for each statement execute function bump_region_data_version();
