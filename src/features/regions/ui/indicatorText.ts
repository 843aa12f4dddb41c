// How the region pages name and write indicator figures: labels and units in the reader's language
// from the catalogue (src/shared/indicators.ts), the API's own label for indicators an import added.
import { formatWithUnit } from '../../../client/components/charts/format.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import { indicatorLabel as sharedIndicatorLabel, unitLabel } from '../../../shared/indicators.ts';

export interface IndicatorLike {
  id: string;
  label: string;
  unit: string;
  decimals: number;
}

export function indicatorLabel(locale: Locale, i: Pick<IndicatorLike, 'id' | 'label'>): string {
  return sharedIndicatorLabel(locale, i.id, i.label);
}

export { unitLabel };

/** "1.34 % of GDP", "10,036,258 persons", "134 PPS per inhabitant, EU27 = 100". */
export function figureText(locale: Locale, i: IndicatorLike, value: number): string {
  return formatWithUnit(locale, value, i.decimals, unitLabel(locale, i.unit));
}

const RIS_GROUP_NAMES: Record<string, { en: string; it: string }> = {
  'innovation leader': { en: 'Innovation Leader', it: "Leader dell'innovazione" },
  'strong innovator': { en: 'Strong Innovator', it: 'Innovatore forte' },
  'moderate innovator': { en: 'Moderate Innovator', it: 'Innovatore moderato' },
  'emerging innovator': { en: 'Emerging Innovator', it: 'Innovatore emergente' },
};

/** A Regional Innovation Scoreboard group ("Strong Innovator +") in the reader's language. */
export function risGroupLabel(locale: Locale, group: string): string {
  const m = /^(.*?)\s*([+-])?$/.exec(group.trim());
  const name = RIS_GROUP_NAMES[(m?.[1] ?? '').toLowerCase()];
  if (!name) return group;
  return m?.[2] ? `${name[locale]} ${m[2]}` : name[locale];
}

/** The NUTS level regions are compared at on a map: countries at 0, NUTS 2 below (level 1 has few figures). */
export function mapLevel(level: number): 0 | 2 {
  return level === 0 ? 0 : 2;
}

/** Whether an area of the map belongs to the region: itself, the NUTS 2 regions of a NUTS 1, the parent of a NUTS 3. */
export function isWithin(regionCode: string, regionLevel: number, areaCode: string): boolean {
  if (regionLevel === 1) return areaCode.startsWith(regionCode);
  if (regionLevel >= 3) return regionCode.startsWith(areaCode);
  return areaCode === regionCode;
}
