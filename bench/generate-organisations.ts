// Deterministic generator of a realistic European directory for the benchmarks: organisations of every
// type in every NUTS 2 region, with ecosystems, NACE codes, keywords, offers and needs, S3 areas, size
// bands, ESCA labels and cluster memberships. Same seed, same rows: no Math.random, no clock.
import type { Insertable } from 'kysely';
import type { EscaLabel, OrganisationsTable, OrganisationType, SizeBand } from '../src/server/db/schema.ts';
import type { Ecosystem } from '../src/shared/ecosystems.ts';
import { slugify } from '../src/shared/slug.ts';

export interface RegionRef {
  code: string;
  countryCode: string;
  name: string;
}

export interface GeneratedDirectory {
  organisations: Insertable<OrganisationsTable>[];
  /** Indexes into `organisations`: [cluster, member]. */
  memberships: [number, number][];
}

/** mulberry32: small and seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (block: string) =>
  block
    .split(',')
    .map((w) => w.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

interface Theme {
  topic: string;
  ecosystems: Ecosystem[];
  /** NACE divisions or groups; codes are drawn among the classes below them. */
  nace: string[];
  roots: string[];
  keywords: string[];
  offers: string[];
  seeks: string[];
  s3: string[];
}

const THEMES: Theme[] = [
  {
    topic: 'Advanced Manufacturing',
    ecosystems: ['electronics', 'mobility_transport_automotive', 'digital'],
    nace: ['25', '28', '26.5', '33'],
    roots: words('Precision, Mechatronics, Machine Tools, Automation, Robotics, Tooling, Forming, Gears'),
    keywords: words(`additive manufacturing, industrial automation, collaborative robotics, machine tools,
      precision machining, digital twin, predictive maintenance, metrology, industrial sensors, CNC machining`),
    offers: words(`contract machining, robot cell integration, prototyping, metrology services,
      retrofitting of machine tools, production line design`),
    seeks: words(`suppliers of sensors, software partners, research partners for AI in manufacturing,
      distributors abroad, pilot customers`),
    s3: words('Advanced manufacturing, Industry 4.0, Smart factories'),
  },
  {
    topic: 'Green Chemistry',
    ecosystems: ['energy_intensive', 'health'],
    nace: ['20', '22.2', '21'],
    roots: words('Chemicals, Polymers, Coatings, Bioplastics, Resins, Solvents, Catalysts, Biomaterials'),
    keywords: words(`green chemistry, bio-based polymers, biorefinery, chemical recycling, green solvents,
      industrial biotechnology, sustainable coatings, catalysis, biosurfactants`),
    offers: words(`toll manufacturing, formulation services, analytical laboratory, scale-up of bio-based
      processes, life-cycle assessment`),
    seeks: words(`feedstock suppliers, partners for Horizon Europe projects, pilot plants, investors,
      industrial end users`),
    s3: words('Circular economy, Bioeconomy, Sustainable chemistry'),
  },
  {
    topic: 'Clean Energy',
    ecosystems: ['renewable_energy', 'energy_intensive'],
    nace: ['35.1', '27', '43.2', '71.1'],
    roots: words('Energy, Solar, Hydrogen, Wind, Grid, Storage, Heat Pumps, Geothermal'),
    keywords: words(`hydrogen, photovoltaics, energy storage, smart grids, heat pumps, energy efficiency,
      offshore wind, district heating, power electronics, renewable energy communities`),
    offers: words(`energy audits, installation of photovoltaic systems, battery storage integration,
      engineering of hydrogen plants, grid studies`),
    seeks: words(`component suppliers, municipalities for pilots, research partners on electrolysers,
      financing partners, installers`),
    s3: words('Clean energy, Energy transition, Hydrogen valleys'),
  },
  {
    topic: 'Digital Industry',
    ecosystems: ['digital', 'electronics'],
    nace: ['62', '63', '26.1', '26.2'],
    roots: words('Data, Cloud, Software, Systems, Analytics, Networks, Cyber, Code'),
    keywords: words(`artificial intelligence, cybersecurity, cloud computing, internet of things, big data,
      edge computing, machine learning, 5G, blockchain, high-performance computing`),
    offers: words(`custom software development, cybersecurity audits, data platforms, AI consulting,
      IoT integration, cloud migration`),
    seeks: words(`industrial use cases, venture capital, EDIH services, international resellers,
      data scientists`),
    s3: words('Digital transformation, Artificial intelligence, Cybersecurity'),
  },
  {
    topic: 'Smart Mobility',
    ecosystems: ['mobility_transport_automotive'],
    nace: ['29', '30.2', '49', '52'],
    roots: words('Mobility, Automotive, Rail, Logistics, Transport, Drive, Vehicles, Batteries'),
    keywords: words(`electric vehicles, battery systems, autonomous driving, rail technology, logistics
      optimisation, charging infrastructure, lightweight materials, connected vehicles`),
    offers: words(`vehicle testing, charging station installation, fleet management software,
      engineering of battery packs, logistics services`),
    seeks: words(`OEM customers, test sites, partners for EU mobility projects, battery cell suppliers,
      public transport operators`),
    s3: words('Sustainable mobility, Electromobility, Logistics'),
  },
  {
    topic: 'Aerospace',
    ecosystems: ['aerospace_defence'],
    nace: ['30.3', '33.16', '26.5'],
    roots: words('Aero, Space, Avionics, Satellites, Composites, Propulsion, Orbit, Drones'),
    keywords: words(`satellite systems, earth observation, drones, avionics, composite structures,
      space downstream services, propulsion, small launchers`),
    offers: words(`composite parts manufacturing, satellite data services, drone inspection,
      avionics testing, certification support`),
    seeks: words(`ESA project partners, defence integrators, dual-use applications, test facilities,
      suppliers of space-grade components`),
    s3: words('Aerospace, Space economy'),
  },
  {
    topic: 'Agrifood',
    ecosystems: ['agri_food'],
    nace: ['10', '11', '01', '46.3'],
    roots: words('Food, Dairy, Farm, Agro, Harvest, Vineyards, Bakery, Organics'),
    keywords: words(`precision agriculture, food safety, alternative proteins, food packaging, organic
      farming, agritech, food processing, traceability, aquaculture`),
    offers: words(`food product development, shelf-life testing, contract packaging, farm management
      software, organic certification support`),
    seeks: words(`retail buyers, export partners, research on alternative proteins, packaging suppliers,
      agritech start-ups`),
    s3: words('Agri-food, Food innovation, Sustainable agriculture'),
  },
  {
    topic: 'Life Sciences',
    ecosystems: ['health'],
    nace: ['21', '32.5', '72.1', '86'],
    roots: words('Bio, Pharma, Medical, Health, Diagnostics, Genomics, Therapeutics, Medtech'),
    keywords: words(`medical devices, diagnostics, biotechnology, digital health, drug discovery,
      personalised medicine, clinical trials, telemedicine, genomics`),
    offers: words(`clinical trial services, regulatory affairs support, biobank services, contract research,
      medical device prototyping`),
    seeks: words(`hospitals for clinical validation, investors, licensing partners, CDMO partners,
      health data partners`),
    s3: words('Health and life sciences, Personalised medicine, Active ageing'),
  },
  {
    topic: 'Construction',
    ecosystems: ['construction'],
    nace: ['41', '42', '43', '71.1'],
    roots: words('Building, Construction, Timber, Concrete, Architecture, Infrastructure, Renovation'),
    keywords: words(`energy renovation, building information modelling, timber construction, green
      buildings, prefabrication, circular construction, smart buildings`),
    offers: words(`BIM services, energy renovation of buildings, prefabricated timber elements,
      structural engineering, building automation`),
    seeks: words(`public clients, material suppliers, research partners on circular materials,
      subcontractors, architects`),
    s3: words('Sustainable construction, Smart cities'),
  },
  {
    topic: 'Textile',
    ecosystems: ['textile', 'cultural_creative'],
    nace: ['13', '14', '15'],
    roots: words('Textiles, Fashion, Yarns, Fabrics, Leather, Knitwear, Apparel'),
    keywords: words(`technical textiles, sustainable fashion, textile recycling, smart textiles, leather
      processing, fashion design, digital printing`),
    offers: words(`fabric development, sampling, textile testing, recycled yarns, fashion design services`),
    seeks: words(`brands, recycling partners, designers, e-commerce partners, fibre suppliers`),
    s3: words('Fashion and design, Circular economy'),
  },
  {
    topic: 'Creative Industries',
    ecosystems: ['cultural_creative', 'digital'],
    nace: ['58', '59', '73', '74', '90'],
    roots: words('Studio, Media, Design, Games, Creative, Film, Publishing, Arts'),
    keywords: words(`video games, design, audiovisual production, virtual reality, cultural heritage,
      publishing, music technology, immersive experiences`),
    offers: words(`game development, industrial design, audiovisual production, VR experiences,
      digitisation of cultural heritage`),
    seeks: words(`co-production partners, publishers, museums, funding for creative projects, distributors`),
    s3: words('Cultural and creative industries, Experience economy'),
  },
  {
    topic: 'Tourism',
    ecosystems: ['tourism', 'proximity_social_civil_security'],
    nace: ['55', '56', '79'],
    roots: words('Tourism, Hospitality, Travel, Hotels, Destinations, Leisure'),
    keywords: words(`sustainable tourism, hospitality management, destination marketing, cultural tourism,
      booking platforms, eco-tourism`),
    offers: words(`destination management, guided tours, hotel management software, tourism market studies`),
    seeks: words(`tour operators, digital marketing partners, regional tourism boards, investors`),
    s3: words('Sustainable tourism, Experience economy'),
  },
  {
    topic: 'Retail',
    ecosystems: ['retail', 'digital'],
    nace: ['47', '46'],
    roots: words('Retail, Commerce, Market, Stores, Shops, Trade'),
    keywords: words(`e-commerce, omnichannel retail, retail analytics, last-mile delivery, payment solutions,
      customer experience`),
    offers: words(`e-commerce platforms, retail analytics, store design, logistics for online shops`),
    seeks: words(`suppliers, technology partners, logistics providers, retail networks abroad`),
    s3: words('Digital transformation, Smart cities'),
  },
  {
    topic: 'Social Economy',
    ecosystems: ['proximity_social_civil_security'],
    nace: ['88', '94', '80'],
    roots: words('Community, Social, Care, Cooperative, Security, Citizens'),
    keywords: words(`social innovation, civil security, circular economy, social enterprises, inclusion,
      community services, crisis management`),
    offers: words(`social impact assessment, community services, training programmes, security consulting`),
    seeks: words(`public funding, volunteers, partners for social innovation projects, municipalities`),
    s3: words('Social innovation, Inclusive society'),
  },
];

