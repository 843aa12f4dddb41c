import { loadAgendaSessions } from '../../../features/events/agenda.repo.ts';
import type { AgendaSnapshot } from '../../../features/events/agenda.types.ts';
import type { SessionRole, SessionType } from '../schema.ts';
import type { EventDemoPart } from './event-demo.ts';

/**
 * The agenda of the Milan workshop (26–27 March 2024, Europe/Rome), written from the ECCP event summary
 * of 5 April 2024: the order of the sessions, their people and roles are reported; their times are NOT
 * (the summary gives none), so every time below is a plausible estimate and the sessions carry
 * `time_is_estimate = true`. Capacities of the site visits and the B2B slots and tables are estimates
 * too. Rome is UTC+1 on both days (summer time starts on 31 March 2024).
 *
 * Rooms: a Lombardy press note (26 March 2024) places day 2 at Palazzo Lombardia, Sala Biagi; the room
 * of day 1 is not reported and left empty.
 */

interface SessionSeed {
  type: SessionType;
  title: string;
  description: string;
  day: 1 | 2;
  /** Local wall times in Europe/Rome (UTC+1 on both days). */
  from: string;
  to: string;
  room?: string;
  capacity?: number;
  b2b?: { slotMinutes: number; tables: number };
  people?: [slug: string, role: SessionRole][];
}

const DAY_2_ROOM = 'Palazzo Lombardia, Sala Biagi';

export const MILAN_AGENDA: readonly SessionSeed[] = [
  {
    type: 'break',
    title: 'Registration and welcome coffee',
    description: '',
    day: 1,
    from: '08:30',
    to: '09:00',
  },
  {
    type: 'remarks',
    title: 'Opening remarks',
    description: 'Welcome on behalf of the host region, Regione Lombardia.',
    day: 1,
    from: '09:00',
    to: '09:20',
    people: [['elisabetta-confalonieri', 'speaker']],
  },
  {
    type: 'presentation',
    title: 'EU initiatives for clusters and industrial ecosystems',
    description:
      'AFIL, the Lombardy Intelligent Factory Association, and the national Cluster Fabbrica Intelligente ' +
      'on the European initiatives that support clusters and the twin transition.',
    day: 1,
    from: '09:20',
    to: '09:50',
    people: [
      ['christian-colombo', 'speaker'],
      ['gianluigi-viscardi', 'speaker'],
    ],
  },
  {
    type: 'keynote',
    title: 'Keynote: manufacturing and the twin transition',
    description: 'Keynote by Prof. Tullio Tolio, Politecnico di Milano.',
    day: 1,
    from: '09:50',
    to: '10:20',
    people: [['tullio-tolio', 'speaker']],
  },
  {
    type: 'presentation',
    title: 'The Lombardy Input Paper',
    description:
      'Presentation of the Input Paper prepared for the workshop on the advanced manufacturing ecosystem ' +
      'of the host region.',
    day: 1,
    from: '10:20',
    to: '10:40',
  },
  { type: 'break', title: 'Coffee break', description: '', day: 1, from: '10:40', to: '11:00' },
  {
    type: 'panel',
    title: 'Ecosystem models: how clusters drive regional transition',
    description: 'Good practices from Italian and European regions on ecosystem models.',
    day: 1,
    from: '11:00',
    to: '12:00',
    people: [['jose-vilar', 'panellist']],
  },
  {
    type: 'panel',
    title: 'Research meets industry: R&I priorities for AI in manufacturing',
    description:
      'How research and industry work together on the research and innovation priorities of artificial ' +
      'intelligence in manufacturing.',
    day: 1,
    from: '12:00',
    to: '13:00',
    people: [
      ['marcello-urgo', 'panellist'],
      ['fabiana-pirola', 'panellist'],
    ],
  },
  { type: 'break', title: 'Lunch', description: '', day: 1, from: '13:00', to: '14:00' },
  {
    type: 'pitching',
    title: 'Start-up pitching',
    description: 'Start-ups of the Lombardy ecosystem pitch their solutions to the participants.',
    day: 1,
    from: '14:00',
    to: '14:45',
  },
  {
    type: 'panel',
    title: 'Interregional collaboration: clusters working across borders',
    description: 'How clusters and regions collaborate across Europe, and with partners beyond it.',
    day: 1,
    from: '14:45',
    to: '15:45',
    people: [
      ['antonio-novo', 'moderator'],
      ['kyle-winters', 'panellist'],
    ],
  },
  {
    type: 'b2b',
    title: 'B2B meetings',
    description: 'Pre-arranged one-to-one meetings between participants.',
    day: 1,
    from: '15:45',
    to: '17:25',
    b2b: { slotMinutes: 20, tables: 20 },
  },
  {
    type: 'networking',
    title: 'Networking',
    description: 'Informal networking among participants at the end of the first day.',
    day: 1,
    from: '17:30',
    to: '18:30',
  },
  {
    type: 'panel',
    title: "Smart communities: the citizens' perspective on sustainability",
    description: 'How communities and citizens take part in the sustainability transition.',
    day: 2,
    from: '09:00',
    to: '10:15',
    room: DAY_2_ROOM,
    people: [
      ['pierluigi-petrali', 'panellist'],
      ['massimiliano-brigonzi', 'panellist'],
      ['beatrice-diano', 'panellist'],
    ],
  },
  {
    type: 'pitching',
    title: 'Project pitching',
    description: 'European projects present their work and look for partners.',
    day: 2,
    from: '10:15',
    to: '11:00',
    room: DAY_2_ROOM,
  },
  {
    type: 'break',
    title: 'Coffee break',
    description: '',
    day: 2,
    from: '11:00',
    to: '11:20',
    room: DAY_2_ROOM,
  },
  {
    type: 'panel',
    title: 'Enablers of industrial sustainability',
    description: 'What helps companies and ecosystems make manufacturing sustainable.',
    day: 2,
    from: '11:20',
    to: '12:30',
    room: DAY_2_ROOM,
    people: [
      ['marcello-colledani', 'panellist'],
      ['alessandra-grimoldi', 'panellist'],
      ['michele-petti', 'panellist'],
      ['fabrizio-guarrasi', 'panellist'],
      ['ilaria-re', 'panellist'],
    ],
  },
  {
    type: 'remarks',
    title: 'Closing remarks: the Euroclusters call',
    description:
      'The European Commission announces the Euroclusters call as the next opportunity for clusters.',
    day: 2,
    from: '12:30',
    to: '12:50',
    room: DAY_2_ROOM,
    people: [['marek-przeor', 'speaker']],
  },
  { type: 'break', title: 'Lunch', description: '', day: 2, from: '12:50', to: '13:45' },
  {
    type: 'b2b',
    title: 'B2B meetings',
    description: 'Pre-arranged one-to-one meetings between participants.',
    day: 2,
    from: '13:45',
    to: '15:25',
    room: DAY_2_ROOM,
    b2b: { slotMinutes: 20, tables: 20 },
  },
  {
    type: 'site_visit',
    title: 'Site visit: MIND Milano Innovation District',
    description: 'A visit to the innovation district on the former Expo 2015 site. Sign-up required.',
    day: 2,
    from: '14:00',
    to: '17:00',
    room: 'MIND Milano Innovation District',
    capacity: 30,
  },
  {
    type: 'site_visit',
    title: 'Site visit: Vanguard Initiative ESM pilot plenary',
    description:
      'Participants join the plenary meeting of the Vanguard Initiative pilot on Efficient and Sustainable ' +
      'Manufacturing (ESM). Sign-up required.',
    day: 2,
    from: '14:00',
    to: '17:00',
    capacity: 25,
  },
];

