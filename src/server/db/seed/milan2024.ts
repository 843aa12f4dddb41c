import type { Ecosystem } from '../../../shared/ecosystems.ts';
import type { EscaLabel, EventPersonRole, OrganisationType, SizeBand } from '../schema.ts';
import { MILAN_PROFILES } from './milan2024-profiles.ts';

/**
 * Real records of the demo: the ECCP "Clusters meet Regions" workshop in Milan, 26–27 March 2024, as
 * reported publicly by the European Cluster Collaboration Platform (event summary of 5 April 2024) and
 * the Lombardy press. Pure data: seed.ts inserts it. A fact not found in those sources is left null.
 */

export interface OrganisationSeed {
  slug: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  description: string;
  website: string | null;
  city: string | null;
  /** NUTS 2021 level-2 code; the country is its two-letter prefix. */
  regionCode: string;
  foundedYear: number | null;
  profile?: ProfileSeed;
}

/** The directory fields of a profile; anything not known stays empty. */
export interface ProfileSeed {
  keywords?: string[];
  ecosystems?: Ecosystem[];
  /** NACE Rev. 2.1 codes as published: '20', '85.4', '71.20'. */
  naceCodes?: string[];
  s3Areas?: string[];
  sizeBand?: SizeBand;
  escaLabel?: EscaLabel;
  escaYear?: number;
  offers?: string;
  seeks?: string;
  programmes?: string[];
  managerName?: string;
  managerEmail?: string;
  participations?: number;
}

export interface PersonSeed {
  slug: string;
  fullName: string;
  honorific: string | null;
  jobTitle: string | null;
  organisationSlug: string | null;
  bio: string;
}

export interface EventPersonSeed extends PersonSeed {
  role: EventPersonRole;
}

export interface EventSeed {
  slug: string;
  title: string;
  summary: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  city: string;
  hostRegionCode: string;
  status: 'draft' | 'published' | 'cancelled';
  reportedParticipants: number;
  website: string | null;
}

export const MILAN_EVENT: EventSeed = {
  slug: 'clusters-meet-regions-milan-2024',
  title: 'Clusters meet Regions — Milan',
  summary:
    'The first "Clusters meet Regions" workshop held in Italy: two days in Milan on the twin transition ' +
    "of Lombardy's industrial ecosystem, organised by the European Cluster Collaboration Platform with " +
    'Regione Lombardia and AFIL, with over 160 participants from across Europe.',
  description: [
    '"Clusters meet Regions" is a series of transnational workshops that the European Cluster ' +
      'Collaboration Platform (ECCP) runs on behalf of the European Commission. Each edition brings cluster ' +
      'organisations together with policymakers at EU, national, regional and local level in a host region, ' +
      'to learn from each other how clusters can strengthen industrial ecosystems and drive regional ' +
      'economic transition. The Milan edition, on 26 and 27 March 2024, was the first held in Italy. It was ' +
      'organised with Regione Lombardia and AFIL, the Lombardy Intelligent Factory Association, under the ' +
      'theme "Twin Transition: Italian ecosystems and the European agenda for sustainability".',
    'Over two days, more than 160 participants followed opening remarks, keynotes and panel discussions on ' +
      'how well national and regional strategies work on the ground, on ecosystem models and on good ' +
      "practices from Italian and European regions. The focus was Lombardy's advanced manufacturing " +
      'ecosystem: the region has coordinated technology clusters since 2012, whose some 750 member entities ' +
      'span companies, research centres and universities. Sessions covered the role of clusters in the ' +
      'regional Smart Specialisation Strategy, bringing research and industry together, and artificial ' +
      'intelligence in manufacturing; an Input Paper on the host region was prepared for the event.',
    'Between sessions, start-ups and European projects pitched their work, and participants met in ' +
      'networking sessions, pre-arranged B2B meetings and site visits. The second day opened with a panel on ' +
      "smart communities and the citizens' perspective on sustainability. In the closing remarks the " +
      'European Commission announced the Euroclusters call as the next opportunity for the cluster community.',
  ].join('\n\n'),
  // 26 March 2024 is before the switch to summer time (31 March): Rome is UTC+1 on both days.
  startsAt: '2024-03-26T09:00:00+01:00',
  endsAt: '2024-03-27T17:30:00+01:00',
  timeZone: 'Europe/Rome',
  // venue: plausible, check against the report. A Lombardy press note (mi-lorenteggio.com, 26 March
  // 2024) places day 2 at Palazzo Lombardia, Sala Biagi, Piazza Città di Lombardia 1; day 1 unconfirmed.
  venueName: 'Palazzo Lombardia',
  venueAddress: 'Piazza Città di Lombardia 1, 20124 Milano',
  city: 'Milan',
  hostRegionCode: 'ITC4',
  status: 'published',
  reportedParticipants: 160,
  website: 'https://clustercollaboration.eu/content/clusters-meet-regions-milan-italy',
};

