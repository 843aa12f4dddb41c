/**
 * The regional indicators Nexum ships (built by scripts/build-region-indicators.ts from
 * ../shared/data/eurostat-regional) and the sources they come from. Imports may add more indicators
 * and sources; these are the ones the product knows how to label, compare and chart.
 */
import { intlTags, type Locale } from './i18n/index.ts';

export type IndicatorDimension = 'economy' | 'innovation' | 'structure';
export type IndicatorKind = 'number' | 'category';

export interface IndicatorSource {
  id: string;
  name: string;
  publisher: string;
  licence: string;
  url: string;
  /** What must be shown next to figures of this source. */
  attribution: string;
  /** How the figures were obtained, when not straight from the publisher. */
  note?: string;
}

export interface IndicatorDef {
  id: string;
  label: { en: string; it: string };
  unit: string;
  kind: IndicatorKind;
  dimension: IndicatorDimension;
  decimals: number;
  /** Where the shipped figures come from (imports may add figures from other sources). */
  source: string;
  /** True when a higher value is the better position (used for ranks and "does better"). */
  higherIsBetter: boolean | null;
}

export const INDICATOR_UNITS: Record<string, { en: string; it: string }> = {
  pc_gdp: { en: '% of GDP', it: '% del PIL' },
  eur_hab: { en: 'EUR per inhabitant', it: 'EUR per abitante' },
  mio_eur: { en: 'million EUR', it: 'milioni di EUR' },
  persons: { en: 'persons', it: 'persone' },
  pps_eu27_100: { en: 'PPS per inhabitant, EU27 = 100', it: 'SPA per abitante, UE27 = 100' },
  pc_act: { en: '% of labour force', it: '% della forza lavoro' },
  pc_emp: { en: '% of employment', it: "% dell'occupazione" },
  pc_pop_25_64: { en: '% of population aged 25–64', it: '% della popolazione 25–64 anni' },
  per_mhab: { en: 'per million inhabitants', it: 'per milione di abitanti' },
  index_eu2011_100: { en: 'index, EU 2011 = 100', it: 'indice, UE 2011 = 100' },
  group: { en: 'group', it: 'gruppo' },
};

export const INDICATOR_SOURCES: IndicatorSource[] = [
  {
    id: 'eurostat',
    name: 'Eurostat regional statistics',
    publisher: 'Eurostat',
    licence: 'Eurostat reuse policy (free reuse, commercial included, with acknowledgement)',
    url: 'https://ec.europa.eu/eurostat/web/regions/database',
    attribution: 'Source: Eurostat',
    note: 'Tables rd_e_gerdreg, rd_p_persreg, hrst_st_rcat, pat_ep_rtot, nama_10r_2gdp and lfst_r_lfe2en2, as published by Eurostat (copies kept by the nestauk/eurito_indicators and jsollari/EUhackathon2017 repositories, MIT).',
  },
  {
    id: 'eurostat-derived',
    name: 'Derived from Eurostat regional statistics',
    publisher: 'Eurostat; computed by Nexum',
    licence: 'Eurostat reuse policy (free reuse, commercial included, with acknowledgement)',
    url: 'https://ec.europa.eu/eurostat/web/regions/database',
    attribution: 'Source: Eurostat, computed by Nexum',
    note: 'GDP = GERD in million EUR ÷ GERD as % of GDP (rd_e_gerdreg), kept only where R&D intensity is at least 0.5 % so that rounding stays under 1 %, rounded to three significant digits. Employment shares = section-group employment ÷ total employment (lfst_r_lfe2en2, NUTS 2013 codes mapped to 2021).',
  },
  {
    id: 'i40-db',
    name: 'Regional Industry 4.0 readiness indicator database',
    publisher: 'Honti, Czvetko & Abonyi (2020), Data in Brief 33:106464, from Eurostat series',
    licence: 'CC BY 4.0',
    url: 'https://doi.org/10.1016/j.dib.2020.106464',
    attribution: 'Honti G., Czvetko T., Abonyi J. (2020), CC BY 4.0; underlying data: Eurostat',
  },
  {
    id: 'ris-2019',
    name: 'Regional Innovation Scoreboard 2019 (Regional Innovation Index)',
    publisher: 'European Commission',
    licence: '© European Union, reuse with acknowledgement',
    url: 'https://ec.europa.eu/growth/industry/strategy/innovation/regional-innovation-scoreboard_en',
    attribution: 'Source: European Commission, Regional Innovation Scoreboard 2019',
    note: 'Values as collected in the Industry 4.0 indicator database (CC BY 4.0).',
  },
];

const def = (
  id: string,
  en: string,
  it: string,
  unit: string,
  dimension: IndicatorDimension,
  source: string,
  decimals: number,
  higherIsBetter: boolean | null = true,
  kind: IndicatorKind = 'number',
): IndicatorDef => ({ id, label: { en, it }, unit, kind, dimension, decimals, source, higherIsBetter });