const DATES = { 1: '2024-03-26', 2: '2024-03-27' } as const;
const at = (day: 1 | 2, time: string) => `${DATES[day]}T${time}:00+01:00`;

/** The sessions and their people, as the organisers' draft. */
export const milan2024Agenda: EventDemoPart = async (trx, ctx) => {
  for (const s of MILAN_AGENDA) {
    const { id } = await trx
      .insertInto('event_sessions')
      .values({
        event_id: ctx.eventId,
        type: s.type,
        title: s.title,
        description: s.description,
        starts_at: at(s.day, s.from),
        ends_at: at(s.day, s.to),
        room: s.room ?? null,
        capacity: s.capacity ?? null,
        b2b_slot_minutes: s.b2b?.slotMinutes ?? null,
        b2b_tables: s.b2b?.tables ?? null,
        time_is_estimate: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people = (s.people ?? []).map(([slug, role], position) => {
      const personId = ctx.personIds.get(slug);
      if (!personId) throw new Error(`Milan agenda: unknown person ${slug}`);
      return { session_id: id, person_id: personId, role, position };
    });
    if (people.length) await trx.insertInto('session_people').values(people).execute();
  }
};

/**
 * Publishes the draft as version 1. Runs after the other demo parts, so the accepted pitches placed in
 * the pitching sessions are part of the published snapshot. (Publication date: an estimate.)
 */
export const milan2024AgendaPublish: EventDemoPart = async (trx, ctx) => {
  const event = await trx
    .selectFrom('events')
    .select('time_zone')
    .where('id', '=', ctx.eventId)
    .executeTakeFirstOrThrow();
  const publishedAt = '2024-03-19T12:00:00.000Z';
  const snapshot: AgendaSnapshot = {
    eventId: ctx.eventId,
    version: 1,
    timeZone: event.time_zone,
    publishedAt,
    sessions: await loadAgendaSessions(trx, ctx.eventId),
  };
  await trx
    .insertInto('agenda_versions')
    .values({
      event_id: ctx.eventId,
      version: 1,
      snapshot: JSON.stringify(snapshot),
      changes: '[]',
      published_at: publishedAt,
    })
    .execute();
  await trx.updateTable('events').set({ agenda_version: 1 }).where('id', '=', ctx.eventId).execute();
};
