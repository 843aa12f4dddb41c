import type { MessageKey } from '../../../shared/i18n/index.ts';

/** The message naming a NUTS level: country, NUTS 1, NUTS 2 or NUTS 3 region. */
export function levelKey(level: number): MessageKey {
  if (level <= 0) return 'regions.level0';
  if (level === 1) return 'regions.level1';
  if (level === 2) return 'regions.level2';
  return 'regions.level3';
}
