import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { insertChange } from './changes.repo.ts';
import { summaryColumns } from './organisations.repo.ts';

type Status = 'draft' | 'submitted' | 'published' | 'rejected';

export function lifecycleRepo(db: Kysely<DB>) {
  return {
    /**
     * Moves the profile from one of `from` to `to` and logs it, atomically: a concurrent transition
     * finds the status already changed and gets false.
     */
    transition: (
      id: string,
      userId: string,
      action: string,
      from: readonly Status[],
      to: Status,
      extra: Updateable<DB['organisations']> = {},
    ) =>
      db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('organisations')
          .select(['status', 'rejection_reason'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!before || !from.includes(before.status)) return false;
        await trx
          .updateTable('organisations')
          .set({ ...extra, status: to, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        const changes: Record<string, { before: unknown; after: unknown }> = {
          status: { before: before.status, after: to },
        };
        if (extra.rejection_reason !== undefined && extra.rejection_reason !== before.rejection_reason) {
          changes.rejectionReason = { before: before.rejection_reason, after: extra.rejection_reason };
        }
        await insertChange(trx, { organisationId: id, userId, action, changes });
        return true;
      }),

    /** What platform administrators have to decide: submitted profiles and pending claims, oldest first. */
    async queue() {
      const [organisations, claims] = await Promise.all([
        db
          .selectFrom('organisations as o')
          .leftJoin('users as u', 'u.id', 'o.created_by')
          .select(summaryColumns)
          .select(['o.submitted_at', 'u.name as creator_name', 'u.email as creator_email'])
          .where('o.status', '=', 'submitted')
          .orderBy('o.submitted_at')
          .orderBy('o.id')
          .limit(200)
          .execute(),
        db
          .selectFrom('organisation_claims as c')
          .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
          .innerJoin('users as u', 'u.id', 'c.user_id')
          .select(summaryColumns)
          .select([
            'c.id as claim_id',
            'c.message',
            'c.created_at as claimed_at',
            'u.id as user_id',
            'u.name as user_name',
            'u.email as user_email',
          ])
          .where('c.status', '=', 'pending')
          .orderBy('c.created_at')
          .orderBy('c.id')
          .limit(200)
          .execute(),
      ]);
      return { organisations, claims };
    },
  };
}
export type LifecycleRepo = ReturnType<typeof lifecycleRepo>;
