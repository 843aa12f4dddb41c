import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { Actor } from '../accounts/actor.ts';
import type { EventsService } from '../events/events.service.ts';
import type { Overview } from './overview.schemas.ts';

export function overviewService(db: Kysely<DB>, events: EventsService) {
  const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
  return {
    async get(actor: Actor | null): Promise<Overview> {
      const [organisations, clusters, regions, regionsWithOrganisations, eventCount, people, next, past] =
        await Promise.all([
          count(
            db
              .selectFrom('organisations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'published')
              .executeTakeFirstOrThrow(),
          ),
          count(
            db
              .selectFrom('organisations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'published')
              .where('type', '=', 'cluster')
              .executeTakeFirstOrThrow(),
          ),
          count(
            db
              .selectFrom('regions')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('level', '=', 2)
              .executeTakeFirstOrThrow(),
          ),
          count(
            db
              .selectFrom('organisations')
              .select((eb) => eb.fn.count<number>('region_code').distinct().as('n'))
              .where('status', '=', 'published')
              .executeTakeFirstOrThrow(),
          ),
          count(
            db
              .selectFrom('events')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '<>', 'draft')
              .executeTakeFirstOrThrow(),
          ),
          count(
            db
              .selectFrom('people')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
          ),
          events.list(actor, { when: 'upcoming' }, 1, 6),
          events.list(actor, { when: 'past' }, 1, 6),
        ]);
      return {
        counts: { organisations, clusters, regions, regionsWithOrganisations, events: eventCount, people },
        nextEvents: next.items,
        pastEvents: past.items,
      };
    },
  };
}
export type OverviewService = ReturnType<typeof overviewService>;
