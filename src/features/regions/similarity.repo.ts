import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

export interface LatestFigure {
  indicator_id: string;
  area_code: string;
  year: number;
  value: number | null;
  value_text: string | null;
}

export function similarityRepo(db: Kysely<DB>) {
  return {
    /** Moves whenever figures, indicators, regions or published organisations change (migration 0016). */
    dataVersion: async (): Promise<string> => {
      const r = await sql<{ last_value: string; is_called: boolean }>`
        select last_value::text, is_called from region_data_version`.execute(db);
      const row = r.rows[0];
      return row ? `${row.last_value}:${row.is_called}` : '';
    },
    /** The regions of a level, with the catalogue of indicators that have a dimension. */
    async level(level: number) {
      const [regions, indicators] = await Promise.all([
        db
          .selectFrom('regions')
          .select(['code', 'name'])
          .where('level', '=', level)
          .orderBy('code')
          .execute(),
        db
          .selectFrom('indicators')
          .select(['id', 'label', 'unit', 'kind', 'dimension', 'decimals'])
          .where('dimension', 'is not', null)
          .orderBy('id')
          .execute(),
      ]);
      return { regions, indicators };
    },
    /**
     * Each region's latest figure per indicator with a dimension, for the regions of a level: one
     * primary-key probe per region and indicator (a quarter faster on PGlite than grouping by max year).
     */
    async latestFigures(level: number): Promise<LatestFigure[]> {
      const r = await sql<LatestFigure>`
        select i.id as indicator_id, g.code as area_code, v.year, v.value, v.value_text
        from regions g
        cross join indicators i
        cross join lateral (
          select year, value, value_text from region_indicator_values v
          where v.indicator_id = i.id and v.area_code = g.code
          order by v.year desc
          limit 1
        ) v
        where g.level = ${level} and i.dimension is not null`.execute(db);
      return r.rows;
    },
    /**
     * Published organisations per ecosystem for each region of a level (those of lower levels counted
     * in theirs), and per region how many name at least one ecosystem (rows with a null ecosystem).
     * Generated sample organisations are left out: a likeness drawn from invented records is invented.
     */
    async ecosystems(level: number) {
      const r = await sql<{ code: string; ecosystem: string | null; n: number }>`
        select left(o.region_code, ${level + 2}) as code, e as ecosystem, count(distinct o.id)::int as n
        from organisations o cross join lateral unnest(o.ecosystems) e
        where o.status = 'published' and not o.sample and length(o.region_code) >= ${level + 2}
        group by grouping sets ((1, 2), (1))`.execute(db);
      return r.rows;
    },
    /** For the compare page: the regions asked for (any level). */
    regions: (codes: string[]) =>
      db
        .selectFrom('regions')
        .select(['code', 'name', 'level', 'country_code'])
        .where('code', 'in', codes)
        .execute(),
    indicators: (ids: string[]) =>
      ids.length
        ? db
            .selectFrom('indicators')
            .select(['id', 'label', 'unit', 'kind', 'dimension', 'decimals', 'higher_is_better'])
            .where('id', 'in', ids)
            .execute()
        : Promise.resolve([]),
  };
}
export type SimilarityRepo = ReturnType<typeof similarityRepo>;
