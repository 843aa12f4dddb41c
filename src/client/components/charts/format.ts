// Number formatting of charts and figures, per locale through Intl (pure; tested in format.test.ts).
import { intlTags, type Locale } from '../../../shared/i18n/index.ts';
import { formatFigure } from '../../../shared/indicators.ts';

/** A figure with exactly `decimals` decimals, grouped as the locale groups thousands. */
export function formatValue(locale: Locale, value: number, decimals = 0): string {
  return formatFigure(locale, value, decimals);
}

/** A figure followed by its unit label ("1.34 % of GDP", "1,34 % del PIL"); without a label, the figure. */
export function formatWithUnit(locale: Locale, value: number, decimals: number, unit?: string): string {
  const n = formatValue(locale, value, decimals);
  return unit ? `${n} ${unit}` : n;
}

/** How many decimals an axis needs to tell its ticks apart, given the step between them. */
export function stepDecimals(step: number): number {
  if (!(step > 0) || step >= 1) return 0;
  return Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}

/**
 * An axis tick: compact from ten thousand on ("400K", "10 Mln"), else with the decimals its step needs.
 */
export function formatTick(locale: Locale, value: number, step: number): string {
  if (Math.abs(value) >= 10_000) {
    return new Intl.NumberFormat(intlTags[locale], { notation: 'compact', maximumFractionDigits: 1 }).format(
      value,
    );
  }
  return formatValue(locale, value, stepDecimals(step));
}

const EN_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** A rank as an ordinal: 1st, 2nd, 3rd, 11th, 22nd in English; 1°, 2°, 94° in Italian. */
export function ordinal(locale: Locale, n: number): string {
  const number = new Intl.NumberFormat(intlTags[locale]).format(n);
  if (locale === 'it') return `${number}°`;
  const form = new Intl.PluralRules('en-GB', { type: 'ordinal' }).select(n);
  return `${number}${EN_SUFFIX[form] ?? 'th'}`;
}

/** A share as a whole percentage ("42%", "42 %"), as the locale writes it. */
export function formatShare(locale: Locale, part: number, total: number): string {
  if (!(total > 0)) return '';
  return new Intl.NumberFormat(intlTags[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    part / total,
  );
}
