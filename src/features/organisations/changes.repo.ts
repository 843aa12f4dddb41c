import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

/** Field name → value before and after. Every entry of the change log has this shape. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export interface ChangeRecord {
  organisationId: string;
  userId: string | null;
  action: string;
  changes: FieldChanges;
}

/** Records one change; called inside the transaction that makes it, so the log never misses one. */
export async function insertChange(db: Kysely<DB> | Transaction<DB>, c: ChangeRecord): Promise<void> {
  await db
    .insertInto('organisation_changes')
    .values({
      organisation_id: c.organisationId,
      user_id: c.userId,
      action: c.action,
      changes: JSON.stringify(c.changes),
    })
    .execute();
}

export function changesRepo(db: Kysely<DB>) {
  return {
    async list(organisationId: string, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        db
          .selectFrom('organisation_changes as c')
          .leftJoin('users as u', 'u.id', 'c.user_id')
          .select(['c.id', 'c.action', 'c.changes', 'c.created_at', 'c.user_id', 'u.name as user_name'])
          .where('c.organisation_id', '=', organisationId)
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('organisation_changes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', organisationId)
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },
  };
}
export type ChangesRepo = ReturnType<typeof changesRepo>;