type OrganisationRow = [
  slug: string,
  name: string,
  acronym: string | null,
  type: OrganisationType,
  regionCode: string,
  city: string | null,
  foundedYear: number | null,
];

// Where a value is assumed rather than sourced, the comment says so.
const ORGANISATION_ROWS: readonly OrganisationRow[] = [
  ['eccp', 'European Cluster Collaboration Platform', 'ECCP', 'association', 'BE10', 'Brussels', null],
  ['regione-lombardia', 'Regione Lombardia', null, 'public_authority', 'ITC4', 'Milano', null],
  ['afil', 'Associazione Fabbrica Intelligente Lombardia', 'AFIL', 'cluster', 'ITC4', 'Milano', 2013],
  // city/region as given in the brief (CFI based in Rome): check.
  ['cluster-fabbrica-intelligente', 'Cluster Fabbrica Intelligente', 'CFI', 'cluster', 'ITI4', 'Roma', null],
  ['politecnico-di-milano', 'Politecnico di Milano', 'POLIMI', 'university', 'ITC4', 'Milano', 1863],
  [
    'universita-di-bergamo',
    'Università degli Studi di Bergamo',
    'UniBg',
    'university',
    'ITC4',
    'Bergamo',
    1968,
  ],
  ['european-commission', 'European Commission', 'EC', 'public_authority', 'BE10', 'Brussels', null],
  [
    'ivace',
    'Instituto Valenciano de Competitividad Empresarial',
    'IVACE',
    'public_authority',
    'ES52',
    'València',
    null,
  ],
  [
    'european-clusters-alliance',
    'European Clusters Alliance',
    'ECA',
    'association',
    'BE10',
    'Brussels',
    null,
  ],
  ['world-economic-forum', 'World Economic Forum', 'WEF', 'other', 'CH01', 'Cologny', 1971],
  [
    'eit',
    'European Institute of Innovation and Technology',
    'EIT',
    'public_authority',
    'HU11',
    'Budapest',
    2008,
  ],
  // city assumed (Milan).
  [
    'digital-innovation-hub-lombardia',
    'Digital Innovation Hub Lombardia',
    null,
    'innovation_hub',
    'ITC4',
    'Milano',
    null,
  ],
  ['mind-the-bridge', 'Mind the Bridge', null, 'company', 'ITC4', 'Milano', null],
  // type unverified ('other'); region assumed (Lombardy).
  ['valore-italia', 'Valore Italia', null, 'other', 'ITC4', null, null],
  [
    'mind-milano-innovation-district',
    'MIND Milano Innovation District',
    'MIND',
    'innovation_hub',
    'ITC4',
    'Milano',
    null,
  ],
  // type and region assumed from the name and the event (Lombardy).
  [
    'retail-industry-emea-digital-solution',
    'Retail&Industry EMEA Digital Solution',
    null,
    'company',
    'ITC4',
    null,
    null,
  ],
  // region assumed (Lombardy).
  ['icim-group', 'ICIM Group', 'ICIM', 'company', 'ITC4', null, null],
  [
    'lombardy-energy-cleantech-cluster',
    'Lombardy Energy Cleantech Cluster',
    'LE2C',
    'cluster',
    'ITC4',
    'Milano',
    null,
  ],
  [
    'lombardy-green-chemistry-association',
    'Lombardy Green Chemistry Association',
    'LGCA',
    'cluster',
    'ITC4',
    'Milano',
    null,
  ],
  // Start-ups that pitched at the event: region assumed (Lombardy), city unknown.
  ['snowit', 'SnowIt', null, 'startup', 'ITC4', null, null],
  ['siwego', 'SiWeGo', null, 'startup', 'ITC4', null, null],
  ['h3cube', 'H3CUBE', null, 'startup', 'ITC4', null, null],
  ['btf-ski-system', 'BTF-SKI SYSTEM', null, 'startup', 'ITC4', null, null],
];