const LEGAL_FORMS: Record<string, string[]> = {
  DE: ['GmbH', 'GmbH', 'AG'],
  AT: ['GmbH', 'AG'],
  CH: ['AG', 'SA', 'GmbH'],
  LI: ['AG'],
  FR: ['SAS', 'SA', 'SARL'],
  IT: ['S.r.l.', 'S.r.l.', 'S.p.A.'],
  ES: ['S.L.', 'S.A.'],
  PT: ['Lda.', 'S.A.'],
  NL: ['B.V.'],
  BE: ['NV', 'SRL', 'BV'],
  LU: ['S.à r.l.', 'S.A.'],
  PL: ['sp. z o.o.', 'S.A.'],
  CZ: ['s.r.o.', 'a.s.'],
  SK: ['s.r.o.'],
  HU: ['Kft.', 'Zrt.'],
  RO: ['S.R.L.', 'S.A.'],
  BG: ['OOD', 'EOOD'],
  HR: ['d.o.o.'],
  SI: ['d.o.o.'],
  RS: ['d.o.o.'],
  ME: ['d.o.o.'],
  MK: ['DOOEL'],
  AL: ['sh.p.k.'],
  EL: ['S.A.', 'I.K.E.'],
  CY: ['Ltd'],
  MT: ['Ltd'],
  IE: ['Ltd', 'DAC'],
  UK: ['Ltd', 'plc'],
  SE: ['AB'],
  FI: ['Oy', 'Oyj'],
  DK: ['ApS', 'A/S'],
  NO: ['AS', 'ASA'],
  IS: ['ehf.'],
  EE: ['OÜ', 'AS'],
  LV: ['SIA'],
  LT: ['UAB'],
  TR: ['A.Ş.', 'Ltd. Şti.'],
};

