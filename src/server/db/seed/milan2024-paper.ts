import type { EventDemoPart } from './event-demo.ts';
import { MILAN_EVENT } from './milan2024.ts';

/**
 * The Input Paper's introduction for the Milan event's host region (Lombardy), as demo text: it states
 * only what the event's own public record says (milan2024.ts) and holds no figure, since the paper takes
 * every figure from the database with its source. The other sections stay unwritten, so the paper shows
 * their placeholders; nothing here is the region's own analysis, and the paper marks it as demo text.
 */
const INTRODUCTION = {
  en: [
    'Lombardy hosted the "Clusters meet Regions" workshop in Milan on 26 and 27 March 2024, the first edition ' +
      'of the series held in Italy. The European Cluster Collaboration Platform organised it on behalf of the ' +
      'European Commission, with Regione Lombardia and AFIL, the Lombardy Intelligent Factory Association, under ' +
      'the theme "Twin Transition: Italian ecosystems and the European agenda for sustainability".',
    "The workshop looked at Lombardy's advanced manufacturing ecosystem, at the role of clusters in the " +
      'regional Smart Specialisation Strategy, at bringing research and industry together, and at artificial ' +
      'intelligence in manufacturing.',
    'The figures in the sections that follow come from the Nexum database, each with its source and year. ' +
      'The sections on megatrends, challenges and outlook are for the region’s editors to write.',
  ],
  it: [
    'La Lombardia ha ospitato il workshop "Clusters meet Regions" a Milano il 26 e 27 marzo 2024, la prima ' +
      'edizione della serie tenuta in Italia. Lo ha organizzato la European Cluster Collaboration Platform per ' +
      'conto della Commissione europea, con Regione Lombardia e AFIL, l’Associazione Fabbrica Intelligente ' +
      'Lombardia, sul tema "Twin Transition: Italian ecosystems and the European agenda for sustainability".',
    'Il workshop ha trattato l’ecosistema lombardo della manifattura avanzata, il ruolo dei cluster nella ' +
      'Strategia di specializzazione intelligente regionale, l’incontro tra ricerca e industria e ' +
      'l’intelligenza artificiale nella manifattura.',
    'I dati delle sezioni che seguono provengono dalla banca dati di Nexum, ciascuno con fonte e anno. Le ' +
      'sezioni su megatendenze, sfide e prospettive sono da scrivere a cura dei redattori della regione.',
  ],
} as const;

export const milan2024Paper: EventDemoPart = async (trx) => {
  await trx
    .insertInto('region_paper_sections')
    .values(
      (['en', 'it'] as const).map((language) => ({
        region_code: MILAN_EVENT.hostRegionCode,
        section: 'introduction' as const,
        language,
        version: 1,
        body: INTRODUCTION[language].join('\n\n'),
        sample: true,
        author: null,
      })),
    )
    .execute();
};
