// The Input Paper as data: every figure formatted with its unit, year and source, in one language, for
// the HTML and PDF renderers alike. Pure: the service gathers the input, nothing here reads a database.
import { en } from '../../shared/i18n/en.ts';
import {
  countryName,
  formatDate,
  intlTags,
  type Locale,
  type MessageKey,
  translate,
} from '../../shared/i18n/index.ts';
import { INDICATOR_UNITS, indicatorById } from '../../shared/indicators.ts';
import type { RegionIndicators } from './indicators.schemas.ts';
import { doesBetter, shortSource } from './paper.compare.ts';
import type { Composition, CountRow } from './paper.repo.ts';
import { PAPER_SECTIONS, type PaperSection, type PaperSectionKey } from './paper.schemas.ts';
import type { S3Priority } from './s3.schemas.ts';

type RegionIndicator = RegionIndicators['indicators'][number];
type Figure = RegionIndicator['figures'][number];
type Dimension = 'economy' | 'innovation' | 'structure';

export interface PeerInput {
  code: string;
  name: string;
  indicators: RegionIndicators;
}

export interface PaperInput {
  region: { code: string; name: string; level: number; countryCode: string };
  generatedAt: Date;
  indicators: RegionIndicators;
  composition: Composition;
  naceSections: ReadonlyMap<string, { en: string; it: string }>;
  priorities: S3Priority[];
  sections: PaperSection[];
  /** null when no peer finder is configured: the paper then has no peers section at all. */
  peers: PeerInput[] | null;
}

export interface Value {
  text: string;
  year: number;
}
export interface KeyFigure {
  id: string;
  label: string;
  value: Value | null;
  unit: string;
  source: string | null;
}
export interface LandscapeRow {
  id: string;
  label: string;
  unit: string;
  region: Value;
  country: Value | null;
  eu: Value | null;
  /** Region minus EU27, same year only. */
  gap: string | null;
  rank: string | null;
  sources: string;
}
export interface ChartSeries {
  key: 'region' | 'country' | 'eu';
  name: string;
  points: { year: number; value: number; text: string }[];
}
export interface ChartModel {
  id: string;
  title: string;
  unit: string;
  decimals: number;
  /** Shares and amounts start the axis at zero, so that a gap is not overstated; indexes keep their range. */
  zeroBased: boolean;
  series: ChartSeries[];
  /** What the chart shows, in words (alternative text). */
  summary: string;
  sources: string;
}
export interface CountLine {
  label: string;
  n: number;
  sample: number;
}
export interface PaperModel {
  locale: Locale;
  code: string;
  regionName: string;
  countryName: string;
  /** False for a country (NUTS 0): the landscape then has no country column. */
  hasCountry: boolean;
  levelLabel: string;
  generatedOn: string;
  generatedIso: string;
  keyFigures: KeyFigure[];
  /** The landscape tables' column headings, for landscapeColumns. */
  landscapeHeader: string[];
  landscape: { dimension: Dimension; heading: string; rows: LandscapeRow[] }[];
  charts: ChartModel[];
  ecosystem: {
    total: number;
    sample: number;
    byType: CountLine[];
    byEcosystem: CountLine[];
    byNaceSection: CountLine[];
    clusters: { name: string; slug: string; sample: boolean; members: number; sampleMembers: number }[];
  };
  priorities: {
    title: string;
    paragraphs: string[];
    ecosystems: string[];
    nace: string[];
    sourceUrl: string | null;
    sample: boolean;
  }[];
  peers:
    | { code: string; name: string; better: { label: string; year: number; peer: string; own: string }[] }[]
    | null;
  sections: {
    key: PaperSectionKey;
    heading: string;
    paragraphs: string[] | null;
    /** The language the text is in; differs from the paper's when only the other one is written. */
    language: Locale;
    /** That language's name in the paper's language, when it differs ("Italian"). */
    otherLanguage: string | null;
    sample: boolean;
    version: number | null;
    date: string | null;
  }[];
  sources: {
    name: string;
    publisher: string;
    licence: string;
    url: string | null;
    attribution: string;
    note: string | null;
  }[];
}

/** The figures the cover page leads with, in this order; missing ones are shown as missing. */
export const KEY_FIGURES = [
  'population',
  'gdp_mio_eur',
  'gdp_pps_hab',
  'gerd_pc_gdp',
  'berd_pc_gdp',
  'rii_2019',
  'ris_group',
  'tertiary_pc_25_64',
  'htec_emp_pc',
] as const;
/** Indicators drawn as trend lines (region, country, EU27) when the region has two years or more. */
export const CHART_INDICATORS = ['gerd_pc_gdp', 'berd_pc_gdp', 'gdp_pps_hab', 'hrst_pc_act'] as const;
const DIMENSIONS: Dimension[] = ['economy', 'innovation', 'structure'];
const MAX_PEERS = 5;
const MAX_BETTER = 6;