export const INDICATORS: IndicatorDef[] = [
  def('population', 'Population', 'Popolazione', 'persons', 'economy', 'i40-db', 0, null),
  def('gdp_mio_eur', 'GDP', 'PIL', 'mio_eur', 'economy', 'eurostat-derived', 0, null),
  def(
    'gdp_pps_hab',
    'GDP per inhabitant (PPS)',
    'PIL per abitante (SPA)',
    'pps_eu27_100',
    'economy',
    'eurostat',
    0,
  ),
  def(
    'gerd_pc_gdp',
    'R&D intensity (GERD)',
    'Intensità di R&S (GERD)',
    'pc_gdp',
    'innovation',
    'eurostat',
    2,
  ),
  def(
    'gerd_eur_hab',
    'R&D expenditure per inhabitant',
    'Spesa in R&S per abitante',
    'eur_hab',
    'innovation',
    'eurostat',
    0,
  ),
  def(
    'berd_pc_gdp',
    'Business R&D (BERD)',
    'R&S delle imprese (BERD)',
    'pc_gdp',
    'innovation',
    'eurostat',
    2,
  ),
  def('herd_pc_gdp', 'Higher-education R&D', 'R&S delle università', 'pc_gdp', 'innovation', 'eurostat', 2),
  def('rd_personnel_pc_act', 'R&D personnel', 'Personale di R&S', 'pc_act', 'innovation', 'eurostat', 2),
  def(
    'hrst_pc_act',
    'Human resources in science and technology',
    'Risorse umane in scienza e tecnologia',
    'pc_act',
    'innovation',
    'eurostat',
    1,
  ),
  def(
    'scientists_engineers_pc_act',
    'Scientists and engineers',
    'Scienziati e ingegneri',
    'pc_act',
    'innovation',
    'eurostat',
    1,
  ),
  def(
    'patents_epo_mhab',
    'EPO patent applications',
    'Domande di brevetto EPO',
    'per_mhab',
    'innovation',
    'eurostat',
    1,
  ),
  def(
    'rii_2019',
    'Regional Innovation Index 2019',
    'Indice di innovazione regionale 2019',
    'index_eu2011_100',
    'innovation',
    'ris-2019',
    1,
  ),
  def(
    'ris_group',
    'Regional Innovation Scoreboard group',
    'Gruppo del Regional Innovation Scoreboard',
    'group',
    'innovation',
    'import',
    0,
    null,
    'category',
  ),
  def(
    'tertiary_pc_25_64',
    'Tertiary education',
    'Istruzione terziaria',
    'pc_pop_25_64',
    'innovation',
    'i40-db',
    1,
  ),
  def(
    'htec_emp_pc',
    'High-tech sectors employment',
    'Occupazione nei settori high-tech',
    'pc_emp',
    'structure',
    'i40-db',
    1,
  ),
  def(
    'kis_emp_pc',
    'Knowledge-intensive services employment',
    'Occupazione nei servizi ad alta intensità di conoscenza',
    'pc_emp',
    'structure',
    'i40-db',
    1,
  ),
  def(
    'hmht_manuf_emp_pc',
    'High and medium-high tech manufacturing employment',
    'Occupazione nella manifattura ad alta e medio-alta tecnologia',
    'pc_emp',
    'structure',
    'i40-db',
    1,
  ),
  def(
    'emp_industry_pc',
    'Employment in industry (B–E)',
    "Occupazione nell'industria (B–E)",
    'pc_emp',
    'structure',
    'eurostat-derived',
    1,
    null,
  ),
  def(
    'emp_ict_pc',
    'Employment in ICT (J)',
    "Occupazione nell'ICT (J)",
    'pc_emp',
    'structure',
    'eurostat-derived',
    1,
    null,
  ),
  def(
    'emp_professional_pc',
    'Employment in professional and support services (M–N)',
    'Occupazione nei servizi professionali e di supporto (M–N)',
    'pc_emp',
    'structure',
    'eurostat-derived',
    1,
    null,
  ),
  def(
    'emp_agriculture_pc',
    'Employment in agriculture (A)',
    "Occupazione nell'agricoltura (A)",
    'pc_emp',
    'structure',
    'eurostat-derived',
    1,
    null,
  ),
  def(
    'emp_public_pc',
    'Employment in public services, education and health (O–Q)',
    'Occupazione in PA, istruzione e sanità (O–Q)',
    'pc_emp',
    'structure',
    'eurostat-derived',
    1,
    null,
  ),
];

/** The 2023 scoreboard's groups, in order from the strongest (taken by import, never computed). */
export const RIS_GROUPS = [
  'Innovation Leader +',
  'Innovation Leader',
  'Innovation Leader -',
  'Strong Innovator +',
  'Strong Innovator',
  'Strong Innovator -',
  'Moderate Innovator +',
  'Moderate Innovator',
  'Moderate Innovator -',
  'Emerging Innovator +',
  'Emerging Innovator',
  'Emerging Innovator -',
] as const;

export const indicatorById = new Map(INDICATORS.map((i) => [i.id, i]));

/** An indicator's label in the reader's language; an imported one keeps the label it was given. */
export function indicatorLabel(locale: Locale, id: string, fallback: string): string {
  return indicatorById.get(id)?.label[locale] ?? fallback;
}

/** A unit's label ("% of GDP"); an unknown unit id is shown as it is. */
export function unitLabel(locale: Locale, unit: string): string {
  return INDICATOR_UNITS[unit]?.[locale] ?? unit;
}

// Building an Intl formatter costs far more than using one: one per locale and precision.
const figureFormats = new Map<string, Intl.NumberFormat>();

/** A figure with exactly `decimals` decimals, grouped as the locale groups thousands. */
export function formatFigure(locale: Locale, value: number, decimals: number): string {
  const d = Math.max(0, Math.min(20, Math.trunc(decimals)));
  const key = `${locale}:${d}`;
  let f = figureFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlTags[locale], { minimumFractionDigits: d, maximumFractionDigits: d });
    figureFormats.set(key, f);
  }
  return f.format(value);
}

/** The EU aggregate's code in indicator tables (not a NUTS region). */
export const EU_AREA = 'EU27_2020';
