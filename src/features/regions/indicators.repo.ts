import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, RegionIndicatorValuesTable } from '../../server/db/schema.ts';

/** A stored figure, without its update time. */
export type FigureRow = Omit<Selectable<RegionIndicatorValuesTable>, 'updated_at'>;

export function indicatorsRepo(db: Kysely<DB>) {
  return {
    /** Every indicator with how many areas and which years it covers. */
    catalogue: () =>
      db
        .selectFrom('indicators as i')
        .leftJoin('region_indicator_values as v', 'v.indicator_id', 'i.id')
        .select((eb) => [
          'i.id',
          'i.label',
          'i.unit',
          'i.kind',
          'i.dimension',
          'i.decimals',
          'i.higher_is_better',
          eb.fn.count<number>('v.area_code').distinct().as('regions'),
          eb.fn.min('v.year').as('first_year'),
          eb.fn.max('v.year').as('last_year'),
        ])
        .groupBy('i.id')
        .orderBy('i.builtin', 'desc')
        .orderBy('i.dimension')
        .orderBy('i.id')
        .execute(),
    indicator: (id: string) =>
      db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst(),
    sources: (ids?: string[]) => {
      let q = db.selectFrom('indicator_sources').selectAll().orderBy('builtin', 'desc').orderBy('name');
      if (ids) {
        if (!ids.length) return Promise.resolve([]);
        q = q.where('id', 'in', ids);
      }
      return q.execute();
    },
    /** All figures of the given areas, oldest first. */
    figures: (areas: string[]): Promise<FigureRow[]> =>
      areas.length
        ? db
            .selectFrom('region_indicator_values')
            .select(['indicator_id', 'area_code', 'year', 'value', 'value_text', 'source_id'])
            .where('area_code', 'in', areas)
            .orderBy('indicator_id')
            .orderBy('year')
            .execute()
        : Promise.resolve([]),
    /**
     * For each numeric indicator of a region: its latest year and its position (1 = highest) among
     * the regions of a NUTS level that have a figure that year.
     */
    async ranks(code: string, level: number) {
      const r = await sql<{ indicator_id: string; year: number; position: number; of: number }>`
        with mine as (
          select distinct on (indicator_id) indicator_id, year, value
          from region_indicator_values
          where area_code = ${code} and value is not null
          order by indicator_id, year desc
        )
        select m.indicator_id, m.year,
               (count(*) filter (where v.value > m.value) + 1)::int as position,
               count(*)::int as of
        from mine m
        join region_indicator_values v on v.indicator_id = m.indicator_id and v.year = m.year and v.value is not null
        join regions g on g.code = v.area_code and g.level = ${level}
        group by m.indicator_id, m.year`.execute(db);
      return r.rows;
    },
    /** One indicator across the regions of a level (optionally one country), for a year or each latest. */
    async across(
      indicator: string,
      f: { level: number; country?: string | undefined; year?: number | undefined },
    ) {
      const country = f.country ?? null;
      const year = f.year ?? null;
      // One primary-key probe per region (its latest year, or the year asked for) rather than a sort
      // of every year's rows: about three times faster on PGlite (bench/regions.bench.ts).
      const r = await sql<FigureRow & { name: string }>`
        select v.indicator_id, v.area_code, v.year, v.value, v.value_text, v.source_id, g.name
        from regions g
        cross join lateral (
          select * from region_indicator_values v
          where v.indicator_id = ${indicator} and v.area_code = g.code
            and (${year}::int is null or v.year = ${year})
          order by v.year desc
          limit 1
        ) v
        where g.level = ${f.level} and (${country}::text is null or g.country_code = ${country})
        order by g.code`.execute(db);
      return r.rows;
    },
  };
}
export type IndicatorsRepo = ReturnType<typeof indicatorsRepo>;
