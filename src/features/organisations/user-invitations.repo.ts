import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { insertChange } from './changes.repo.ts';

type Role = 'admin' | 'member';
const table = 'organisation_user_invitations' as const;

/** Invitations to run an organisation: written by its admins, answered by the invited person. */
export function userInvitationsRepo(db: Kysely<DB>) {
  /** Pending invitations past their date become 'expired', so lists and the cap count only live ones. */
  const expireStale = (trx: Kysely<DB>, where: { organisationId?: string; email?: string }) => {
    let q = trx
      .updateTable(table)
      .set({ status: 'expired' })
      .where('status', '=', 'pending')
      .where('expires_at', '<=', new Date());
    if (where.organisationId) q = q.where('organisation_id', '=', where.organisationId);
    if (where.email) q = q.where('email', '=', where.email);
    return q.execute();
  };

  return {
    /**
     * Creates the invitation, or renews the address's pending one (new link, role and expiry), under a lock
     * on the organisation so the cap holds with concurrent invitations. Nothing is written for an address
     * that already runs the organisation. `write` queues the e-mail in the same transaction.
     */
    invite: (
      v: {
        organisationId: string;
        email: string;
        role: Role;
        invitedBy: string;
        tokenHash: string;
        expiresAt: Date;
        cap: number;
      },
      write: (trx: Transaction<DB>, invitationId: string) => Promise<void>,
    ) =>
      db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', v.organisationId)
          .forUpdate()
          .execute();
        const isUser = await trx
          .selectFrom('organisation_users as ou')
          .innerJoin('users as u', 'u.id', 'ou.user_id')
          .select('u.id')
          .where('ou.organisation_id', '=', v.organisationId)
          .where(sql`lower(u.email)`, '=', v.email)
          .executeTakeFirst();
        if (isUser) return 'already_user' as const;
        await expireStale(trx, { organisationId: v.organisationId });
        const pending = await trx
          .selectFrom(table)
          .select('id')
          .where('organisation_id', '=', v.organisationId)
          .where('email', '=', v.email)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        let id: string;
        if (pending) {
          await trx
            .updateTable(table)
            .set({
              role: v.role,
              invited_by: v.invitedBy,
              token_hash: v.tokenHash,
              expires_at: v.expiresAt,
            })
            .where('id', '=', pending.id)
            .execute();
          id = pending.id;
        } else {
          const count = await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organisation_id', '=', v.organisationId)
            .where('status', '=', 'pending')
            .executeTakeFirstOrThrow();
          if (Number(count.n) >= v.cap) return 'cap' as const;
          const row = await trx
            .insertInto(table)
            .values({
              organisation_id: v.organisationId,
              email: v.email,
              role: v.role,
              invited_by: v.invitedBy,
              token_hash: v.tokenHash,
              expires_at: v.expiresAt,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          id = row.id;
        }
        await write(trx, id);
        return 'sent' as const;
      }),

    /** The account of an address, for the language of the e-mail. */
    account: (email: string) =>
      db
        .selectFrom('users')
        .select(['id', 'name', 'locale'])
        .where(sql`lower(email)`, '=', email)
        .executeTakeFirst(),

    pending: (organisationId: string) =>
      db
        .selectFrom(`${table} as i`)
        .leftJoin('users as u', 'u.id', 'i.invited_by')
        .select([
          'i.id',
          'i.email',
          'i.role',
          'i.status',
          'i.created_at',
          'i.expires_at',
          'u.name as invited_by_name',
        ])
        .where('i.organisation_id', '=', organisationId)
        .where('i.status', '=', 'pending')
        .where('i.expires_at', '>', new Date())
        .orderBy('i.created_at', 'desc')
        .execute(),

    /** Revokes a pending invitation; false when there is none. */
    revoke: async (organisationId: string, id: string) =>
      !!(await db
        .updateTable(table)
        .set({ status: 'revoked', responded_at: new Date() })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst()),

    /** The live invitations addressed to an e-mail (lower-case). */
    forEmail: (email: string) =>
      db
        .selectFrom(`${table} as i`)
        .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
        .leftJoin('users as u', 'u.id', 'i.invited_by')
        .select([
          'i.id',
          'i.role',
          'i.created_at',
          'i.expires_at',
          'o.id as organisation_id',
          'o.slug',
          'o.name',
          'o.status as organisation_status',
          'u.name as invited_by_name',
        ])
        .where('i.email', '=', email)
        .where('i.status', '=', 'pending')
        .where('i.expires_at', '>', new Date())
        .orderBy('i.created_at', 'desc')
        .execute(),

    byTokenHash: (tokenHash: string) =>
      db
        .selectFrom(`${table} as i`)
        .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
        .select(['i.id', 'i.email', 'i.role', 'i.status', 'i.expires_at', 'o.name as organisation_name'])
        .where('i.token_hash', '=', tokenHash)
        .executeTakeFirst(),

    /**
     * Accepts the invitation of a link's token when it is addressed to the user's e-mail: the user joins the
     * organisation in the same transaction (keeping a higher role they may already have). Returns what
     * stopped it otherwise. The token proves the mailbox; the e-mail match that the account is the invited one.
     */
    accept: (tokenHash: string, user: { id: string; email: string }) =>
      db.transaction().execute(async (trx) => {
        const inv = await trx
          .selectFrom(table)
          .select(['id', 'email', 'organisation_id', 'role', 'status', 'expires_at'])
          .where('token_hash', '=', tokenHash)
          .forUpdate()
          .executeTakeFirst();
        if (!inv) return { outcome: 'not_found' as const };
        if (inv.email !== user.email) return { outcome: 'other_account' as const };
        const id = inv.id;
        if (inv.status === 'accepted') return { outcome: 'accepted_before' as const };
        if (inv.status !== 'pending') return { outcome: inv.status };
        if (inv.expires_at.getTime() <= Date.now()) {
          await trx.updateTable(table).set({ status: 'expired' }).where('id', '=', id).execute();
          return { outcome: 'expired' as const };
        }
        // Someone who joined meanwhile (another invitation) keeps the role they have.
        const joined = await trx
          .insertInto('organisation_users')
          .values({ organisation_id: inv.organisation_id, user_id: user.id, role: inv.role })
          .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
          .returning('role')
          .executeTakeFirst();
        const { role } = joined
          ? joined
          : await trx
              .selectFrom('organisation_users')
              .select('role')
              .where('organisation_id', '=', inv.organisation_id)
              .where('user_id', '=', user.id)
              .executeTakeFirstOrThrow();
        await trx
          .updateTable(table)
          .set({ status: 'accepted', responded_at: new Date(), accepted_by: user.id })
          .where('id', '=', id)
          .execute();
        if (joined) {
          await insertChange(trx, {
            organisationId: inv.organisation_id,
            userId: user.id,
            action: 'user_added',
            changes: { users: { before: null, after: `${user.email} (${inv.role})` } },
          });
        }
        const o = await trx
          .selectFrom('organisations')
          .select(['id', 'slug', 'name', 'status'])
          .where('id', '=', inv.organisation_id)
          .executeTakeFirstOrThrow();
        return { outcome: 'accepted' as const, organisation: o, role };
      }),

    /** Declines a live invitation addressed to the e-mail; false when there is none. */
    decline: async (id: string, email: string) =>
      !!(await db
        .updateTable(table)
        .set({ status: 'declined', responded_at: new Date() })
        .where('id', '=', id)
        .where('email', '=', email)
        .where('status', '=', 'pending')
        .where('expires_at', '>', new Date())
        .returning('id')
        .executeTakeFirst()),
  };
}
export type UserInvitationsRepo = ReturnType<typeof userInvitationsRepo>;