/** Relative weight of each country in the directory, roughly its economic weight. */
const COUNTRY_WEIGHT: Record<string, number> = {
  DE: 16,
  FR: 12,
  IT: 12,
  ES: 8,
  UK: 7,
  PL: 5,
  NL: 5,
  SE: 3,
  BE: 3,
  AT: 3,
  CH: 2,
  CZ: 2,
  PT: 2,
  DK: 2,
  FI: 2,
  RO: 2,
  TR: 2,
  NO: 1.5,
  IE: 1.5,
  EL: 1.5,
  HU: 1.5,
};

// Exact type mix of the generated directory (per mille).
const TYPE_MIX: [OrganisationType, number][] = [
  ['company', 560],
  ['startup', 120],
  ['research_centre', 80],
  ['university', 50],
  ['cluster', 35],
  ['public_authority', 50],
  ['innovation_hub', 30],
  ['association', 55],
  ['other', 20],
];

const STARTUP_PREFIX = words(`Robo, Nano, Circu, Bio, Eco, Hydro, Data, Fab, Quanta, Volt, Mecha, Sense, Opti,
  Cobo, Verde, Lumi, Kine, Ferro, Poli, Terra, Aqua, Helio, Nova, Cyber, Agri, Medi, Geo, Astro, Flux, Zen`);
