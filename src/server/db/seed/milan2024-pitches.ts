import type { EventDemoPart } from './event-demo.ts';

/**
 * The start-ups that pitched in Milan, in the order of the ECCP report (5 April 2024): accepted and
 * placed in the Day 1 start-up pitching session. The report names them and nothing more, so titles are
 * their names and summaries stay empty. Their directory records come from milan2024.ts.
 */
export const MILAN_STARTUP_PITCHES: readonly { slug: string; title: string }[] = [
  { slug: 'snowit', title: 'SnowIt' },
  { slug: 'siwego', title: 'SiWeGo' },
  { slug: 'h3cube', title: 'H3CUBE' },
  { slug: 'btf-ski-system', title: 'BTF-SKI SYSTEM' },
];

export const milan2024Pitches: EventDemoPart = async (trx, ctx) => {
  const session = await trx
    .selectFrom('event_sessions')
    .select('id')
    .where('event_id', '=', ctx.eventId)
    .where('type', '=', 'pitching')
    .where('title', 'ilike', '%Start-up pitching%')
    .executeTakeFirst();
  if (!session) throw new Error('Milan pitches: the agenda has no start-up pitching session');
  // Pitches belong to a pitch call. Its description, criteria and dates are not reported, so they stay
  // empty; a call without a close date takes no submissions once its event is over.
  await trx
    .insertInto('pitch_calls')
    .values({ event_id: ctx.eventId, description: '', criteria: '[]' })
    .execute();
  await trx
    .insertInto('pitches')
    .values(
      MILAN_STARTUP_PITCHES.map((p, position) => {
        const organisationId = ctx.orgIds.get(p.slug);
        if (!organisationId) throw new Error(`Milan pitches: unknown organisation ${p.slug}`);
        return {
          event_id: ctx.eventId,
          kind: 'startup' as const,
          title: p.title,
          organisation_id: organisationId,
          status: 'accepted' as const,
          session_id: session.id,
          position,
        };
      }),
    )
    .execute();
};