const WEBSITES: Readonly<Record<string, string>> = {
  eccp: 'https://clustercollaboration.eu',
  'regione-lombardia': 'https://www.regione.lombardia.it',
  afil: 'https://www.afil.it',
  'cluster-fabbrica-intelligente': 'https://www.fabbricaintelligente.it',
  'politecnico-di-milano': 'https://www.polimi.it',
  'universita-di-bergamo': 'https://www.unibg.it',
  'european-commission': 'https://commission.europa.eu',
  ivace: 'https://www.ivace.es',
  'world-economic-forum': 'https://www.weforum.org',
  eit: 'https://eit.europa.eu',
  'mind-the-bridge': 'https://mindthebridge.com',
};

const PITCHED = 'Start-up that pitched at Clusters meet Regions — Milan 2024.';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  eccp:
    'EU initiative run on behalf of the European Commission that helps cluster organisations find each ' +
    'other and collaborate across Europe; it organises the "Clusters meet Regions" workshops.',
  'regione-lombardia':
    "Regional government of Lombardy, Italy's largest regional economy. Since 2012 it has coordinated " +
    'regional technology clusters in the areas of its Smart Specialisation Strategy.',
  afil:
    "Lombardy Intelligent Factory Association, the region's technology cluster for advanced manufacturing, " +
    'established in 2013. Its open "Strategic Communities" bring companies, universities and research ' +
    'centres together on digitalisation, circular economy and sustainable manufacturing.',
  'cluster-fabbrica-intelligente':
    'Italian national technology cluster for advanced manufacturing, an association of companies, ' +
    'universities, research centres and regions that shapes the national research and innovation ' +
    'roadmap for manufacturing.',
  'politecnico-di-milano':
    'Technical university founded in 1863, the largest in Italy for engineering, architecture and ' +
    'design, with a long record of research on manufacturing systems.',
  'universita-di-bergamo':
    'Public university in Bergamo whose engineering departments work on industrial and manufacturing ' +
    'management research.',
  'european-commission':
    'Executive of the European Union. Its Directorate-General for Internal Market, Industry, ' +
    'Entrepreneurship and SMEs (DG GROW) leads EU cluster policy, including the Euroclusters.',
  ivace:
    "The Valencian regional government's agency for business competitiveness and innovation, which " +
    'supports the cluster associations of the Comunitat Valenciana.',
  'european-clusters-alliance':
    'European network of national and regional cluster associations that speaks for cluster ' +
    'organisations towards the EU institutions.',
  'world-economic-forum':
    'International organisation for public-private cooperation, based in Cologny near Geneva; its ' +
    'manufacturing work includes the Global Lighthouse Network of advanced factories.',
  eit:
    "EU body, set up in 2008, that strengthens Europe's ability to innovate through its Knowledge and " +
    'Innovation Communities, among them EIT Manufacturing.',
  'digital-innovation-hub-lombardia':
    'Digital innovation hub that helps Lombardy companies, above all SMEs, with their digital transformation.',
  'mind-the-bridge':
    'Innovation advisory firm that connects large companies with start-ups and publishes research on ' +
    'start-up ecosystems; it has offices in Milan.',
  'valore-italia':
    'Organisation from Lombardy represented on the smart communities panel of the Milan workshop.',
  'mind-milano-innovation-district':
    'Innovation district on the former Expo 2015 site in north-west Milan, where research institutions, ' +
    'a hospital, a university campus and companies are settling side by side.',
  'retail-industry-emea-digital-solution':
    'Company providing digital solutions for retail and industry across Europe, the Middle East and Africa.',
  'icim-group': 'Italian certification, inspection and testing group serving manufacturing companies.',
  'lombardy-energy-cleantech-cluster':
    "Lombardy's technology cluster for energy and clean technologies, joining companies, research " +
    'organisations and universities.',
  'lombardy-green-chemistry-association':
    "Lombardy's technology cluster for green chemistry and the bio-based economy.",
  snowit: PITCHED,
  siwego: PITCHED,
  h3cube: PITCHED,
  'btf-ski-system': PITCHED,
};

