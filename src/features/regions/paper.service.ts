import { notFound } from '../../server/http/errors.ts';
import { countryName, type Locale } from '../../shared/i18n/index.ts';
import { toNaceEntry } from '../organisations/nace.service.ts';
import type { IndicatorsService } from './indicators.service.ts';
import { renderPaperHtml } from './paper.html.ts';
import { buildPaper, type PaperModel, type PeerInput } from './paper.model.ts';
import { renderPaperPdf } from './paper.pdf.ts';
import type { PaperRepo } from './paper.repo.ts';
import type { RegionsRepo } from './regions.repo.ts';
import type { S3Service } from './s3.service.ts';
import type { SectionsService } from './sections.service.ts';

/**
 * Regions like the one of the paper, most alike first ("regions like mine"). Optional: without it the
 * paper has no peers section. The similarity service provides it where it exists.
 */
export type PeerFinder = (code: string) => Promise<{ code: string }[]>;

export interface PaperDeps {
  repo: PaperRepo;
  regions: RegionsRepo;
  indicators: IndicatorsService;
  s3: S3Service;
  sections: SectionsService;
  peers?: PeerFinder | undefined;
  now?: () => Date;
}

const MAX_PEERS = 5;

/** "input-paper-ITC4-lombardia-en.pdf" */
const fileName = (m: PaperModel, ext: string) =>
  `input-paper-${m.code}-${m.regionName
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .slice(0, 60)}-${m.locale}.${ext}`;

export function paperService(deps: PaperDeps) {
  let naceSections: Promise<Map<string, { en: string; it: string }>> | undefined;
  const naceNames = () => {
    naceSections ??= deps.repo
      .naceSections()
      .then((rows) => new Map(rows.map(toNaceEntry).map((n) => [n.code, { en: n.nameEn, it: n.nameIt }])));
    return naceSections;
  };

  async function peers(code: string): Promise<PeerInput[] | null> {
    if (!deps.peers) return null;
    const found = (await deps.peers(code)).filter((p) => p.code !== code).slice(0, MAX_PEERS);
    const regions = await deps.regions.findMany(found.map((p) => p.code));
    const names = new Map(regions.map((r) => [r.code, r]));
    const out = await Promise.all(
      found.map(async (p): Promise<PeerInput | null> => {
        const r = names.get(p.code);
        if (!r) return null;
        return { code: p.code, name: r.name, indicators: await deps.indicators.forRegion(p.code) };
      }),
    );
    return out.filter((p): p is PeerInput => p !== null);
  }

  /** Everything the paper shows, from the database, in one language. */
  async function model(code: string, locale: Locale): Promise<PaperModel> {
    const region = await deps.regions.find(code);
    if (!region) throw notFound('Region');
    const [indicators, composition, nace, priorities, sections, peerInputs] = await Promise.all([
      deps.indicators.forRegion(region.code),
      deps.repo.composition(region.code),
      naceNames(),
      deps.s3.priorities(region.code),
      deps.sections.latest(region.code),
      peers(region.code),
    ]);
    return buildPaper(
      {
        region: {
          code: region.code,
          name: region.level === 0 ? countryName(locale, region.country_code) : region.name,
          level: region.level,
          countryCode: region.country_code,
        },
        generatedAt: deps.now?.() ?? new Date(),
        indicators,
        composition,
        naceSections: nace,
        priorities,
        sections,
        peers: peerInputs,
      },
      locale,
    );
  }

  return {
    model,
    async html(code: string, locale: Locale) {
      const m = await model(code, locale);
      return { body: renderPaperHtml(m), fileName: fileName(m, 'html') };
    },
    async pdf(code: string, locale: Locale) {
      const m = await model(code, locale);
      return { body: await renderPaperPdf(m), fileName: fileName(m, 'pdf') };
    },
  };
}
export type PaperService = ReturnType<typeof paperService>;
