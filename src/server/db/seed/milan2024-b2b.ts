import { type Kysely, sql } from 'kysely';
import { scheduleMeetings, validateInstance } from '../../../core/scheduler/index.ts';
import { mulberry32 } from '../../../core/scheduler/random.ts';
import { b2bRepo } from '../../../features/matchmaking/b2b.repo.ts';
import type { ScheduleRunResult } from '../../../features/matchmaking/b2b.schemas.ts';
import { buildInstance } from '../../../features/matchmaking/schedule.service.ts';
import { slotsOf } from '../../../features/matchmaking/slots.ts';
import type { DB } from '../schema.ts';
import type { EventDemoPart } from './event-demo.ts';

/**
 * B2B meetings of the Milan demo, generated (every row `sample = true`): most confirmed participants opt
 * in; requests follow a Zipf-like popularity (a few participants are asked by many); about two thirds
 * are accepted, the rest declined, pending, withdrawn or expired; the scheduler places the accepted
 * ones in the agenda's B2B sessions and the schedule is published; as the event is over, many
 * meetings have outcomes. Deterministic: the same registrations give the same meetings. Does nothing
 * while there are no registrations or no B2B session (the parts that create them may be missing).
 */
const OFFERS: Record<string, string[]> = {
  cluster: [
    'Access to 200+ member companies in advanced manufacturing',
    'Cluster partnering for Euroclusters calls',
  ],
  policymaker: ['Regional S3 funding and innovation vouchers', 'Contacts with regional innovation agencies'],
  company: [
    'Industrial AI for quality inspection',
    'Pilot lines for sustainable materials',
    'Robotic cells for SMEs',
  ],
  startup: [
    'Edge sensors for predictive maintenance',
    'Digital twins of production lines',
    'Circular packaging',
  ],
  research: ['Testing facilities and joint research projects', 'PhD internships and technology transfer'],
  other: ['Consulting on EU project writing', 'Training on digital skills'],
};
const SEEKS = [
  'Partners for a Horizon Europe proposal',
  'Pilot customers in manufacturing',
  'Interregional collaboration on the twin transition',
  'Investors and industrial partners',
  'Research partners on AI in manufacturing',
  'Cluster members abroad for a joint action',
];
const MESSAGES = [
  'I would like to discuss a joint project proposal.',
  'Your offer matches what we seek: shall we meet?',
  'Interested in a pilot with your team.',
  'Let us explore a collaboration between our regions.',
  '',
];

