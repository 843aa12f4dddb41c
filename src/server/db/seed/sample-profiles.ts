import type { Ecosystem } from '../../../shared/ecosystems.ts';
import type { EscaLabel, OrganisationType, SizeBand } from '../schema.ts';
import type { ProfileSeed } from './milan2024.ts';

/**
 * Directory fields of the generated sample organisations: ecosystems, NACE codes, keywords, offers and
 * needs, S3 areas, size bands, ESCA labels of the European sample clusters. Each profile depends only on
 * the organisation's slug, type and theme (its own PRNG), so adding fields never changes the names and
 * memberships the rest of the generator draws.
 */
export type SampleTheme =
  | 'afil'
  | 'le2c'
  | 'lgca'
  | 'Advanced Manufacturing'
  | 'Clean Energy'
  | 'Green Chemistry'
  | 'Digital Industry'
  | 'Smart Mobility'
  | 'Life Sciences'
  | 'Agrifood'
  | 'Smart Materials'
  | 'Photonics'
  | 'Circular Economy';

interface ThemeProfile {
  ecosystems: Ecosystem[];
  /** NACE Rev. 2.1 classes (checked against the classification by seed.test.ts). */
  nace: string[];
  keywords: string[];
  offers: string[];
  seeks: string[];
  s3: string[];
}

const MANUFACTURING: ThemeProfile = {
  ecosystems: ['electronics', 'mobility_transport_automotive', 'digital', 'aerospace_defence'],
  nace: ['25.53', '25.62', '25.94', '28.41', '28.42', '28.97', '28.99', '26.51', '33.12'],
  keywords: [
    'additive manufacturing',
    'industrial automation',
    'collaborative robotics',
    'machine tools',
    'digital twin',
    'predictive maintenance',
    'metrology',
    'machine vision',
  ],
  offers: [
    'precision machining',
    'robot cell integration',
    'prototyping',
    'metrology services',
    'retrofitting of machine tools',
  ],
  seeks: [
    'software partners',
    'research partners for AI in manufacturing',
    'distributors abroad',
    'pilot customers',
  ],
  s3: ['Advanced manufacturing', 'Connectivity and information'],
};
const ENERGY: ThemeProfile = {
  ecosystems: ['renewable_energy', 'energy_intensive', 'construction'],
  nace: ['35.12', '35.16', '27.11', '27.12', '27.90', '43.21', '43.22', '71.12'],
  keywords: [
    'hydrogen',
    'photovoltaics',
    'energy storage',
    'smart grids',
    'heat pumps',
    'energy efficiency',
    'district heating',
  ],
  offers: ['energy audits', 'photovoltaic installations', 'battery storage integration', 'heat pump systems'],
  seeks: [
    'component suppliers',
    'municipalities for pilots',
    'research partners on electrolysers',
    'investors',
  ],
  s3: ['Sustainability', 'Smart mobility and architecture'],
};
const CHEMISTRY: ThemeProfile = {
  ecosystems: ['energy_intensive', 'health', 'textile'],
  nace: ['20.14', '20.16', '20.30', '20.41', '20.42', '20.59', '22.21', '22.26', '21.20'],
  keywords: [
    'green chemistry',
    'bio-based polymers',
    'chemical recycling',
    'green solvents',
    'biorefinery',
    'industrial biotechnology',
    'sustainable coatings',
  ],
  offers: [
    'toll manufacturing',
    'formulation services',
    'analytical laboratory',
    'scale-up of bio-based processes',
  ],
  seeks: [
    'feedstock suppliers',
    'partners for Horizon Europe projects',
    'pilot plants',
    'industrial end users',
  ],
  s3: ['Sustainability', 'Health and life sciences'],
};
const DIGITAL: ThemeProfile = {
  ecosystems: ['digital', 'electronics'],
  nace: ['62.10', '62.20', '63.10'],
  keywords: ['artificial intelligence', 'cybersecurity', 'cloud computing', 'internet of things', 'big data'],
  offers: ['custom software', 'cybersecurity audits', 'data platforms', 'AI consulting'],
  seeks: ['industrial use cases', 'venture capital', 'international resellers'],
  s3: ['Digital transformation'],
};

