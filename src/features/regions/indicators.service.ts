import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { notFound } from '../../server/http/errors.ts';
import { EU_AREA } from '../../shared/indicators.ts';
import { importIndicators } from './indicators.import.ts';
import type { FigureRow, IndicatorsRepo } from './indicators.repo.ts';
import type { IndicatorInfo, IndicatorValues, RegionIndicators } from './indicators.schemas.ts';
import type { RegionsRepo } from './regions.repo.ts';
import { versionedCache } from './versioned-cache.ts';

type IndicatorRow = NonNullable<Awaited<ReturnType<IndicatorsRepo['indicator']>>>;
type SourceRow = Awaited<ReturnType<IndicatorsRepo['sources']>>[number];

const toIndicator = (
  i: Pick<IndicatorRow, 'id' | 'label' | 'unit' | 'kind' | 'dimension' | 'decimals' | 'higher_is_better'>,
) => ({
  id: i.id,
  label: i.label,
  unit: i.unit,
  kind: i.kind,
  dimension: i.dimension,
  decimals: i.decimals,
  higherIsBetter: i.higher_is_better,
});
const toFigure = (f: FigureRow) => ({
  year: f.year,
  value: f.value,
  valueText: f.value_text,
  source: f.source_id,
});
const toSource = (s: SourceRow) => ({
  id: s.id,
  name: s.name,
  publisher: s.publisher,
  licence: s.licence,
  url: s.url,
  attribution: s.attribution,
  note: s.note,
});

const groupBy = <T, K>(xs: T[], key: (x: T) => K) => {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
};

export function indicatorsService(
  db: Kysely<DB>,
  repo: IndicatorsRepo,
  regions: RegionsRepo,
  /** With the data version (similarity.repo.ts), one indicator across regions is kept until it moves. */
  o: { dataVersion?: () => Promise<string> } = {},
) {
  const acrossCache = o.dataVersion
    ? versionedCache<IndicatorValues>(o.dataVersion, { maxEntries: 200 })
    : null;
  const service = {
    async catalogue(): Promise<{ items: IndicatorInfo[]; sources: ReturnType<typeof toSource>[] }> {
      const [rows, sources] = await Promise.all([repo.catalogue(), repo.sources()]);
      return {
        items: rows.map((r) => ({
          ...toIndicator(r),
          regions: Number(r.regions),
          firstYear: r.first_year === null ? null : Number(r.first_year),
          lastYear: r.last_year === null ? null : Number(r.last_year),
        })),
        sources: sources.map(toSource),
      };
    },

    /** A region's figures with its country's and the EU's for comparison, and its rank. */
    async forRegion(code: string): Promise<RegionIndicators> {
      const region = await regions.find(code);
      if (!region) throw notFound('Region');
      const country = region.level > 0 ? region.country_code : null;
      const [catalogue, figures, ranks] = await Promise.all([
        repo.catalogue(),
        repo.figures([code, EU_AREA, ...(country ? [country] : [])]),
        repo.ranks(code, region.level),
      ]);
      const byArea = groupBy(figures, (f) => f.area_code);
      const own = groupBy(byArea.get(code) ?? [], (f) => f.indicator_id);
      const ofCountry = groupBy(country ? (byArea.get(country) ?? []) : [], (f) => f.indicator_id);
      const ofEu = groupBy(byArea.get(EU_AREA) ?? [], (f) => f.indicator_id);
      const rankOf = new Map(ranks.map((r) => [r.indicator_id, r]));
      const used = new Set<string>();
      const indicators = catalogue
        .filter((i) => own.has(i.id))
        .map((i) => {
          const mine = own.get(i.id) ?? [];
          for (const f of mine) used.add(f.source_id);
          const c = ofCountry.get(i.id) ?? [];
          const e = ofEu.get(i.id) ?? [];
          for (const f of [...c, ...e]) used.add(f.source_id);
          const rank = rankOf.get(i.id);
          const last = mine[mine.length - 1];
          return {
            indicator: toIndicator(i),
            figures: mine.map(toFigure),
            latest: last ? toFigure(last) : null,
            country: country && c.length ? { code: country, figures: c.map(toFigure) } : null,
            eu: e.map(toFigure),
            rank:
              rank && i.kind === 'number'
                ? { position: rank.position, of: rank.of, year: rank.year, level: region.level }
                : null,
          };
        });
      const sources = await repo.sources([...used]);
      return { code: region.code, name: region.name, indicators, sources: sources.map(toSource) };
    },

    /** One indicator across regions (a choropleth or a ranking), latest year per region by default. */
    across(
      id: string,
      f: { level: number; country?: string | undefined; year?: number | undefined },
    ): Promise<IndicatorValues> {
      if (!acrossCache) return service.computeAcross(id, f);
      const key = JSON.stringify([id, f.level, f.country ?? null, f.year ?? null]);
      return acrossCache.get(key, () => service.computeAcross(id, f));
    },

    async computeAcross(
      id: string,
      f: { level: number; country?: string | undefined; year?: number | undefined },
    ): Promise<IndicatorValues> {
      const indicator = await repo.indicator(id);
      if (!indicator) throw notFound('Indicator');
      const [rows, eu] = await Promise.all([repo.across(id, f), repo.figures([EU_AREA])]);
      // Ranks compare figures of one year only: with each region's latest, a region is ranked
      // among those whose latest year is the same.
      const byYear = groupBy(
        rows.filter((r) => r.value !== null),
        (r) => r.year,
      );
      const rank = new Map<string, number>();
      for (const list of byYear.values()) {
        const sorted = [...list].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
        sorted.forEach((r, i) => {
          const prev = sorted[i - 1];
          rank.set(r.area_code, prev && prev.value === r.value ? (rank.get(prev.area_code) ?? i + 1) : i + 1);
        });
      }
      const euOwn = eu.filter((e) => e.indicator_id === id && (f.year === undefined || e.year === f.year));
      const euLast = euOwn[euOwn.length - 1];
      const sourceIds = new Set([...rows.map((r) => r.source_id), ...(euLast ? [euLast.source_id] : [])]);
      return {
        indicator: toIndicator(indicator),
        level: f.level,
        year: f.year ?? null,
        items: rows.map((r) => ({
          ...toFigure(r),
          code: r.area_code,
          name: r.name,
          rank: rank.get(r.area_code) ?? null,
        })),
        eu: euLast ? toFigure(euLast) : null,
        sources: (await repo.sources([...sourceIds])).map(toSource),
      };
    },

    import: (text: string, dryRun: boolean) => importIndicators(db, text, { dryRun }),
  };
  return service;
}
export type IndicatorsService = ReturnType<typeof indicatorsService>;
