import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

export function summaryRepo(db: Kysely<DB>) {
  return {
    get: (eventId: string) =>
      db.selectFrom('event_summaries').selectAll().where('event_id', '=', eventId).executeTakeFirst(),

    /** published_at is the first publication's time, kept when the article is edited afterwards. */
    put: (eventId: string, bodyHtml: string, published: boolean, userId: string) =>
      db
        .insertInto('event_summaries')
        .values({
          event_id: eventId,
          body_html: bodyHtml,
          published,
          published_at: published ? new Date() : null,
          updated_by: userId,
          updated_at: new Date(),
        })
        .onConflict((oc) =>
          oc.column('event_id').doUpdateSet((eb) => ({
            body_html: bodyHtml,
            published,
            published_at: published ? eb.fn.coalesce('event_summaries.published_at', sql<Date>`now()`) : null,
            updated_by: userId,
            updated_at: new Date(),
          })),
        )
        .execute(),

    quotes: (eventId: string) =>
      db
        .selectFrom('event_quotes as q')
        .innerJoin('people as p', 'p.id', 'q.person_id')
        .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select([
          'q.id',
          'q.text',
          'q.context',
          'q.paraphrase',
          'q.position',
          'p.id as person_id',
          'p.slug as person_slug',
          'p.full_name',
          'p.honorific',
          'p.job_title',
          'o.name as organisation_name',
        ])
        .where('q.event_id', '=', eventId)
        .orderBy('q.position')
        .orderBy('q.created_at')
        .execute(),
    personExists: async (id: string) =>
      !!(await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()),
    insertQuote: async (
      eventId: string,
      q: { personId: string; text: string; context: string | null; paraphrase: boolean },
    ) => {
      const last = await db
        .selectFrom('event_quotes')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return db
        .insertInto('event_quotes')
        .values({
          event_id: eventId,
          person_id: q.personId,
          text: q.text,
          context: q.context,
          paraphrase: q.paraphrase,
          position: (last?.max ?? -1) + 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
    updateQuote: (
      eventId: string,
      id: string,
      q: { personId?: string; text?: string; context?: string | null; paraphrase?: boolean },
    ) =>
      db
        .updateTable('event_quotes')
        .set({
          ...(q.personId !== undefined ? { person_id: q.personId } : {}),
          ...(q.text !== undefined ? { text: q.text } : {}),
          ...(q.context !== undefined ? { context: q.context } : {}),
          ...(q.paraphrase !== undefined ? { paraphrase: q.paraphrase } : {}),
          updated_at: new Date(),
        })
        .where('event_id', '=', eventId)
        .where('id', '=', id)
        .executeTakeFirst()
        .then((r) => Number(r.numUpdatedRows) > 0),
    deleteQuote: (eventId: string, id: string) =>
      db
        .deleteFrom('event_quotes')
        .where('event_id', '=', eventId)
        .where('id', '=', id)
        .executeTakeFirst()
        .then((r) => Number(r.numDeletedRows) > 0),

    /** Sets positions 0..n-1 in the order given; the ids must be exactly the event's rows of the table. */
    reorder: (table: 'event_quotes' | 'event_photos', eventId: string, ids: string[]) =>
      db.transaction().execute(async (trx) => {
        const current = (
          await trx.selectFrom(table).select('id').where('event_id', '=', eventId).forUpdate().execute()
        ).map((r) => r.id);
        const same =
          current.length === ids.length &&
          new Set(ids).size === ids.length &&
          ids.every((id) => current.includes(id));
        if (!same) return false;
        for (const [position, id] of ids.entries()) {
          await trx.updateTable(table).set({ position }).where('id', '=', id).execute();
        }
        return true;
      }),

    links: (eventId: string) =>
      db
        .selectFrom('event_links')
        .select(['id', 'kind', 'title', 'url'])
        .where('event_id', '=', eventId)
        .orderBy('kind', 'desc')
        .orderBy('position')
        .orderBy('created_at')
        .execute(),
    insertLink: (eventId: string, l: { kind: 'recording' | 'document'; title: string; url: string }) =>
      db
        .insertInto('event_links')
        .values({ event_id: eventId, ...l })
        .returning(['id', 'kind', 'title', 'url'])
        .executeTakeFirstOrThrow(),
    deleteLink: (eventId: string, id: string) =>
      db
        .deleteFrom('event_links')
        .where('event_id', '=', eventId)
        .where('id', '=', id)
        .executeTakeFirst()
        .then((r) => Number(r.numDeletedRows) > 0),

    /**
     * Participants counted by category and by country: checked-in participants when `checkedIn`,
     * otherwise confirmed ones.
     */
    async statistics(eventId: string, checkedIn: boolean) {
      const base = () => {
        const q = db.selectFrom('registrations').where('event_id', '=', eventId);
        return checkedIn ? q.where('checked_in_at', 'is not', null) : q.where('status', '=', 'confirmed');
      };
      const [byCategory, byCountry, sample] = await Promise.all([
        base()
          .select(['category as key', (eb) => eb.fn.countAll<string>().as('n')])
          .groupBy('category')
          .execute(),
        base()
          .select(['country_code as key', (eb) => eb.fn.countAll<string>().as('n')])
          .groupBy('country_code')
          .execute(),
        base().select('id').where('sample', '=', true).limit(1).executeTakeFirst(),
      ]);
      return {
        byCategory: byCategory.map((r) => ({ key: r.key, count: Number(r.n) })),
        byCountry: byCountry.map((r) => ({ key: r.key, count: Number(r.n) })),
        sample: sample !== undefined,
      };
    },
    checkInCount: async (eventId: string) =>
      Number(
        (
          await db
            .selectFrom('registrations')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('event_id', '=', eventId)
            .where('checked_in_at', 'is not', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}
export type SummaryRepo = ReturnType<typeof summaryRepo>;
