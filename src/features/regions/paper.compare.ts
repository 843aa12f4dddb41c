// Comparisons the Input Paper makes between regions. Pure.
import type { RegionIndicators } from './indicators.schemas.ts';

type RegionIndicator = RegionIndicators['indicators'][number];

/** The source as tables name it: its publisher up to any bracketed detail ("Honti, Czvetko & Abonyi"). */
export function shortSource(s: { name: string; publisher: string }): string {
  const publisher = s.publisher.split(' (')[0]!.trim();
  return publisher && publisher.length <= 40 ? publisher : s.name;
}

/**
 * The indicators where a peer region does better than the region (higher where higher is better), each
 * compared in the latest year both have a figure for, the largest relative differences first.
 */
export function doesBetter(own: RegionIndicators, peer: RegionIndicators) {
  const out: {
    indicator: RegionIndicator['indicator'];
    year: number;
    own: number;
    peer: number;
    by: number;
  }[] = [];
  for (const mine of own.indicators) {
    if (mine.indicator.higherIsBetter !== true || mine.indicator.kind !== 'number') continue;
    const theirs = peer.indicators.find((x) => x.indicator.id === mine.indicator.id);
    if (!theirs) continue;
    const years = new Map(
      mine.figures.filter((f) => f.value !== null).map((f) => [f.year, f.value as number]),
    );
    const common = theirs.figures.filter((f) => f.value !== null && years.has(f.year));
    const last = common[common.length - 1];
    if (!last || last.value === null) continue;
    const ownValue = years.get(last.year)!;
    if (last.value <= ownValue) continue;
    out.push({
      indicator: mine.indicator,
      year: last.year,
      own: ownValue,
      peer: last.value,
      by: ownValue === 0 ? Number.POSITIVE_INFINITY : (last.value - ownValue) / Math.abs(ownValue),
    });
  }
  return out.sort((a, b) => b.by - a.by);
}
