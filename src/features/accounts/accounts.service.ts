import { AppError, conflict, notFound, unauthenticated } from '../../server/http/errors.ts';
import { TERMS_VERSION } from '../../shared/terms.ts';
import type { AccountsRepo } from './accounts.repo.ts';
import type { ApiToken, Me } from './accounts.schemas.ts';
import type { Actor } from './actor.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';
import { checkNewPassword } from './password-policy.ts';
import { hashToken, newToken } from './tokens.ts';

type UserRow = NonNullable<Awaited<ReturnType<AccountsRepo['findUserById']>>>;

export const API_TOKEN_PREFIX = 'nxm_';
// Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;

export function accountsService(repo: AccountsRepo, opts: { sessionDays: number }) {
  async function actorFor(user: UserRow, via: Actor['via']): Promise<Actor> {
    const [orgs, events] = await Promise.all([repo.organisationRoles(user.id), repo.eventRoles(user.id)]);
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      isAdmin: user.is_admin,
      locale: user.locale,
      via,
      organisationRoles: new Map(orgs.map((o) => [o.organisation_id, o.role])),
      eventRoles: new Map(events.map((e) => [e.event_id, e.role])),
    };
  }

  async function startSession(userId: string, userAgent: string | null) {
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + opts.sessionDays * 86_400_000);
    await repo.insertSession({
      token_hash: hash,
      user_id: userId,
      expires_at: expiresAt,
      user_agent: userAgent,
    });
    return { token, expiresAt };
  }

  return {
    async signUp(
      input: { email: string; name: string; password: string; locale?: 'en' | 'it'; acceptTerms: true },
      ua: string | null,
    ) {
      checkNewPassword(input.password, input.email, 'body.password');
      if (await repo.findUserByEmail(input.email)) {
        throw conflict('An account with this e-mail already exists', { field: 'email' });
      }
      const user = await repo.insertUser({
        email: input.email,
        name: input.name,
        password_hash: await hashPassword(input.password),
        locale: input.locale ?? 'en',
        terms_accepted_at: new Date(),
        terms_version: TERMS_VERSION,
      });
      return { userId: user.id, session: await startSession(user.id, ua) };
    },

    async signIn(input: { email: string; password: string }, ua: string | null) {
      const user = await repo.findUserByEmail(input.email);
      dummyHash ??= hashPassword('not-a-real-password');
      const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
      if (!user || !ok) throw unauthenticated('Wrong e-mail or password');
      return { userId: user.id, session: await startSession(user.id, ua) };
    },

    signOut: (sessionToken: string) => repo.deleteSession(hashToken(sessionToken)),

    async authenticateSession(token: string): Promise<Actor | null> {
      const user = await repo.findSessionUser(hashToken(token));
      return user ? actorFor(user, 'session') : null;
    },

    async authenticateApiToken(token: string): Promise<Actor | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const row = await repo.findTokenUser(hashToken(token));
      if (!row) return null;
      await repo.touchToken(row.token_id);
      return actorFor(row, 'token');
    },

    async me(actor: { userId: string }): Promise<Me> {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw notFound('User');
      const [orgs, events] = await Promise.all([repo.organisationRoles(user.id), repo.eventRoles(user.id)]);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        isAdmin: user.is_admin,
        locale: user.locale,
        createdAt: user.created_at.toISOString(),
        termsAcceptedAt: user.terms_accepted_at?.toISOString() ?? null,
        termsVersion: user.terms_version,
        organisations: orgs.map((o) => ({
          organisationId: o.organisation_id,
          organisationSlug: o.slug,
          organisationName: o.name,
          role: o.role,
        })),
        events: events.map((e) => ({
          eventId: e.event_id,
          eventSlug: e.slug,
          eventTitle: e.title,
          role: e.role,
        })),
      };
    },

    async updateMe(actor: Actor, patch: { name?: string; locale?: 'en' | 'it' }) {
      await repo.updateUser(actor.userId, patch);
    },

    /** Changing the password ends every other session of the user. */
    async changePassword(
      actor: Actor,
      input: { currentPassword: string; newPassword: string },
      keepToken: string | null,
    ) {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw notFound('User');
      if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
        throw new AppError('validation_failed', 400, 'The current password is wrong', {
          fields: [{ field: 'body.currentPassword', message: 'The current password is wrong' }],
        });
      }
      checkNewPassword(input.newPassword, user.email, 'body.newPassword');
      await repo.updateUser(user.id, { password_hash: await hashPassword(input.newPassword) });
      await repo.deleteOtherSessions(user.id, keepToken ? hashToken(keepToken) : null);
    },

    async listTokens(actor: Actor): Promise<ApiToken[]> {
      return (await repo.listTokens(actor.userId)).map(toApiToken);
    },

    async createToken(actor: Actor, name: string): Promise<ApiToken & { token: string }> {
      const { token, hash } = newToken(API_TOKEN_PREFIX);
      const row = await repo.insertToken({
        user_id: actor.userId,
        name,
        token_hash: hash,
        token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      });
      return { ...toApiToken(row), token };
    },

    async revokeToken(actor: Actor, id: string) {
      const r = await repo.revokeToken(actor.userId, id);
      if (!r.numUpdatedRows) throw notFound('Token');
    },

    /** On a first start with no administrator, creates one with a generated password, returned once. */
    async ensureAdministrator(
      email = 'admin@nexum.local',
    ): Promise<{ email: string; password: string } | null> {
      if ((await repo.countAdmins()) > 0) return null;
      const password = generatePassword();
      await repo.insertUser({
        email,
        name: 'Administrator',
        password_hash: await hashPassword(password),
        is_admin: true,
      });
      return { email, password };
    },
  };
}
export type AccountsService = ReturnType<typeof accountsService>;

function toApiToken(row: {
  id: string;
  name: string;
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}
