import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { OutboxQuery } from './outbox.schemas.ts';

/** One e-mail as the features hand it over. */
export interface OutgoingMail {
  to: string;
  toUserId: string | null;
  eventId: string | null;
  kind: string;
  subject: string;
  body: string;
  /** Makes the mail go out once: a second mail with the same key is dropped. */
  dedupeKey?: string;
}

export function outboxRepo(db: Kysely<DB>) {
  return {
    /** Inserts in the caller's transaction when given one, so a mail exists only if the change committed. */
    async insert(
      mails: readonly OutgoingMail[],
      status: 'queued' | 'recorded',
      trx: Kysely<DB> = db,
    ): Promise<number> {
      if (mails.length === 0) return 0;
      const rows = await trx
        .insertInto('email_outbox')
        .values(
          mails.map((m) => ({
            to_address: m.to,
            to_user_id: m.toUserId,
            event_id: m.eventId,
            kind: m.kind,
            subject: m.subject,
            body_text: m.body,
            status,
            dedupe_key: m.dedupeKey ?? null,
          })),
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .execute();
      return rows.length;
    },

    async list(f: Omit<OutboxQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
      let q = db.selectFrom('email_outbox as m').leftJoin('events as e', 'e.id', 'm.event_id');
      if (f.status) q = q.where('m.status', '=', f.status);
      if (f.kind) q = q.where('m.kind', '=', f.kind);
      if (f.eventId) q = q.where('m.event_id', '=', f.eventId);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([eb('m.to_address', 'ilike', like), eb('m.subject', 'ilike', like)]));
      }
      const [items, total] = await Promise.all([
        q
          .select([
            'm.id',
            'm.to_address',
            'm.kind',
            'm.subject',
            'm.body_text',
            'm.status',
            'm.attempts',
            'm.last_error',
            'm.created_at',
            'm.sent_at',
            'e.id as event_id',
            'e.slug as event_slug',
            'e.title as event_title',
          ])
          .orderBy('m.created_at', 'desc')
          .orderBy('m.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: total.n };
    },

    kinds: async () =>
      (await db.selectFrom('email_outbox').select('kind').distinct().orderBy('kind').execute()).map(
        (r) => r.kind,
      ),

    queued: (limit: number) =>
      db
        .selectFrom('email_outbox')
        .select(['id', 'attempts'])
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(limit)
        .execute(),

    /**
     * Claims a queued mail for sending: only the process whose update still finds the attempts it read
     * gets the row, so two servers never send one mail twice (a crash mid-send leaves it queued).
     */
    claim: (id: string, attempts: number) =>
      db
        .updateTable('email_outbox')
        .set({ attempts: attempts + 1 })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .where('attempts', '=', attempts)
        .returning(['id', 'to_address', 'subject', 'body_text'])
        .executeTakeFirst(),

    markSent: (id: string) =>
      db
        .updateTable('email_outbox')
        .set({ status: 'sent', sent_at: new Date(), last_error: null })
        .where('id', '=', id)
        .execute(),

    markFailed: (id: string, error: string) =>
      db
        .updateTable('email_outbox')
        .set({ status: 'failed', last_error: error.slice(0, 2000) })
        .where('id', '=', id)
        .execute(),
  };
}
export type OutboxRepo = ReturnType<typeof outboxRepo>;