export const milan2024B2b: EventDemoPart = async (trx, ctx) => {
  const db = trx as Kysely<DB>;
  const repo = b2bRepo(db);
  const event = await db
    .selectFrom('events')
    .select(['id', 'time_zone', 'ends_at'])
    .where('id', '=', ctx.eventId)
    .executeTakeFirstOrThrow();
  const sessions = await repo.sessions(event.id);
  const regs = await db
    .selectFrom('registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.category', 'r.organisation_id', sql<string>`u.email`.as('email')])
    .where('r.event_id', '=', event.id)
    .where('r.status', '=', 'confirmed')
    .orderBy('u.email')
    .execute();
  if (sessions.length === 0 || regs.length < 4) return;
  const rand = mulberry32(20240326);

  // Opt-in: about four in five, with a profile by category.
  const opted = regs.filter(() => rand() < 0.8);
  await db
    .insertInto('b2b_profiles')
    .values(
      opted.map((r) => {
        const offers = OFFERS[r.category] ?? OFFERS.other!;
        return {
          registration_id: r.id,
          event_id: event.id,
          offer: offers[Math.floor(rand() * offers.length)]!,
          seek: SEEKS[Math.floor(rand() * SEEKS.length)]!,
          organisation_id: r.organisation_id,
          sample: true,
        };
      }),
    )
    .execute();

  // Skewed popularity: the participant of rank k is chosen with weight 1 / sqrt(k + 1). A Zipf law
  // (1 / (k + 1)) would send a sixth of all requests to one person, far more than two afternoons of
  // 20-minute slots hold.
  const popularity = opted.map((r, i) => ({ r, w: 1 / Math.sqrt(((i * 7919) % opted.length) + 1) }));
  const total = popularity.reduce((s, p) => s + p.w, 0);
  const pick = () => {
    let x = rand() * total;
    for (const p of popularity) {
      x -= p.w;
      if (x <= 0) return p.r;
    }
    return popularity[popularity.length - 1]!.r;
  };
  const pairs = new Set<string>();
  const requests: {
    event_id: string;
    requester_id: string;
    addressee_id: string;
    message: string;
    status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
    expires_at: Date | null;
    responded_at: Date | null;
    sample: boolean;
  }[] = [];
  const ended = new Date(event.ends_at);
  for (const from of opted) {
    const count = 1 + Math.floor(rand() * 3);
    for (let k = 0, tries = 0; k < count && tries < 20; tries++) {
      const to = pick();
      const key = [from.id, to.id].sort().join();
      if (to.id === from.id || pairs.has(key)) continue;
      pairs.add(key);
      k++;
      const x = rand();
      const status = x < 0.68 ? 'accepted' : x < 0.82 ? 'declined' : x < 0.92 ? 'pending' : 'withdrawn';
      requests.push({
        event_id: event.id,
        requester_id: from.id,
        addressee_id: to.id,
        message: MESSAGES[Math.floor(rand() * MESSAGES.length)]!,
        status,
        // Some pending requests carried an expiry that has passed: they read as expired.
        expires_at: status === 'pending' && rand() < 0.4 ? ended : null,
        responded_at: status === 'pending' ? null : ended,
        sample: true,
      });
    }
  }
  for (let i = 0; i < requests.length; i += 500)
    await db
      .insertInto('b2b_requests')
      .values(requests.slice(i, i + 500))
      .execute();

  // A few participants block a slot by hand.
  const slots = slotsOf(await repo.sessions(event.id));
  const blocks = opted
    .filter(() => rand() < 0.1)
    .map((r) => {
      const s = slots[Math.floor(rand() * slots.length)]!;
      return { registration_id: r.id, starts_at: s.startsAt, ends_at: s.endsAt };
    });
  if (blocks.length) await db.insertInto('b2b_blocked_slots').values(blocks).execute();

  // The organisers ran the scheduler and published its schedule.
  const built = await buildInstance(repo, event, true);
  const v = validateInstance(built.instance);
  if (!v.ok) throw new Error(`B2B demo: invalid instance: ${v.problems[0]}`);
  const solution = scheduleMeetings(v.instance, { seed: 1, compareFirstCome: true });
  const meetings = solution.assignments.map((a) => {
    const { slot: s, table } = built.locate(a.slot, a.table);
    return { a: { ...a, table }, s, people: built.people.get(a.meeting)! };
  });
  for (const { a, s, people } of meetings) {
    await repo.insertMeeting({
      event_id: event.id,
      request_id: a.meeting,
      session_id: s.sessionId,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      table_no: a.table,
      source: 'scheduler',
      sample: true,
      participants: people,
    });
  }
  const result: ScheduleRunResult = {
    assignments: meetings.map(({ a, s }) => ({
      requestId: a.meeting,
      sessionId: s.sessionId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      table: a.table,
    })),
    unscheduled: solution.unscheduled.map((u) => ({ requestId: u.meeting, code: u.code, reason: u.reason })),
    stats: {
      scheduled: solution.stats.scheduled,
      weight: solution.stats.weight,
      upperBound: solution.stats.upperBound,
      ms: 0,
      unscheduled: solution.stats.unscheduled,
      participantsWithoutMeetings: solution.stats.participantsWithoutMeetings,
      standbyBlocks: solution.stats.standbyBlocks,
      ...(solution.stats.firstComeWeight !== undefined
        ? { firstComeWeight: solution.stats.firstComeWeight }
        : {}),
      pinned: 0,
      moved: 0,
    },
  };
  // The fingerprint of the published input: a preview is stale only once something changes.
  const now = await buildInstance(repo, event, false);
  await db
    .insertInto('b2b_schedule_runs')
    .values({
      event_id: event.id,
      allow_moves: false,
      fingerprint: now.fingerprint,
      result: JSON.stringify(result),
      published_at: ended,
    })
    .execute();

  // The event is over: each side recorded an outcome for many meetings.
  const outcomes: {
    request_id: string;
    registration_id: string;
    outcome: 'held' | 'no_show' | 'follow_up' | 'cooperation';
    sample: boolean;
  }[] = [];
  for (const { a, people } of meetings) {
    for (const p of people) {
      if (rand() < 0.4) continue;
      const x = rand();
      outcomes.push({
        request_id: a.meeting,
        registration_id: p,
        outcome: x < 0.5 ? 'held' : x < 0.8 ? 'follow_up' : x < 0.9 ? 'cooperation' : 'no_show',
        sample: true,
      });
    }
  }
  for (let i = 0; i < outcomes.length; i += 500)
    await db
      .insertInto('b2b_outcomes')
      .values(outcomes.slice(i, i + 500))
      .execute();
};