export const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/** A landscape table's cells, in landscapeHeader's order; a country's paper has no country column. */
export const landscapeColumns = <T>(m: Pick<PaperModel, 'hasCountry'>, cells: T[]) =>
  m.hasCountry ? cells : cells.filter((_, i) => i !== 2);

export function buildPaper(input: PaperInput, locale: Locale): PaperModel {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const known = (key: string): key is MessageKey => key in en;
  const labelOf = (prefix: string, key: string) =>
    known(`${prefix}${key}`) ? t(`${prefix}${key}` as MessageKey) : key;
  const num = (value: number, decimals: number, signed = false) =>
    new Intl.NumberFormat(intlTags[locale], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: signed ? 'exceptZero' : 'auto',
    }).format(value);
  const sourceName = new Map(
    [...input.indicators.sources, ...(input.peers ?? []).flatMap((p) => p.indicators.sources)].map((s) => [
      s.id,
      shortSource(s),
    ]),
  );
  const unitOf = (unit: string) => INDICATOR_UNITS[unit]?.[locale] ?? unit;
  const labelOfIndicator = (i: RegionIndicator['indicator']) =>
    indicatorById.get(i.id)?.label[locale] ?? i.label;
  const figureText = (f: Figure, decimals: number) =>
    f.value !== null ? num(f.value, decimals) : (f.valueText ?? '');
  const region = input.region;
  const regionName = region.level === 0 ? countryName(locale, region.countryCode) : region.name;
  const country = countryName(locale, region.countryCode);

  /** The figure of `year` if there is one, else the latest (its year says which). */
  const near = (figures: Figure[], year: number) =>
    figures.find((f) => f.year === year) ?? figures[figures.length - 1] ?? null;

  const keyFigures: KeyFigure[] = KEY_FIGURES.map((id) => {
    const row = input.indicators.indicators.find((i) => i.indicator.id === id);
    const def = indicatorById.get(id);
    const latest = row?.latest ?? null;
    return {
      id,
      label: row ? labelOfIndicator(row.indicator) : (def?.label[locale] ?? id),
      value: latest && row ? { text: figureText(latest, row.indicator.decimals), year: latest.year } : null,
      unit: unitOf(row?.indicator.unit ?? def?.unit ?? ''),
      source: latest ? (sourceName.get(latest.source) ?? latest.source) : null,
    };
  });

  const gapUnit = (unit: string) =>
    unit.startsWith('pc_')
      ? t('paper.pp')
      : unit.startsWith('index') || unit.startsWith('pps')
        ? t('paper.points')
        : unitOf(unit);

  // Sizes (people, million EUR) have no meaningful difference to the EU total; rates and indexes do.
  const comparable = (unit: string) => unit !== 'persons' && unit !== 'mio_eur';
  const rows: (LandscapeRow & { dimension: Dimension | null })[] = input.indicators.indicators.flatMap(
    (i) => {
      const latest = i.latest;
      if (!latest || i.indicator.kind !== 'number' || latest.value === null) return [];
      const d = i.indicator.decimals;
      const c = i.country ? near(i.country.figures, latest.year) : null;
      const e = near(i.eu, latest.year);
      const value = (f: Figure | null) =>
        f && f.value !== null ? { text: num(f.value, d), year: f.year } : null;
      const sameYearEu = e && e.year === latest.year && e.value !== null ? e.value : null;
      const sources = [latest, c, e].flatMap((f) => (f ? [sourceName.get(f.source) ?? f.source] : []));
      return [
        {
          id: i.indicator.id,
          dimension: i.indicator.dimension,
          label: labelOfIndicator(i.indicator),
          unit: unitOf(i.indicator.unit),
          region: { text: num(latest.value, d), year: latest.year },
          country: value(c),
          eu: value(e),
          gap:
            sameYearEu === null || !comparable(i.indicator.unit)
              ? null
              : `${num(latest.value - sameYearEu, d, true)} ${gapUnit(i.indicator.unit)}`,
          rank: i.rank ? t('paper.rank', { position: i.rank.position, of: i.rank.of }) : null,
          sources: [...new Set(sources)].join('; '),
        },
      ];
    },
  );

  const charts: ChartModel[] = CHART_INDICATORS.flatMap((id) => {
    const i = input.indicators.indicators.find((x) => x.indicator.id === id);
    if (!i || i.figures.filter((f) => f.value !== null).length < 2) return [];
    const d = i.indicator.decimals;
    const points = (fs: Figure[]) =>
      fs.flatMap((f) => (f.value === null ? [] : [{ year: f.year, value: f.value, text: num(f.value, d) }]));
    const series: ChartSeries[] = [
      { key: 'region' as const, name: regionName, points: points(i.figures) },
      ...(i.country && region.level > 0
        ? [{ key: 'country' as const, name: country, points: points(i.country.figures) }]
        : []),
      { key: 'eu' as const, name: t('paper.eu27'), points: points(i.eu) },
    ].filter((s) => s.points.length > 0);
    const label = labelOfIndicator(i.indicator);
    const describe = (s: ChartSeries) => {
      const first = s.points[0]!;
      const last = s.points[s.points.length - 1]!;
      return t('paper.seriesSummary', {
        name: s.name,
        first: first.text,
        firstYear: first.year,
        last: last.text,
        lastYear: last.year,
      });
    };
    const used = new Set([...i.figures, ...(i.country?.figures ?? []), ...i.eu].map((f) => f.source));
    return [
      {
        id,
        title: label,
        unit: unitOf(i.indicator.unit),
        decimals: d,
        zeroBased: i.indicator.unit.startsWith('pc_') || i.indicator.unit === 'eur_hab',
        series,
        summary: `${t('paper.chartSummary', { indicator: label, unit: unitOf(i.indicator.unit) })} ${series.map(describe).join('; ')}.`,
        sources: [...used].map((s) => sourceName.get(s) ?? s).join('; '),
      },
    ];
  });

  const lines = (rows: CountRow[], label: (key: string) => string) =>
    rows.map((r) => ({ label: label(r.key), n: r.n, sample: r.sample }));
  const comp = input.composition;

  const peers =
    input.peers === null
      ? null
      : input.peers.slice(0, MAX_PEERS).map((p) => ({
          code: p.code,
          name: p.name,
          better: doesBetter(input.indicators, p.indicators)
            .slice(0, MAX_BETTER)
            .map((b) => ({
              label: labelOfIndicator(b.indicator),
              year: b.year,
              peer: `${num(b.peer, b.indicator.decimals)} ${unitOf(b.indicator.unit)}`,
              own: `${num(b.own, b.indicator.decimals)} ${unitOf(b.indicator.unit)}`,
            })),
        }));

  const other: Locale = locale === 'en' ? 'it' : 'en';
  const sections = PAPER_SECTIONS.map((key) => {
    const find = (lang: Locale) =>
      input.sections.find((s) => s.key === key && s.language === lang && s.body.trim());
    const s = find(locale) ?? find(other);
    return {
      key,
      heading: t(`paper.section.${key}`),
      paragraphs: s ? paragraphsOf(s.body) : null,
      language: s?.language ?? locale,
      otherLanguage:
        s && s.language !== locale
          ? (new Intl.DisplayNames([intlTags[locale]], { type: 'language' }).of(s.language) ?? s.language)
          : null,
      sample: s?.sample ?? false,
      version: s?.version ?? null,
      date: s ? formatDate(locale, s.createdAt) : null,
    };
  });

  const peerSources = (input.peers ?? []).flatMap((p) => p.indicators.sources);
  const sources = [...input.indicators.sources, ...peerSources]
    .filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i)
    .map((s) => ({
      name: s.name,
      publisher: s.publisher,
      licence: s.licence,
      url: s.url,
      attribution: s.attribution,
      note: s.note,
    }));

  return {
    locale,
    code: region.code,
    regionName,
    countryName: country,
    hasCountry: region.level > 0,
    levelLabel: t(`regions.level${Math.min(3, Math.max(0, region.level)) as 0 | 1 | 2 | 3}`),
    generatedOn: formatDate(locale, input.generatedAt.toISOString()),
    generatedIso: input.generatedAt.toISOString(),
    keyFigures,
    landscapeHeader: [
      t('paper.col.indicator'),
      regionName,
      country,
      t('paper.eu27'),
      t('paper.col.gap'),
      t('paper.col.rank'),
      t('paper.col.source'),
    ],
    landscape: DIMENSIONS.map((dimension) => ({
      dimension,
      heading: t(`paper.dimension.${dimension}`),
      rows: rows.filter((r) => (r.dimension ?? 'economy') === dimension),
    })).filter((g) => g.rows.length > 0),
    charts,
    ecosystem: {
      total: comp.total,
      sample: comp.sample,
      byType: lines(comp.byType, (k) => labelOf('orgType.', k)),
      byEcosystem: lines(comp.byEcosystem, (k) => labelOf('profile.ecosystem.', k)),
      byNaceSection: lines(comp.byNaceSection, (k) => {
        const n = input.naceSections.get(k);
        return n ? `${k} – ${n[locale]}` : k;
      }),
      clusters: comp.clusters.map((c) => ({
        name: c.name,
        slug: c.slug,
        sample: c.sample,
        members: c.members,
        sampleMembers: c.sample_members,
      })),
    },
    priorities: input.priorities.map((p) => ({
      title: p.title,
      paragraphs: paragraphsOf(p.description),
      ecosystems: p.ecosystems.map((e) => labelOf('profile.ecosystem.', e)),
      nace: p.nace.map((n) => `${n.code} – ${locale === 'it' ? n.nameIt : n.nameEn}`),
      sourceUrl: p.sourceUrl,
      sample: p.sample,
    })),
    peers,
    sections,
    sources,
  };
}
