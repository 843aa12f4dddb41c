import type { ProfileSeed } from './milan2024.ts';

/**
 * Directory fields of the real organisations of milan2024.ts, only where their descriptions (or what
 * they are) make them plainly right: a university teaches (NACE 85.4) and does research (72.1), LGCA is
 * about green chemistry.
 * No ESCA labels, sizes, S3 areas or contacts are invented for real organisations.
 */
export const MILAN_PROFILES: Readonly<Record<string, ProfileSeed>> = {
  eccp: { keywords: ['cluster cooperation', 'internationalisation', 'matchmaking'] },
  'regione-lombardia': {
    keywords: ['regional policy', 'smart specialisation', 'technology clusters'],
    naceCodes: ['84.1'],
  },
  afil: {
    keywords: ['advanced manufacturing', 'digitalisation', 'circular economy', 'sustainable manufacturing'],
    naceCodes: ['94.11'],
  },
  'cluster-fabbrica-intelligente': {
    keywords: ['advanced manufacturing', 'research and innovation roadmap'],
    naceCodes: ['94.11'],
    programmes: ['Italian national technology clusters'],
  },
  'politecnico-di-milano': {
    keywords: ['engineering', 'architecture', 'design', 'manufacturing systems', 'research'],
    naceCodes: ['85.4', '72.1'],
    sizeBand: 'large',
  },
  'universita-di-bergamo': {
    keywords: ['engineering', 'industrial management', 'manufacturing management', 'research'],
    naceCodes: ['85.4', '72.1'],
  },
  'european-commission': { keywords: ['EU policy', 'cluster policy', 'Euroclusters'], sizeBand: 'large' },
  ivace: {
    keywords: ['business competitiveness', 'innovation', 'cluster associations'],
    naceCodes: ['84.1'],
  },
  'european-clusters-alliance': {
    keywords: ['cluster associations', 'cluster policy', 'networking'],
    naceCodes: ['94.11'],
  },
  'world-economic-forum': { keywords: ['public-private cooperation', 'advanced manufacturing'] },
  eit: { keywords: ['innovation communities', 'EIT Manufacturing', 'innovation'] },
  'digital-innovation-hub-lombardia': {
    keywords: ['digital transformation', 'SMEs'],
    ecosystems: ['digital'],
  },
  'mind-the-bridge': {
    keywords: ['open innovation', 'start-ups', 'corporate innovation'],
    naceCodes: ['70.2'],
  },
  'mind-milano-innovation-district': { keywords: ['innovation district', 'research', 'life sciences'] },
  'retail-industry-emea-digital-solution': {
    keywords: ['digital solutions', 'retail', 'industry'],
    ecosystems: ['digital', 'retail'],
  },
  'icim-group': { keywords: ['certification', 'inspection', 'testing'], naceCodes: ['71.20'] },
  'lombardy-energy-cleantech-cluster': {
    keywords: ['energy', 'clean technologies', 'cleantech'],
    ecosystems: ['renewable_energy'],
    naceCodes: ['94.11'],
  },
  'lombardy-green-chemistry-association': {
    keywords: ['green chemistry', 'bio-based', 'bioeconomy'],
    ecosystems: ['energy_intensive'],
    naceCodes: ['94.11'],
  },
};