export const MILAN_ORGANISATIONS: readonly OrganisationSeed[] = ORGANISATION_ROWS.map(
  ([slug, name, acronym, type, regionCode, city, foundedYear]) => ({
    slug,
    name,
    acronym,
    type,
    regionCode,
    city,
    foundedYear,
    website: WEBSITES[slug] ?? null,
    description: DESCRIPTIONS[slug] ?? '',
    ...(MILAN_PROFILES[slug] ? { profile: MILAN_PROFILES[slug] } : {}),
  }),
);

/** Organisers of the event, in the order the report names them. */
export const MILAN_ORGANISERS: readonly string[] = ['eccp', 'regione-lombardia', 'afil'];

/** The clusters whose members the sample generator creates. */
export const LOMBARDY_CLUSTER_SLUGS = {
  afil: 'afil',
  le2c: 'lombardy-energy-cleantech-cluster',
  lgca: 'lombardy-green-chemistry-association',
  cfi: 'cluster-fabbrica-intelligente',
} as const;

function person(
  role: EventPersonRole,
  slug: string,
  fullName: string,
  organisationSlug: string | null,
  jobTitle: string | null = null,
  honorific: string | null = null,
): EventPersonSeed {
  return { role, slug, fullName, honorific, jobTitle, organisationSlug, bio: '' };
}

/** Speakers in programme order; affiliations and titles only where a public source gives them. */
export const MILAN_PEOPLE: readonly EventPersonSeed[] = [
  person(
    'speaker',
    'elisabetta-confalonieri',
    'Elisabetta Confalonieri',
    'regione-lombardia',
    'General Manager for University, Research and Innovation',
  ),
  person('speaker', 'christian-colombo', 'Christian Colombo', 'afil'),
  person('speaker', 'gianluigi-viscardi', 'Gianluigi Viscardi', 'cluster-fabbrica-intelligente', 'President'),
  person('speaker', 'tullio-tolio', 'Tullio Tolio', 'politecnico-di-milano', 'Professor', 'Prof.'),
  person('panellist', 'jose-vilar', 'José Vilar', 'ivace'),
  person('panellist', 'marcello-urgo', 'Marcello Urgo', 'politecnico-di-milano', 'Professor', 'Prof.'),
  person('panellist', 'fabiana-pirola', 'Fabiana Pirola', 'universita-di-bergamo', 'Professor', 'Prof.'),
  person('moderator', 'antonio-novo', 'Antonio Novo', 'european-clusters-alliance'),
  person('panellist', 'kyle-winters', 'Kyle Winters', 'world-economic-forum'),
  // Day 2 smart communities panel: affiliations and titles from the Lombardy press note of 26 March 2024.
  person(
    'panellist',
    'pierluigi-petrali',
    'Pierluigi Petrali',
    'digital-innovation-hub-lombardia',
    'Director',
  ),
  person(
    'panellist',
    'massimiliano-brigonzi',
    'Massimiliano Brigonzi',
    'mind-the-bridge',
    'Research & Design Team Lead',
  ),
  person('panellist', 'beatrice-diano', 'Beatrice Diano', 'valore-italia', 'Project Manager'),
  person('panellist', 'marcello-colledani', 'Marcello Colledani', 'politecnico-di-milano'),
  // Affiliations of the next four are not in the sources at hand: left null rather than guessed.
  person('panellist', 'alessandra-grimoldi', 'Alessandra Grimoldi', null),
  person('panellist', 'michele-petti', 'Michele Petti', null),
  person('panellist', 'fabrizio-guarrasi', 'Fabrizio Guarrasi', null),
  person('panellist', 'ilaria-re', 'Ilaria Re', null),
  person('speaker', 'marek-przeor', 'Marek Przeor', 'european-commission'),
];
