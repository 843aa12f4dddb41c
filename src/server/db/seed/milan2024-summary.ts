import type { Kysely } from 'kysely';
import { sanitizeSummaryHtml } from '../../../features/events/summary.sanitize.ts';
import type { DB } from '../schema.ts';
import type { EventDemoPart } from './event-demo.ts';

/**
 * The summary of the Milan demo, written from the public ECCP event summary "Clusters meet Regions in
 * Milan: Navigating the Twin Transition & Innovation" (5 April 2024) and the programme, in our own words.
 * - The two quotes are the report's own words, quoted verbatim there; no other words are attributed to
 *   anyone. Quotes we could not check word for word are left out rather than paraphrased.
 * - The six megatrends the report names are not listed: we could not verify their wording.
 * - No photos (the gallery stays empty rather than show invented pictures); no recordings link and no
 *   Input Paper link, as we know no public address for them. The report itself is linked.
 */
export const ECCP_SUMMARY_URL =
  'https://clustercollaboration.eu/content/clusters-meet-regions-milan-navigating-twin-transition-innovation';

const ARTICLE = `
<p>The first Clusters meet Regions workshop of 2024, and the first ever held in Italy, brought over 160
participants from across Europe to Milan on 26 and 27 March 2024. Organised by the European Cluster
Collaboration Platform with Regione Lombardia and AFIL, it looked at the twin transition, sustainability
and digitalisation, through Lombardy's complex industrial landscape: ecosystem models, clusters and
innovation strategies, the EU's role in building competitive advantages, and research and industry working
together for sustainable growth.</p>
<h2>Day 1: clusters, regions and research</h2>
<ul>
<li>Opening remarks by <strong>Elisabetta Confalonieri</strong>, Regione Lombardia, on the role of clusters
in the regional Smart Specialisation Strategy (S3) and on a collaborative ecosystem of some 750 member
entities: companies, research centres and universities.</li>
<li><strong>Christian Colombo</strong>, AFIL, and <strong>Gianluigi Viscardi</strong>, Cluster Fabbrica
Intelligente, on how EU initiatives can make manufacturing more competitive and sustainable.</li>
<li>A keynote by <strong>Prof. Tullio Tolio</strong> and the presentation of the Input Paper on Lombardy.</li>
<li>Panels on ecosystem models, with José Vilar (IVACE); on research and industry, with Prof. Marcello Urgo
and Prof. Fabiana Pirola on the research and innovation priorities for artificial intelligence in
manufacturing; and on interregional collaboration, moderated by Antonio Novo (European Clusters Alliance)
with Kyle Winters (World Economic Forum).</li>
<li>Start-up pitches: <em>SnowIt</em>, <em>SiWeGo</em>, <em>H3CUBE</em> and <em>BTF-SKI SYSTEM</em>,
followed by networking.</li>
</ul>
<h2>Day 2: communities and industrial sustainability</h2>
<ul>
<li>A panel on smart communities and the citizens' perspective on sustainability, with Pierluigi Petrali,
Massimiliano Brigonzi and Beatrice Diano.</li>
<li>Project pitches, and a panel on the enablers of industrial sustainability with Marcello Colledani,
Alessandra Grimoldi, Michele Petti, Fabrizio Guarrasi and Ilaria Re.</li>
<li>Site visits to MIND Milano Innovation District and the Vanguard ESM pilot plenary.</li>
</ul>
<h2>Next: the Euroclusters call</h2>
<p>In the closing remarks, Marek Przeor of the European Commission announced the Euroclusters call as the
next opportunity for the cluster community.</p>
<p>Source: the <a href="${ECCP_SUMMARY_URL}">ECCP event summary of 5 April 2024</a>.</p>
`;

/** Verbatim in the ECCP summary, which prints them in quotation marks with the speaker's name. */
const QUOTES = [
  {
    person: 'elisabetta-confalonieri',
    text: 'Clusters carry out an important function in mapping the area of specialisation and ecosystems of innovation identified by the Smart Specialisation Strategy (S3).',
    context: 'Opening remarks, day 1 (as quoted in the ECCP event summary)',
  },
  {
    person: 'christian-colombo',
    text: 'We need to create new competitive advantages.',
    context: 'On EU initiatives for manufacturing, day 1 (as quoted in the ECCP event summary)',
  },
];

const THEMES = [
  'Twin transition',
  'Sustainability',
  'Digitalisation',
  'Advanced manufacturing',
  'Smart Specialisation',
  'AI in manufacturing',
];

export const milan2024Summary: EventDemoPart = async (trx, ctx) => {
  const db = trx as Kysely<DB>;
  await db.updateTable('events').set({ themes: THEMES }).where('id', '=', ctx.eventId).execute();
  await db
    .insertInto('event_summaries')
    .values({
      event_id: ctx.eventId,
      body_html: sanitizeSummaryHtml(ARTICLE.replace(/\s*\n\s*/g, ' ').replace(/> </g, '><')),
      published: true,
      published_at: '2024-04-05T12:00:00Z',
    })
    .execute();
  const quotes = QUOTES.flatMap((q, position) => {
    const personId = ctx.personIds.get(q.person);
    return personId
      ? [
          {
            event_id: ctx.eventId,
            person_id: personId,
            text: q.text,
            context: q.context,
            paraphrase: false,
            position,
          },
        ]
      : [];
  });
  if (quotes.length) await db.insertInto('event_quotes').values(quotes).execute();
  await db
    .insertInto('event_links')
    .values({
      event_id: ctx.eventId,
      kind: 'document',
      title: 'ECCP event summary: Clusters meet Regions in Milan (5 April 2024)',
      url: ECCP_SUMMARY_URL,
    })
    .execute();
};
