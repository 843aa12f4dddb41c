/**
 * "Regions like mine" and the compare page, as both sides see them: the dimensions, and the words for
 * a reason (the server writes the English text with these, the interface the reader's language).
 */
import { intlTags, type Locale, type MessageKey, translate } from './i18n/index.ts';
import { formatFigure, indicatorLabel, unitLabel } from './indicators.ts';

/** What "regions like mine" compares (src/core/similarity uses the same list). */
export const SIMILARITY_DIMENSIONS = ['economy', 'innovation', 'structure', 'ecosystems'] as const;
export type SimilarityDimension = (typeof SIMILARITY_DIMENSIONS)[number];

export const dimensionKey = (d: SimilarityDimension): MessageKey => `similar.dimension.${d}` as MessageKey;
export const ecosystemKey = (code: string): MessageKey => `profile.ecosystem.${code}` as MessageKey;

/** Codes for the compare page's URL and API: 2 to 6 NUTS codes. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;

interface FigureLike {
  value: number;
  year: number;
}
export type ReasonInput =
  | {
      kind: 'indicator';
      indicator: string;
      label: string;
      unit: string;
      decimals: number;
      region: FigureLike;
      peer: FigureLike;
    }
  | { kind: 'category'; indicator: string; label: string; value: string }
  | { kind: 'ecosystems'; ecosystems: { ecosystem: string }[] };

const listFormats = new Map<Locale, Intl.ListFormat>();

function formatList(locale: Locale, items: string[]): string {
  let f = listFormats.get(locale);
  if (!f) {
    f = new Intl.ListFormat(intlTags[locale], { type: 'conjunction' });
    listFormats.set(locale, f);
  }
  return f.format(items);
}

/** "similar R&D intensity (GERD): 1.34 vs 1.10 % of GDP (2019)", in the locale. */
export function describeReason(locale: Locale, r: ReasonInput): string {
  if (r.kind === 'indicator') {
    const years = r.region.year === r.peer.year ? String(r.region.year) : `${r.region.year}, ${r.peer.year}`;
    return translate(locale, 'similar.reason.indicator', {
      label: indicatorLabel(locale, r.indicator, r.label),
      region: formatFigure(locale, r.region.value, r.decimals),
      peer: formatFigure(locale, r.peer.value, r.decimals),
      unit: unitLabel(locale, r.unit),
      years,
    });
  }
  if (r.kind === 'category') {
    return translate(locale, 'similar.reason.category', {
      label: indicatorLabel(locale, r.indicator, r.label),
      value: r.value,
    });
  }
  const names = r.ecosystems.map((e) => translate(locale, ecosystemKey(e.ecosystem)));
  return translate(locale, 'similar.reason.ecosystems', {
    list: formatList(locale, names),
  });
}
