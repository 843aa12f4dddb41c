import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

export function accountsRepo(db: Kysely<DB>) {
  return {
    findUserByEmail: (email: string) =>
      db
        .selectFrom('users')
        .selectAll()
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst(),
    findUserById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    countAdmins: async () =>
      Number(
        (
          await db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('is_admin', '=', true)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    insertUser: (u: {
      email: string;
      name: string;
      password_hash: string;
      is_admin?: boolean;
      locale?: 'en' | 'it';
      terms_accepted_at?: Date;
      terms_version?: string;
    }) => db.insertInto('users').values(u).returningAll().executeTakeFirstOrThrow(),
    updateUser: (id: string, patch: { name?: string; locale?: 'en' | 'it'; password_hash?: string }) =>
      db
        .updateTable('users')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    insertSession: (s: {
      token_hash: string;
      user_id: string;
      expires_at: Date;
      user_agent: string | null;
    }) => db.insertInto('sessions').values(s).execute(),
    findSessionUser: (tokenHash: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', new Date())
        .executeTakeFirst(),
    deleteSession: (tokenHash: string) =>
      db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute(),
    deleteOtherSessions: (userId: string, keepHash: string | null) => {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepHash) q = q.where('token_hash', '<>', keepHash);
      return q.execute();
    },
    deleteExpiredSessions: () => db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute(),
    findTokenUser: (tokenHash: string) =>
      db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('users')
        .select('api_tokens.id as token_id')
        .where('api_tokens.token_hash', '=', tokenHash)
        .where('api_tokens.revoked_at', 'is', null)
        .executeTakeFirst(),
    touchToken: (id: string) =>
      db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute(),
    insertToken: (t: { user_id: string; name: string; token_hash: string; token_prefix: string }) =>
      db.insertInto('api_tokens').values(t).returningAll().executeTakeFirstOrThrow(),
    listTokens: (userId: string) =>
      db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute(),
    revokeToken: (userId: string, id: string) =>
      db
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
    organisationRoles: (userId: string) =>
      db
        .selectFrom('organisation_users')
        .innerJoin('organisations', 'organisations.id', 'organisation_users.organisation_id')
        .select([
          'organisation_users.organisation_id',
          'organisation_users.role',
          'organisations.slug',
          'organisations.name',
        ])
        .where('organisation_users.user_id', '=', userId)
        .orderBy('organisations.name')
        .execute(),
    eventRoles: (userId: string) =>
      db
        .selectFrom('event_members')
        .innerJoin('events', 'events.id', 'event_members.event_id')
        .select(['event_members.event_id', 'event_members.role', 'events.slug', 'events.title'])
        .where('event_members.user_id', '=', userId)
        .orderBy('events.starts_at', 'desc')
        .execute(),
  };
}
export type AccountsRepo = ReturnType<typeof accountsRepo>;
