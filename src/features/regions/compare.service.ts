import { AppError } from '../../server/http/errors.ts';
import { INDICATORS } from '../../shared/indicators.ts';
import { toCsvLine } from '../organisations/exchange-format.ts';
import type { FigureRow, IndicatorsRepo } from './indicators.repo.ts';
import type { SimilarityRepo } from './similarity.repo.ts';
import type { Comparison } from './similarity.schemas.ts';

/** The CSV's columns: the import format's (docs/formats/region-indicators.md) plus two names. */
export const COMPARE_CSV_COLUMNS = [
  'nuts_code',
  'region',
  'indicator',
  'label',
  'year',
  'value',
  'unit',
  'source',
] as const;

const DIMENSION_ORDER = ['economy', 'innovation', 'structure'];
const shippedOrder = new Map(INDICATORS.map((i, n) => [i.id, n]));

const toFigure = (f: FigureRow) => ({
  year: f.year,
  value: f.value,
  valueText: f.value_text,
  source: f.source_id,
});

/** Regions side by side: every indicator any of them has, each region's series and latest figure. */
export function compareService(repo: SimilarityRepo, indicators: IndicatorsRepo) {
  async function compare(codes: string[]): Promise<Comparison> {
    const found = await repo.regions(codes);
    const byCode = new Map(found.map((r) => [r.code, r]));
    const missing = codes.filter((c) => !byCode.has(c));
    if (missing.length) {
      throw new AppError('not_found', 404, `Region ${missing.join(', ')} not found`, { missing });
    }
    const figures = await indicators.figures(codes);
    const ids = [...new Set(figures.map((f) => f.indicator_id))];
    const [defs, sources] = await Promise.all([
      repo.indicators(ids),
      indicators.sources([...new Set(figures.map((f) => f.source_id))]),
    ]);
    const rank = (d: { id: string; dimension: string | null }) => [
      shippedOrder.get(d.id) ?? Number.MAX_SAFE_INTEGER,
      d.dimension ? DIMENSION_ORDER.indexOf(d.dimension) : DIMENSION_ORDER.length,
    ];
    defs.sort((a, b) => {
      const [x0, x1] = rank(a);
      const [y0, y1] = rank(b);
      return x0! - y0! || x1! - y1! || (a.id < b.id ? -1 : 1);
    });
    const series = new Map<string, FigureRow[]>();
    for (const f of figures) {
      const key = `${f.indicator_id}\u0000${f.area_code}`;
      const list = series.get(key);
      if (list) list.push(f);
      else series.set(key, [f]);
    }
    return {
      regions: codes.map((c) => {
        const r = byCode.get(c)!;
        return { code: r.code, name: r.name, level: r.level, countryCode: r.country_code };
      }),
      indicators: defs.map((d) => ({
        indicator: {
          id: d.id,
          label: d.label,
          unit: d.unit,
          kind: d.kind === 'category' ? 'category' : 'number',
          dimension: d.dimension as 'economy' | 'innovation' | 'structure' | null,
          decimals: d.decimals,
          higherIsBetter: d.higher_is_better,
        },
        regions: codes.map((code) => {
          // Figures come oldest first (indicatorsRepo.figures orders by year).
          const own = series.get(`${d.id}\u0000${code}`) ?? [];
          const last = own[own.length - 1];
          return { code, latest: last ? toFigure(last) : null, series: own.map(toFigure) };
        }),
      })),
      sources: sources.map((s) => ({
        id: s.id,
        name: s.name,
        publisher: s.publisher,
        licence: s.licence,
        url: s.url,
        attribution: s.attribution,
        note: s.note,
      })),
    };
  }

  return {
    compare,
    /** One row per region × indicator × year, in the order of the JSON; a UTF-8 BOM for spreadsheets. */
    async csv(codes: string[]): Promise<{ fileName: string; csv: string }> {
      const c = await compare(codes);
      const names = new Map(c.regions.map((r) => [r.code, r.name]));
      const lines = [`\uFEFF${toCsvLine(COMPARE_CSV_COLUMNS)}`];
      for (const code of codes) {
        for (const i of c.indicators) {
          const own = i.regions.find((r) => r.code === code);
          for (const f of own?.series ?? []) {
            lines.push(
              toCsvLine([
                code,
                names.get(code) ?? code,
                i.indicator.id,
                i.indicator.label,
                f.year,
                f.value ?? f.valueText,
                i.indicator.unit,
                f.source,
              ]),
            );
          }
        }
      }
      return { fileName: `regions-${codes.join('-')}.csv`, csv: lines.join('') };
    },
  };
}
export type CompareService = ReturnType<typeof compareService>;