const STARTUP_SUFFIX = words(
  'tek, ware, lab, ify, mind, loop, gen, flow, nova, tix, bit, works, ly, io, hub',
);
const RESEARCH_KINDS = words('Institute for, Research Centre for, Laboratory of, Competence Centre for');
const DISCIPLINES = words(`Mechanical Engineering, Chemistry, Computer Science, Electrical Engineering,
  Materials Science, Management Engineering, Biology, Physics, Economics, Architecture`);
const ASSOCIATION_KINDS = words('Association of, Federation of, Network of, Chamber of');
const SIZE_BY_TYPE: Record<OrganisationType, [SizeBand[], number[]]> = {
  company: [
    ['micro', 'small', 'medium', 'large'],
    [0.35, 0.35, 0.2, 0.1],
  ],
  startup: [
    ['micro', 'small'],
    [0.75, 0.25],
  ],
  research_centre: [
    ['small', 'medium', 'large'],
    [0.3, 0.5, 0.2],
  ],
  university: [
    ['medium', 'large'],
    [0.3, 0.7],
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
    ['micro', 'small', 'medium'],
    [0.4, 0.4, 0.2],
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

/** A short place name from a NUTS name: "Région de Bruxelles-Capitale/Brussels …" → "Région de Bruxelles-Capitale". */
function placeOf(name: string): string {
  return (name.split(/[/,(]/)[0] ?? name)
    .replace(/^(Prov\.|Provincia|Région|Region|Comunidad de)\s+/i, '')
    .trim();
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  regions: readonly RegionRef[];
  /** Every NACE code (all levels); the generator keeps classes under each theme's divisions. */
  naceCodes: readonly string[];
  /** Slugs already in the database (other organisations): generated ones avoid them. */
  takenSlugs?: Iterable<string>;
}

export function generateOrganisations(opts: GenerateOptions): GeneratedDirectory {
  const rand = prng(opts.seed ?? 4_2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const some = <T>(xs: readonly T[], lo: number, hi: number): T[] => {
    const n = Math.min(xs.length, lo + Math.floor(rand() * (hi - lo + 1)));
    const copy = xs.slice();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]!);
    return out;
  };
  const weighted = <T>(xs: readonly T[], ws: readonly number[]): T => {
    const total = ws.reduce((s, w) => s + w, 0);
    let r = rand() * total;
    for (let i = 0; i < xs.length; i++) {
      r -= ws[i]!;
      if (r < 0) return xs[i]!;
    }
    return xs[xs.length - 1]!;
  };

  const regions = opts.regions.filter((r) => /^[A-Z]{2}[0-9A-Z]{2}$/.test(r.code));
  // Capital-like first regions of a country get more organisations; the rest vary between 0.5 and 2.
  const regionWeights = regions.map((r, i) => {
    const country = COUNTRY_WEIGHT[r.countryCode] ?? 0.5;
    const inCountry = regions.filter((x) => x.countryCode === r.countryCode).length;
    const local = 0.5 + ((i * 7919) % 16) / 10;
    return (country / Math.max(1, inCountry)) * local;
  });
  const naceByTheme = THEMES.map((t) =>
    opts.naceCodes.filter((c) => /^\d{2}\.\d{2}$/.test(c) && t.nace.some((p) => c.startsWith(p))),
  );

  const types: OrganisationType[] = [];
  for (const [type, perMille] of TYPE_MIX) {
    for (let i = 0; i < Math.round((opts.count * perMille) / 1000); i++) types.push(type);
  }
  while (types.length < opts.count) types.push('company');
  types.length = opts.count;
  for (let i = types.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [types[i], types[j]] = [types[j]!, types[i]!];
  }

  const slugs = new Set<string>(opts.takenSlugs ?? []);
  const uniqueSlug = (name: string) => {
    const base = slugify(name, 70);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    return slug;
  };

  const organisations: Insertable<OrganisationsTable>[] = [];
  const clustersByRegion = new Map<string, number[]>();
  const themeOf: number[] = [];
  let escaTurn = 0;
  for (const type of types) {
    const region = weighted(regions, regionWeights);
    const themeIndex = Math.floor(rand() * THEMES.length);
    const theme = THEMES[themeIndex]!;
    const place = placeOf(region.name);
    const legal = LEGAL_FORMS[region.countryCode] ?? ['Ltd'];
    const keywords = some(theme.keywords, 3, 6);
    let name: string;
    let description: string;
    switch (type) {
      case 'company':
        name = `${pick(theme.roots)} ${place} ${pick(legal)}`;
        description = `Company based in ${place} working in ${keywords[0]} and ${keywords[1]}.`;
        break;
      case 'startup':
        name = `${pick(STARTUP_PREFIX)}${pick(STARTUP_SUFFIX)}`;
        description = `Start-up from ${place} developing new solutions in ${keywords[0]}.`;
        break;
      case 'research_centre':
        name = `${pick(RESEARCH_KINDS)} ${keywords[0]![0]!.toUpperCase()}${keywords[0]!.slice(1)} ${place}`;
        description = `Applied research centre in ${place} working with industry on ${keywords.join(', ')}.`;
        break;
      case 'university':
        name = `Department of ${pick(DISCIPLINES)}, University of ${place}`;
        description = `University department in ${place} with research groups on ${keywords.slice(0, 3).join(', ')}.`;
        break;
      case 'cluster':
        name = `${place} ${theme.topic} Cluster`;
        description = `Cluster organisation for ${theme.topic.toLowerCase()} in ${place}, bringing companies, research and public bodies together.`;
        break;
      case 'public_authority':
        name = `${place} ${pick(['Regional Development Agency', 'Innovation Agency', 'Regional Government', 'Chamber of Commerce'])}`;
        description = `Public body supporting innovation and regional development in ${place}.`;
        break;
      case 'innovation_hub':
        name = `${place} Digital Innovation Hub for ${theme.topic}`;
        description = `Digital innovation hub helping SMEs in ${place} adopt ${keywords[0]}.`;
        break;
      case 'association':
        name = `${pick(ASSOCIATION_KINDS)} ${theme.topic} Companies ${place}`;
        description = `Business association representing companies active in ${theme.topic.toLowerCase()} around ${place}.`;
        break;
      default:
        name = `${place} ${theme.topic} Foundation`;
        description = `Non-profit foundation promoting ${keywords[0]} in ${place}.`;
    }
    const [bands, weights] = SIZE_BY_TYPE[type];
    const naceCodes = naceByTheme[themeIndex]!.length ? some(naceByTheme[themeIndex]!, 1, 3) : [];
    // A quarter of the clusters hold an ESCA label, spread over gold, silver and bronze.
    let escaLabel: EscaLabel | null = null;
    if (type === 'cluster' && rand() < 0.25)
      escaLabel = (['gold', 'silver', 'bronze'] as const)[escaTurn++ % 3]!;
    const offers = `We offer ${some(theme.offers, 1, 3).join(', ')}.`;
    const seeks = `We are looking for ${some(theme.seeks, 1, 2).join(' and ')}.`;
    const index = organisations.length;
    organisations.push({
      slug: uniqueSlug(name),
      name,
      acronym: type === 'cluster' || type === 'public_authority' ? acronymOf(name) : null,
      type,
      description: `${description} ${offers}`,
      website: rand() < 0.7 ? `https://www.${slugify(name, 40)}.example` : null,
      email: null,
      country_code: region.countryCode,
      region_code: region.code,
      city: place,
      founded_year: 1950 + Math.floor(rand() * 74),
      status: 'published',
      sample: true,
      size_band: rand() < 0.9 ? weighted(bands, weights) : null,
      offers,
      seeks,
      keywords,
      ecosystems: some(theme.ecosystems, 1, 2),
      s3_areas: rand() < 0.6 ? some(theme.s3, 1, 2) : [],
      nace_codes: naceCodes,
      programmes: [],
      esca_label: escaLabel,
      esca_year: escaLabel ? 2018 + Math.floor(rand() * 6) : null,
      manager_name: type === 'cluster' ? `Manager of ${acronymOf(name)}` : null,
      manager_email: type === 'cluster' ? `manager@${slugify(name, 40)}.example` : null,
      participations:
        type === 'research_centre' || type === 'university'
          ? Math.floor(rand() * 40)
          : rand() < 0.1
            ? Math.floor(rand() * 5)
            : 0,
      published_at: new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString(),
      created_at: new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString(),
      updated_at: new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString(),
    });
    themeOf.push(themeIndex);
    if (type === 'cluster') {
      const list = clustersByRegion.get(region.code) ?? [];
      list.push(index);
      clustersByRegion.set(region.code, list);
    }
  }

  // Members join a cluster of their region, of their theme when there is one.
  const memberships: [number, number][] = [];
  organisations.forEach((o, i) => {
    if (o.type === 'cluster' || o.type === 'public_authority') return;
    const clusters = clustersByRegion.get(o.region_code as string);
    if (!clusters?.length || rand() < 0.4) return;
    const sameTheme = clusters.filter((c) => themeOf[c] === themeOf[i]);
    memberships.push([pick(sameTheme.length ? sameTheme : clusters), i]);
  });
  return { organisations, memberships };
}

function acronymOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-ZÀ-Ý]/.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 8);
}

/** Words users type into the directory search box, for the benchmark's query mix. */
export const SEARCH_TERMS: readonly string[] = [
  ...new Set(THEMES.flatMap((t) => [t.topic.toLowerCase(), ...t.keywords.slice(0, 4)])),
];
