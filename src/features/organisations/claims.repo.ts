import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { insertChange } from './changes.repo.ts';

export function claimsRepo(db: Kysely<DB>) {
  return {
    /** Null when the user already has a pending claim (the partial unique index decides, race-free). */
    insert: async (organisationId: string, userId: string, message: string) =>
      db
        .insertInto('organisation_claims')
        .values({ organisation_id: organisationId, user_id: userId, message })
        .onConflict((oc) =>
          // A literal: the index predicate must be provable at plan time.
          oc.columns(['organisation_id', 'user_id']).where('status', '=', sql.lit('pending')).doNothing(),
        )
        .returning(['id', 'status', 'reason', 'created_at'])
        .executeTakeFirst(),

    find: (id: string) =>
      db
        .selectFrom('organisation_claims as c')
        .innerJoin('users as u', 'u.id', 'c.user_id')
        .select(['c.id', 'c.organisation_id', 'c.user_id', 'c.status', 'u.email as user_email'])
        .where('c.id', '=', id)
        .executeTakeFirst(),

    /**
     * Decides a pending claim; approving makes the claimant an admin of the organisation. False when the
     * claim was decided meanwhile.
     */
    decide: (
      id: string,
      decidedBy: string,
      decision: { approve: true } | { approve: false; reason: string },
    ) =>
      db.transaction().execute(async (trx) => {
        const claim = await trx
          .updateTable('organisation_claims')
          .set({
            status: decision.approve ? 'approved' : 'rejected',
            decided_by: decidedBy,
            decided_at: new Date(),
            reason: decision.approve ? null : decision.reason,
          })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .returning(['organisation_id', 'user_id'])
          .executeTakeFirst();
        if (!claim) return false;
        if (decision.approve) {
          const user = await trx
            .selectFrom('users')
            .select(['email'])
            .where('id', '=', claim.user_id)
            .executeTakeFirstOrThrow();
          const previous = await trx
            .selectFrom('organisation_users')
            .select('role')
            .where('organisation_id', '=', claim.organisation_id)
            .where('user_id', '=', claim.user_id)
            .executeTakeFirst();
          await trx
            .insertInto('organisation_users')
            .values({ organisation_id: claim.organisation_id, user_id: claim.user_id, role: 'admin' })
            .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role: 'admin' }))
            .execute();
          await insertChange(trx, {
            organisationId: claim.organisation_id,
            userId: decidedBy,
            action: 'claim_approved',
            changes: {
              users: {
                before: previous ? `${user.email} (${previous.role})` : null,
                after: `${user.email} (admin)`,
              },
            },
          });
        }
        return true;
      }),
  };
}
export type ClaimsRepo = ReturnType<typeof claimsRepo>;