const THEMES: Record<SampleTheme, ThemeProfile> = {
  afil: MANUFACTURING,
  le2c: ENERGY,
  lgca: CHEMISTRY,
  'Advanced Manufacturing': MANUFACTURING,
  'Clean Energy': ENERGY,
  'Green Chemistry': CHEMISTRY,
  'Digital Industry': DIGITAL,
  'Smart Mobility': {
    ecosystems: ['mobility_transport_automotive'],
    nace: ['29.31', '29.32', '52.21'],
    keywords: ['electric vehicles', 'battery systems', 'charging infrastructure', 'logistics'],
    offers: ['vehicle testing', 'charging station installation', 'fleet software'],
    seeks: ['OEM customers', 'test sites', 'public transport operators'],
    s3: ['Sustainable mobility'],
  },
  'Life Sciences': {
    ecosystems: ['health'],
    nace: ['21.20', '32.50', '72.10'],
    keywords: ['medical devices', 'diagnostics', 'biotechnology', 'digital health'],
    offers: ['clinical trial services', 'regulatory support', 'contract research'],
    seeks: ['hospitals for clinical validation', 'licensing partners', 'investors'],
    s3: ['Health and life sciences'],
  },
  Agrifood: {
    ecosystems: ['agri_food'],
    nace: ['10.51', '10.89', '01.11'],
    keywords: ['precision agriculture', 'food safety', 'alternative proteins', 'food packaging'],
    offers: ['food product development', 'shelf-life testing', 'contract packaging'],
    seeks: ['retail buyers', 'export partners', 'agritech start-ups'],
    s3: ['Agri-food'],
  },
  'Smart Materials': {
    ecosystems: ['energy_intensive', 'construction'],
    nace: ['20.16', '23.99', '24.10'],
    keywords: ['advanced materials', 'composites', 'nanomaterials', 'lightweight materials'],
    offers: ['materials testing', 'composite prototyping'],
    seeks: ['industrial end users', 'research partners'],
    s3: ['Advanced materials'],
  },
  Photonics: {
    ecosystems: ['electronics', 'digital'],
    nace: ['26.70', '26.11', '72.10'],
    keywords: ['photonics', 'lasers', 'optical sensors', 'quantum technologies'],
    offers: ['laser processing', 'optical design', 'sensor prototyping'],
    seeks: ['system integrators', 'venture capital'],
    s3: ['Key enabling technologies'],
  },
  'Circular Economy': {
    ecosystems: ['energy_intensive', 'proximity_social_civil_security'],
    nace: ['38.21', '38.32', '39.00'],
    keywords: ['circular economy', 'recycling', 'waste management', 'eco-design'],
    offers: ['recycling services', 'life-cycle assessment', 'eco-design consulting'],
    seeks: ['municipalities', 'industrial partners for symbiosis'],
    s3: ['Circular economy'],
  },
};

const SIZES: Record<OrganisationType, [SizeBand[], number[]]> = {
  company: [
    ['micro', 'small', 'medium', 'large'],
    [0.35, 0.4, 0.2, 0.05],
  ],
  startup: [
    ['micro', 'small'],
    [0.8, 0.2],
  ],
  research_centre: [
    ['small', 'medium', 'large'],
    [0.3, 0.5, 0.2],
  ],
  university: [
    ['medium', 'large'],
    [0.4, 0.6],
  ],
  cluster: [
    ['micro', 'small'],
    [0.6, 0.4],
  ],
  public_authority: [
    ['medium', 'large'],
    [0.5, 0.5],
  ],
  innovation_hub: [
    ['micro', 'small'],
    [0.5, 0.5],
  ],
  association: [
    ['micro', 'small'],
    [0.7, 0.3],
  ],
  other: [
    ['micro', 'small', 'medium'],
    [0.5, 0.3, 0.2],
  ],
};

const ESCA_CYCLE: (EscaLabel | null)[] = ['gold', 'silver', 'bronze', null];

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The profile of one generated organisation. `sector` (the activity its description names) is always
 * among its keywords; `clusterIndex` (European sample clusters) cycles the ESCA labels.
 */
export function sampleProfile(
  slug: string,
  type: OrganisationType,
  theme: SampleTheme,
  opts: { sector?: string; clusterIndex?: number; managerName?: string } = {},
): ProfileSeed {
  const rand = prng(hash(slug));
  const t = THEMES[theme];
  const some = <T>(xs: readonly T[], lo: number, hi: number): T[] => {
    const pool = xs.slice();
    const n = Math.min(pool.length, lo + Math.floor(rand() * (hi - lo + 1)));
    return Array.from({ length: n }, () => pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  };
  const [bands, weights] = SIZES[type];
  let r = rand();
  let sizeBand = bands[bands.length - 1]!;
  for (let i = 0; i < bands.length; i++) {
    r -= weights[i]!;
    if (r < 0) {
      sizeBand = bands[i]!;
      break;
    }
  }
  const keywords = some(t.keywords, 2, 4);
  if (opts.sector && !keywords.includes(opts.sector)) keywords.unshift(opts.sector);
  const profile: ProfileSeed = {
    keywords,
    ecosystems: some(t.ecosystems, 1, 2),
    naceCodes: type === 'university' ? ['85.40', '72.10'] : some(t.nace, 1, 2),
    s3Areas: rand() < 0.6 ? some(t.s3, 1, 1) : [],
    sizeBand,
    offers: `We offer ${some(t.offers, 1, 2).join(' and ')}.`,
    seeks: `We are looking for ${some(t.seeks, 1, 2).join(' and ')}.`,
    participations: type === 'research_centre' || type === 'university' ? Math.floor(rand() * 12) : 0,
  };
  if (type === 'cluster' && opts.clusterIndex !== undefined) {
    const label = ESCA_CYCLE[opts.clusterIndex % ESCA_CYCLE.length];
    if (label) {
      profile.escaLabel = label;
      profile.escaYear = 2019 + (opts.clusterIndex % 5);
    }
    if (opts.managerName) {
      profile.managerName = opts.managerName;
      profile.managerEmail = `cluster.manager@${slug}.example`;
    }
  }
  return profile;
}
