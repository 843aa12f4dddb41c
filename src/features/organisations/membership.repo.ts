import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { insertChange } from './changes.repo.ts';
import { summaryColumns } from './organisations.repo.ts';

/** Cluster ↔ member links, and the invitations that bring new organisations in. */
export function membershipRepo(db: Kysely<DB>) {
  return {
    /** Links the member; false when it already was one. Logged on both profiles. */
    add: (cluster: { id: string; name: string }, member: { id: string; name: string }, userId: string) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('cluster_members')
          .values({ cluster_id: cluster.id, member_id: member.id })
          .onConflict((oc) => oc.columns(['cluster_id', 'member_id']).doNothing())
          .returning('member_id')
          .executeTakeFirst();
        if (!row) return false;
        await insertChange(trx, {
          organisationId: cluster.id,
          userId,
          action: 'member_added',
          changes: { members: { before: null, after: member.name } },
        });
        await insertChange(trx, {
          organisationId: member.id,
          userId,
          action: 'cluster_joined',
          changes: { clusters: { before: null, after: cluster.name } },
        });
        return true;
      }),

    /** Unlinks the member; false when it was not one. */
    remove: (cluster: { id: string; name: string }, memberId: string, userId: string) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('cluster_members')
          .where('cluster_id', '=', cluster.id)
          .where('member_id', '=', memberId)
          .returning('member_id')
          .executeTakeFirst();
        if (!row) return false;
        const member = await trx
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', memberId)
          .executeTakeFirstOrThrow();
        await insertChange(trx, {
          organisationId: cluster.id,
          userId,
          action: 'member_removed',
          changes: { members: { before: member.name, after: null } },
        });
        await insertChange(trx, {
          organisationId: memberId,
          userId,
          action: 'cluster_left',
          changes: { clusters: { before: cluster.name, after: null } },
        });
        return true;
      }),

    createInvitation: (v: {
      clusterId: string;
      email: string;
      organisationName: string;
      tokenHash: string;
      createdBy: string;
    }) =>
      db
        .insertInto('cluster_invitations')
        .values({
          cluster_id: v.clusterId,
          email: v.email,
          organisation_name: v.organisationName,
          token_hash: v.tokenHash,
          created_by: v.createdBy,
        })
        .returning(['id', 'email', 'organisation_name', 'created_at', 'accepted_at', 'member_id'])
        .executeTakeFirstOrThrow(),

    invitations: (clusterId: string) =>
      db
        .selectFrom('cluster_invitations as i')
        .leftJoin('organisations as m', 'm.id', 'i.member_id')
        .leftJoin('users as u', 'u.id', 'i.created_by')
        .select([
          'i.id',
          'i.email',
          'i.organisation_name',
          'i.created_at',
          'i.accepted_at',
          'i.member_id',
          'm.slug as member_slug',
          'm.name as member_name',
          'm.status as member_status',
          'u.name as created_by_name',
        ])
        .where('i.cluster_id', '=', clusterId)
        .orderBy('i.created_at', 'desc')
        .limit(500)
        .execute(),

    /** Withdraws a pending invitation; false when there is none (accepted ones stay as the record). */
    deleteInvitation: async (clusterId: string, id: string) =>
      !!(await db
        .deleteFrom('cluster_invitations')
        .where('cluster_id', '=', clusterId)
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .returning('id')
        .executeTakeFirst()),

    invitationByTokenHash: (tokenHash: string) =>
      db
        .selectFrom('cluster_invitations as i')
        .innerJoin('organisations as o', 'o.id', 'i.cluster_id')
        .select(summaryColumns)
        .select([
          'i.id as invitation_id',
          'i.email',
          'i.organisation_name',
          'i.created_at as invited_at',
          'i.accepted_at',
          sql<string | null>`(select m.slug from organisations m where m.id = i.member_id)`.as('member_slug'),
        ])
        .where('i.token_hash', '=', tokenHash)
        .executeTakeFirst(),

    // The people who run an organisation (organisation_users).
    users: (organisationId: string) =>
      db
        .selectFrom('organisation_users as ou')
        .innerJoin('users as u', 'u.id', 'ou.user_id')
        .select(['u.id', 'u.name', 'u.email', 'ou.role', 'ou.created_at'])
        .where('ou.organisation_id', '=', organisationId)
        .orderBy('ou.role')
        .orderBy('u.name')
        .execute(),

    /**
     * Changes a user's role or removes them, under a lock on the organisation row so two concurrent
     * changes cannot both take away the last admin. Returns 'last_admin' when refused. Nobody is added
     * here: people join by accepting an invitation (user-invitations.repo.ts).
     */
    setUser: (
      organisationId: string,
      target: { id: string; email: string },
      role: 'admin' | 'member' | null,
      userId: string,
    ) =>
      db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', organisationId)
          .forUpdate()
          .execute();
        const current = await trx
          .selectFrom('organisation_users')
          .select('role')
          .where('organisation_id', '=', organisationId)
          .where('user_id', '=', target.id)
          .executeTakeFirst();
        if (!current) return 'not_found' as const;
        if (current.role === role) return 'unchanged' as const;
        if (current.role === 'admin') {
          const admins = await trx
            .selectFrom('organisation_users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('organisation_id', '=', organisationId)
            .where('role', '=', 'admin')
            .executeTakeFirstOrThrow();
          if (Number(admins.n) <= 1) return 'last_admin' as const;
        }
        if (role === null) {
          await trx
            .deleteFrom('organisation_users')
            .where('organisation_id', '=', organisationId)
            .where('user_id', '=', target.id)
            .execute();
        } else {
          await trx
            .updateTable('organisation_users')
            .set({ role })
            .where('organisation_id', '=', organisationId)
            .where('user_id', '=', target.id)
            .execute();
        }
        await insertChange(trx, {
          organisationId,
          userId,
          action: role === null ? 'user_removed' : 'user_role_changed',
          changes: {
            users: {
              before: `${target.email} (${current.role})`,
              after: role ? `${target.email} (${role})` : null,
            },
          },
        });
        return 'done' as const;
      }),

    userById: (id: string) =>
      db.selectFrom('users').select(['id', 'email']).where('id', '=', id).executeTakeFirst(),
  };
}
export type MembershipRepo = ReturnType<typeof membershipRepo>;
