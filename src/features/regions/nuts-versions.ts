/**
 * Older tables use NUTS 2013 or 2016 codes. A code that NUTS 2021 still has is kept; a code that was
 * only renamed (the same territory under a new code) is mapped; a code whose territory was split or
 * merged has no one-to-one 2021 region, and the caller reports it instead of guessing.
 *
 * Renamings from Eurostat's NUTS history (2013 → 2016: the French regions' new codes after the 2016
 * regional reform kept the former regions as NUTS 2, and the Polish voivodeships renumbered with the
 * Warsaw split; 2021 → 2024 for the Dutch and Portuguese codes some Eurostat tables already use).
 */
const RENAMED: Record<string, string> = {
  // France, NUTS 2013 → 2016 (unchanged since)
  FR21: 'FRF2',
  FR22: 'FRE2',
  FR23: 'FRD2',
  FR24: 'FRB0',
  FR25: 'FRD1',
  FR26: 'FRC1',
  FR30: 'FRE1',
  FR41: 'FRF3',
  FR42: 'FRF1',
  FR43: 'FRC2',
  FR51: 'FRG0',
  FR52: 'FRH0',
  FR53: 'FRI3',
  FR61: 'FRI1',
  FR62: 'FRJ2',
  FR63: 'FRI2',
  FR71: 'FRK2',
  FR72: 'FRK1',
  FR81: 'FRJ1',
  FR82: 'FRL0',
  FR83: 'FRM0',
  FRA1: 'FRY1',
  FRA2: 'FRY2',
  FRA3: 'FRY3',
  FRA4: 'FRY4',
  FRA5: 'FRY5',
  // Poland, NUTS 2013 → 2016 (PL12 Mazowieckie was split into PL91 and PL92: not one-to-one)
  PL11: 'PL71',
  PL31: 'PL81',
  PL32: 'PL82',
  PL33: 'PL72',
  PL34: 'PL84',
};

/** Codes known to have been split or merged, with the 2021 regions that cover their territory. */
const NOT_ONE_TO_ONE: Record<string, string[]> = {
  HR04: ['HR02', 'HR05', 'HR06'],
  NO01: ['NO08'],
  NO03: ['NO08', 'NO09'],
  NO04: ['NO09', 'NO0A'],
  NO05: ['NO0A'],
  PL12: ['PL91', 'PL92'],
  IE01: ['IE04', 'IE05', 'IE06'],
  IE02: ['IE05', 'IE06'],
  LT00: ['LT01', 'LT02'],
  HU10: ['HU11', 'HU12'],
  UKI1: ['UKI3', 'UKI4'],
  UKI2: ['UKI5', 'UKI6', 'UKI7'],
  UKM2: ['UKM7', 'UKM8', 'UKM9'],
  UKM3: ['UKM8', 'UKM9'],
  // NUTS 2024 codes some Eurostat tables already use (they replace these 2021 regions)
  NL35: ['NL31', 'NL33'],
  NL36: ['NL31', 'NL33'],
  PT19: ['PT16', 'PT17', 'PT18'],
  PT1A: ['PT16', 'PT17', 'PT18'],
  PT1B: ['PT16', 'PT17', 'PT18'],
  PT1C: ['PT16', 'PT17', 'PT18'],
  PT1D: ['PT16', 'PT17', 'PT18'],
};

export type NutsMapping =
  | { ok: true; code: string; renamedFrom?: string }
  | { ok: false; reason: 'split_or_merged'; covers: string[] }
  | { ok: false; reason: 'unknown' };

/** Maps a code of any NUTS version to NUTS 2021, given the set of 2021 codes. */
export function toNuts2021(code: string, known: ReadonlySet<string>): NutsMapping {
  const c = code.trim().toUpperCase();
  if (known.has(c)) return { ok: true, code: c };
  const renamed = RENAMED[c];
  if (renamed && known.has(renamed)) return { ok: true, code: renamed, renamedFrom: c };
  const covers = NOT_ONE_TO_ONE[c];
  if (covers) return { ok: false, reason: 'split_or_merged', covers };
  return { ok: false, reason: 'unknown' };
}
