import type { OrganisationType } from '../schema.ts';
import {
  LOMBARDY_CLUSTER_SLUGS,
  MILAN_ORGANISATIONS,
  MILAN_PEOPLE,
  type OrganisationSeed,
  type PersonSeed,
} from './milan2024.ts';
import { type SampleTheme, sampleProfile } from './sample-profiles.ts';

/**
 * Deterministic sample data around the Milan event: the member entities of the Lombardy clusters, a few
 * clusters and agencies elsewhere in Europe, and participants. Same seed, same output: no Math.random,
 * no clock. Everything here is stored with sample = true.
 */

export interface MembershipSeed {
  clusterSlug: string;
  memberSlug: string;
  sinceYear: number;
}

export interface SampleData {
  organisations: OrganisationSeed[];
  memberships: MembershipSeed[];
  people: PersonSeed[];
}

export const SAMPLE_MEMBER_COUNT = 750;
export const SAMPLE_PEOPLE_COUNT = 144;

/** mulberry32: a small seedable PRNG, so the demo is the same on every machine. */
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

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A word list written as one comma-separated block, to keep the file short. */
function list(block: string): string[] {
  return block
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

// Milano weighs more: most member entities of the Lombardy clusters are in the metropolitan area.
const CITIES = ['Milano', 'Milano', 'Milano', 'Bergamo', 'Brescia', 'Monza', 'Como', 'Varese', 'Lecco'];
const MORE_CITIES = ['Cremona', 'Pavia', 'Lodi', 'Mantova', 'Sondrio'];
const ALL_CITIES = [...CITIES, ...MORE_CITIES];
const PLACES = list(`
  Brianza, Lario, Orobica, Adda, Ticino, Olona, Seveso, Valtellina, Franciacorta, Lomellina,
  Oltrepò, Garda, Sebino, Valcamonica, Valseriana, Lambro, Mincio, Oglio, Serio, Ambrosiana,
  Insubrica, Padana, Lombarda, Prealpina, Valsassina, Martesana, Navigli, Brembana, Verbano,
  Alto Milanese
`);
const LEGAL_FORMS = ['S.r.l.', 'S.r.l.', 'S.r.l.', 'S.p.A.', 'S.n.c.', 'S.a.s.'];

type ClusterKey = 'afil' | 'le2c' | 'lgca';
interface Theme {
  roots: string[];
  groups: string[];
  sectors: string[];
  topics: string[];
}
const THEMES: Record<ClusterKey, Theme> = {
  afil: {
    roots: list(`
      Meccanica, Officine, Fonderia, Stampaggi, Automazioni, Componenti, Trafilerie, Minuterie,
      Utensileria, Carpenteria, Robotica, Lavorazioni, Ingranaggi, Valvole, Cablaggi, Stampi,
      Microfusioni, Rettifiche, Sensoristica, Meccatronica, Macchine Utensili
    `),
    groups: list(`
      Imprese Meccaniche, Costruttori di Macchine, Subfornitura Meccanica, Automazione Industriale
    `),
    sectors: list(`
      precision machining, industrial automation, machine tools, metal forming, collaborative robotics,
      additive manufacturing, industrial sensors, mechatronic assemblies, production software
    `),
    topics: list(`
      Manifattura Additiva, Robotica Collaborativa, Sistemi di Produzione, Meccatronica,
      Visione Artificiale, Intelligenza Artificiale per la Manifattura, Materiali Avanzati, Metrologia
    `),
  },
  le2c: {
    roots: list(`
      Energia, Impianti, Termotecnica, Solare, Idrogeno, Efficienza Energetica, Reti Elettriche,
      Cogenerazione, Geotermia, Illuminotecnica, Accumulo, Elettrotecnica, Climatizzazione
    `),
    groups: ['Imprese Energetiche', 'Installatori Impianti', 'Operatori Fotovoltaico', 'Energy Manager'],
    sectors: list(`
      energy efficiency services, photovoltaic systems, hydrogen technologies, smart grids, heat pumps,
      energy storage, district heating
    `),
    topics: ['Accumulo Energetico', 'Idrogeno', 'Reti Energetiche', 'Efficienza Energetica', 'Fotovoltaico'],
  },
  lgca: {
    roots: list(`
      Chimica, Polimeri, Vernici, Biomateriali, Bioplastiche, Detergenti, Resine, Adesivi, Coloranti,
      Biotecnologie, Fermentazioni, Cosmetica, Tensioattivi
    `),
    groups: ['Industrie Chimiche', 'Trasformatori Materie Plastiche', 'Imprese della Bioeconomia'],
    sectors: list(`
      bio-based polymers, specialty chemicals, green solvents, industrial biotechnology,
      recycled plastics, sustainable coatings
    `),
    topics: ['Chimica Verde', 'Biopolimeri', 'Catalisi', 'Economia Circolare', 'Riciclo Chimico'],
  },
};
const CLUSTER_KEYS: ClusterKey[] = ['afil', 'le2c', 'lgca'];
const CLUSTER_WEIGHTS = [0.5, 0.3, 0.2];

const STARTUP_PREFIX = list(`
  Robo, Nano, Circu, Bio, Eco, Hydro, Data, Fab, Quanta, Volt, Mecha, Sense, Opti, Cobo, Verde,
  Lumi, Kine, Ferro, Poli, Terra
`);
const STARTUP_SUFFIX = list(`
  tek, ware, lab, ify, mind, loop, gen, flow, nova, tix, bit, works
`);
const RESEARCH_KINDS = list(`
  Laboratorio, Centro Ricerche, Istituto, Centro di Competenza, Polo Tecnologico
`);
const DISCIPLINES = list(`
  Ingegneria Meccanica, Ingegneria Gestionale, Ingegneria Chimica, Ingegneria Energetica,
  Scienza dei Materiali, Informatica, Ingegneria Elettrica, Chimica Industriale,
  Economia e Management
`);
const ASSOCIATION_KINDS = ['Associazione', 'Rete', 'Distretto', 'Comitato'];
const OTHER_KINDS = ['Consorzio', 'Fondazione', 'Agenzia di Sviluppo'];

// Exact mix of the 750 member entities (60 / 15 / 10 / 5 / 10 %).
const MIX: [OrganisationType, number][] = [
  ['company', 450],
  ['startup', 112],
  ['research_centre', 75],
  ['university', 38],
  ['association', 50],
  ['other', 25],
];

/** NUTS 2021 level-2 regions of the European sample organisations (codes checked against NUTS 2021). */
export const EUROPEAN_SAMPLE_REGIONS: readonly [code: string, label: string, city: string][] = [
  ['DE21', 'Oberbayern', 'München'],
  ['FR10', 'Île-de-France', 'Paris'],
  ['NL33', 'Zuid-Holland', 'Rotterdam'],
  ['ES51', 'Catalunya', 'Barcelona'],
  ['PL91', 'Mazovia', 'Warszawa'],
  ['SE11', 'Stockholm', 'Stockholm'],
  ['AT13', 'Vienna', 'Wien'],
  ['PT17', 'Lisbon', 'Lisboa'],
  ['FI1B', 'Uusimaa', 'Helsinki'],
  ['DK01', 'Hovedstaden', 'København'],
  ['CZ01', 'Prague', 'Praha'],
  ['EL30', 'Attica', 'Athina'],
  ['DE30', 'Berlin', 'Berlin'],
  ['ES30', 'Madrid', 'Madrid'],
  ['AT22', 'Styria', 'Graz'],
  ['SI04', 'Western Slovenia', 'Ljubljana'],
  ['BE21', 'Antwerp', 'Antwerpen'],
  ['ITH5', 'Emilia-Romagna', 'Bologna'],
  ['ITC1', 'Piedmont', 'Torino'],
  ['IE06', 'Eastern and Midland', 'Dublin'],
];
const EU_THEMES = list(`
  Advanced Manufacturing, Clean Energy, Green Chemistry, Digital Industry, Smart Mobility,
  Life Sciences, Agrifood, Smart Materials, Photonics, Circular Economy
`);
const EU_SECOND: [string, OrganisationType][] = [
  ['Regional Innovation Agency', 'public_authority'],
  ['Digital Innovation Hub', 'innovation_hub'],
  ['Industrial Research Centre', 'research_centre'],
  ['Business Development Agency', 'public_authority'],
];

const IT_FIRST = list(`
  Marco, Giulia, Luca, Francesca, Andrea, Chiara, Matteo, Sara, Alessandro, Elena, Davide,
  Valentina, Stefano, Federica, Paolo, Silvia, Simone, Laura, Roberto, Martina, Giorgio, Anna,
  Riccardo, Elisa, Fabio, Paola, Lorenzo, Serena, Daniele, Marta
`);
const IT_LAST = list(`
  Rossi, Brambilla, Fumagalli, Galli, Rota, Ferrari, Bianchi, Cattaneo, Locatelli, Bonfanti,
  Mapelli, Sala, Pozzi, Riva, Mariani, Villa, Longoni, Crippa, Brivio, Radaelli, Ghezzi, Pirovano,
  Gatti, Moretti, Barzaghi, Colnaghi, Bassi, Vitali
`);
/** First names / surnames by country, one country a line: "CC: first, … / last, …". */
const EU_NAMES: Record<string, [string[], string[]]> = Object.fromEntries(
  `DE: Anna, Lukas, Jonas, Lena / Müller, Schneider, Fischer, Weber
  FR: Camille, Julien, Claire, Thomas / Martin, Bernard, Dubois, Laurent
  NL: Sanne, Daan, Eva, Bram / de Vries, Jansen, Bakker, Visser
  ES: Lucía, Javier, Marta, Pablo / García, Martínez, López, Sánchez
  PL: Agnieszka, Piotr, Katarzyna, Tomasz / Nowak, Kowalski, Wiśniewska, Zieliński
  SE: Karin, Erik, Sara, Johan / Andersson, Johansson, Lindberg, Nilsson
  AT: Katharina, Florian, Julia, Stefan / Gruber, Huber, Wagner, Pichler
  PT: Inês, João, Ana, Tiago / Silva, Santos, Ferreira, Costa
  FI: Aino, Mikko, Laura, Antti / Virtanen, Korhonen, Mäkinen, Nieminen
  DK: Mette, Rasmus, Sofie, Mads / Nielsen, Jensen, Hansen, Pedersen
  CZ: Tereza, Jakub, Lucie, Martin / Novák, Svoboda, Dvořák, Černý
  EL: Eleni, Giorgos, Maria, Nikos / Papadopoulos, Georgiou, Nikolaou, Dimitriou
  SI: Nina, Luka, Maja, Jan / Novak, Horvat, Kovačič, Krajnc
  BE: Lotte, Pieter, Elise, Wout / Peeters, Janssens, Maes, Claes
  IE: Aoife, Conor, Siobhán, Ciarán / Murphy, O'Brien, Kelly, Byrne`
    .split('\n')
    .map((line) => {
      const [country, rest] = line.trim().split(': ') as [string, string];
      const [firsts, lasts] = rest.split(' / ') as [string, string];
      return [country, [list(firsts), list(lasts)]];
    }),
);
const JOB_TITLES: Record<OrganisationType, string[]> = {
  company: ['CEO', 'R&D Manager', 'Innovation Manager', 'Head of Operations', 'Export Manager', 'CTO'],
  startup: ['Founder & CEO', 'Co-founder & CTO', 'Head of Product', 'Business Developer'],
  research_centre: ['Senior Researcher', 'Head of Laboratory', 'Technology Transfer Officer'],
  university: ['Associate Professor', 'Full Professor', 'Research Fellow'],
  association: ['Director', 'Project Manager', 'Secretary General'],
  other: ['Director', 'Project Manager', 'Programme Officer'],
  cluster: ['Cluster Manager', 'International Project Manager', 'Policy Officer'],
  public_authority: ['Policy Officer', 'Head of Innovation Unit', 'Programme Manager'],
  innovation_hub: ['Innovation Consultant', 'Hub Manager', 'Digital Transformation Advisor'],
};

function sampleOrg(
  name: string,
  type: OrganisationType,
  regionCode: string,
  city: string,
  foundedYear: number,
  description: string,
): OrganisationSeed {
  return {
    slug: slugify(name),
    name,
    acronym: null,
    type,
    description,
    website: null,
    city,
    regionCode,
    foundedYear,
  };
}

export function generateSample(seed = 20240326): SampleData {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const weighted = <T>(xs: readonly T[], ws: readonly number[]): T => {
    let r = rand();
    for (let i = 0; i < xs.length; i++) {
      r -= ws[i]!;
      if (r < 0) return xs[i]!;
    }
    return xs[xs.length - 1]!;
  };

  const takenNames = new Set(MILAN_ORGANISATIONS.map((o) => o.name.toLowerCase()));
  const takenSlugs = new Set(MILAN_ORGANISATIONS.map((o) => o.slug));
  /** Draws names until one is new: the word lists are large enough that this ends quickly. */
  const uniqueName = (make: () => string): string => {
    for (;;) {
      const name = make();
      const slug = slugify(name);
      if (!takenNames.has(name.toLowerCase()) && !takenSlugs.has(slug)) {
        takenNames.add(name.toLowerCase());
        takenSlugs.add(slug);
        return name;
      }
    }
  };

  const companyBases = new Set<string>();
  const organisations: OrganisationSeed[] = [];
  const memberships: MembershipSeed[] = [];
  const types = MIX.flatMap(([type, n]) => Array.from({ length: n }, () => type));
  for (let i = types.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [types[i], types[j]] = [types[j]!, types[i]!];
  }

  for (const type of types) {
    const cluster = weighted(CLUSTER_KEYS, CLUSTER_WEIGHTS);
    const theme = THEMES[cluster];
    let city = rand() < 0.8 ? pick(CITIES) : pick(MORE_CITIES);
    const sector = pick(theme.sectors);
    let name: string;
    let description: string;
    let founded: number;
    switch (type) {
      case 'company': {
        // One company per root and place, whatever its legal form.
        let base = `${pick(theme.roots)} ${pick(PLACES)}`;
        while (companyBases.has(base)) base = `${pick(theme.roots)} ${pick(PLACES)}`;
        companyBases.add(base);
        name = uniqueName(() => `${base} ${pick(LEGAL_FORMS)}`);
        founded = int(1950, 2015);
        description = `Company based in ${city}, active in ${sector}.`;
        break;
      }
      case 'startup':
        name = uniqueName(() => `${pick(STARTUP_PREFIX)}${pick(STARTUP_SUFFIX)}`);
        founded = int(2016, 2023);
        description = `Innovative start-up from ${city} developing solutions in ${sector}.`;
        break;
      case 'research_centre':
        name = uniqueName(() => {
          const base = `${pick(RESEARCH_KINDS)} ${pick(theme.topics)}`;
          if (rand() < 0.4) return base;
          city = pick(ALL_CITIES);
          return `${base} ${city}`;
        });
        founded = int(1970, 2020);
        description = `Applied research centre in ${city} working with industry on ${sector}.`;
        break;
      case 'university':
        name = uniqueName(() => {
          city = pick(ALL_CITIES);
          return `Dipartimento di ${pick(DISCIPLINES)} – Campus di ${city}`;
        });
        founded = int(1960, 2010);
        description = `University department with research groups on ${sector} and related engineering fields.`;
        break;
      case 'association':
        name = uniqueName(() => `${pick(ASSOCIATION_KINDS)} ${pick(theme.groups)} ${pick(PLACES)}`);
        founded = int(1975, 2020);
        description = `Business association representing companies in ${sector} around ${city}.`;
        break;
      default:
        name = uniqueName(() => `${pick(OTHER_KINDS)} ${pick(theme.topics)} ${pick(PLACES)}`);
        founded = int(1985, 2021);
        description = `Non-profit body in ${city} promoting projects and skills in ${sector}.`;
    }
    const slug = slugify(name);
    organisations.push({
      ...sampleOrg(name, type, 'ITC4', city, founded, description),
      profile: sampleProfile(slug, type, cluster, { sector }),
    });
    const join = (key: ClusterKey | 'cfi') =>
      memberships.push({
        clusterSlug: LOMBARDY_CLUSTER_SLUGS[key],
        memberSlug: slug,
        sinceYear: int(Math.max(founded, 2013), 2024),
      });
    join(cluster);
    // About one in five also belongs to a second regional cluster.
    if (rand() < 0.2) join(pick(CLUSTER_KEYS.filter((k) => k !== cluster)));
    // Manufacturing members often join the national cluster too.
    if (cluster === 'afil' && rand() < 0.25) join('cfi');
  }
  const lombardMembers = organisations.slice();

  const europeans: OrganisationSeed[] = [];
  EUROPEAN_SAMPLE_REGIONS.forEach(([regionCode, label, city], i) => {
    const theme = EU_THEMES[i % EU_THEMES.length]!;
    const clusterName = uniqueName(() => `${label} ${theme} Cluster`);
    const about = `Regional cluster organisation for ${theme.toLowerCase()} in ${label}.`;
    const cluster = sampleOrg(clusterName, 'cluster', regionCode, city, int(1995, 2018), about);
    const [managerFirsts, managerLasts] = EU_NAMES[regionCode.slice(0, 2)] ?? [IT_FIRST, IT_LAST];
    const managerName = `${managerFirsts[i % managerFirsts.length]} ${managerLasts[i % managerLasts.length]}`;
    cluster.profile = sampleProfile(cluster.slug, 'cluster', theme as SampleTheme, {
      clusterIndex: i,
      managerName,
    });
    europeans.push(cluster);
    const [kind, type] = EU_SECOND[i % EU_SECOND.length]!;
    const name = uniqueName(() => `${kind} ${label}`);
    const what = `${kind} supporting companies and clusters in ${label}.`;
    const second = sampleOrg(name, type, regionCode, city, int(1990, 2020), what);
    second.profile = sampleProfile(second.slug, type, theme as SampleTheme);
    europeans.push(second);
  });
  organisations.push(...europeans);

  const takenPeople = new Set(MILAN_PEOPLE.map((p) => p.slug));
  const people: PersonSeed[] = [];
  const addPerson = (o: OrganisationSeed) => {
    const [firsts, lasts] = EU_NAMES[o.regionCode.slice(0, 2)] ?? [IT_FIRST, IT_LAST];
    let fullName = `${pick(firsts)} ${pick(lasts)}`;
    while (takenPeople.has(slugify(fullName))) fullName = `${pick(firsts)} ${pick(lasts)}`;
    const slug = slugify(fullName);
    takenPeople.add(slug);
    const jobTitle = pick(JOB_TITLES[o.type]);
    people.push({
      slug,
      fullName,
      honorific: jobTitle.endsWith('Professor') ? 'Prof.' : null,
      jobTitle,
      organisationSlug: o.slug,
      bio: `${jobTitle} at ${o.name}${o.city ? `, ${o.city}` : ''}.`,
    });
  };
  // One participant from each European organisation, the rest from the Lombardy members.
  for (const o of europeans) addPerson(o);
  while (people.length < SAMPLE_PEOPLE_COUNT) addPerson(pick(lombardMembers));

  return { organisations, memberships, people };
}
