import { AppError, conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { hashToken, newToken } from '../accounts/tokens.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { canOrganisation } from './organisations.policy.ts';
import type { OrganisationsService } from './organisations.service.ts';
import { invitationMail } from './user-invitations.mail.ts';
import type { UserInvitationsRepo } from './user-invitations.repo.ts';
import type { InvitationLink, MyInvitation, UserInvitation } from './user-invitations.schemas.ts';

/** An invitation link works for 14 days. */
export const USER_INVITATION_DAYS = 14;
/** Pending invitations an organisation may have at once. */
export const PENDING_INVITATIONS_CAP = 50;
const DAY = 86_400_000;

export const INVITATION_SENT_MESSAGE =
  'If this address can receive e-mail, an invitation is on its way. Nothing changes until it is accepted.';

type Role = 'admin' | 'member';

/**
 * Organisation admins invite people by e-mail; the invited person accepts from the e-mailed link while
 * signed in with an account of that e-mail, or declines. The inviter learns nothing about the address:
 * the answer is the same whether it has an account, already runs the organisation, or neither, and an
 * e-mail is queued for every address that does not run it yet.
 */
export function userInvitationsService(
  repo: UserInvitationsRepo,
  organisations: OrganisationsService,
  deps: { mailer: Pick<Mailer, 'enqueue' | 'kick'>; publicUrl: string },
) {
  async function managed(actor: Actor | null, idOrSlug: string) {
    if (!actor) throw unauthenticated();
    const o = await organisations.readable(actor, idOrSlug);
    if (!canOrganisation(actor, 'invite_users', o))
      throw forbidden('Only the organisation’s admins invite people to it');
    return { actor, o };
  }

  function signedIn(actor: Actor | null): Actor {
    if (!actor) throw unauthenticated();
    return actor;
  }

  return {
    async invite(actor: Actor | null, idOrSlug: string, input: { email: string; role: Role }) {
      const { o, actor: a } = await managed(actor, idOrSlug);
      const email = input.email.toLowerCase();
      const { token, hash } = newToken();
      const expiresAt = new Date(Date.now() + USER_INVITATION_DAYS * DAY);
      const account = await repo.account(email);
      const result = await repo.invite(
        {
          organisationId: o.id,
          email,
          role: input.role,
          invitedBy: a.userId,
          tokenHash: hash,
          expiresAt,
          cap: PENDING_INVITATIONS_CAP,
        },
        async (trx) => {
          const mail = invitationMail({
            to: email,
            toUserId: account?.id ?? null,
            locale: account?.locale ?? 'en',
            organisation: o.name,
            inviter: a.name,
            role: input.role,
            url: `${deps.publicUrl}/organisation-invitations/${token}`,
            expiresAt,
          });
          await deps.mailer.enqueue([mail], trx);
        },
      );
      if (result === 'cap') {
        throw new AppError(
          'conflict',
          409,
          `This organisation has ${PENDING_INVITATIONS_CAP} pending invitations: revoke some or wait for answers`,
          { limit: PENDING_INVITATIONS_CAP },
        );
      }
      if (result === 'sent') deps.mailer.kick();
      return { email, role: input.role, message: INVITATION_SENT_MESSAGE };
    },

    async pending(actor: Actor | null, idOrSlug: string): Promise<{ items: UserInvitation[] }> {
      const { o } = await managed(actor, idOrSlug);
      const rows = await repo.pending(o.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          email: r.email,
          role: r.role,
          status: r.status,
          invitedBy: r.invited_by_name,
          createdAt: r.created_at.toISOString(),
          expiresAt: r.expires_at.toISOString(),
        })),
      };
    },

    async revoke(actor: Actor | null, idOrSlug: string, invitationId: string) {
      const { o } = await managed(actor, idOrSlug);
      if (!(await repo.revoke(o.id, invitationId))) throw notFound('Pending invitation');
    },

    async mine(actor: Actor | null): Promise<{ items: MyInvitation[] }> {
      const a = signedIn(actor);
      const rows = await repo.forEmail(a.email.toLowerCase());
      return {
        items: rows.map((r) => ({
          id: r.id,
          organisation: { id: r.organisation_id, slug: r.slug, name: r.name, status: r.organisation_status },
          role: r.role,
          invitedBy: r.invited_by_name,
          createdAt: r.created_at.toISOString(),
          expiresAt: r.expires_at.toISOString(),
        })),
      };
    },

    /**
     * Accepting needs both the e-mailed link's token, since sign-up does not verify addresses (whoever
     * registered the address first must not join on its owner's behalf), and an account of the invited
     * e-mail. An unknown token is a 404, as for the link itself; the link already shows its address, so
     * the holder of one signed in with another account is told so.
     */
    async accept(actor: Actor | null, token: string) {
      const a = signedIn(actor);
      const r = await repo.accept(hashToken(token), { id: a.userId, email: a.email.toLowerCase() });
      switch (r.outcome) {
        case 'accepted':
          return { organisation: r.organisation, role: r.role };
        case 'not_found':
          throw notFound('Invitation');
        case 'other_account':
          throw forbidden('This invitation is for another e-mail address: sign in with the invited one');
        case 'accepted_before':
          throw conflict('You have already accepted this invitation', { status: 'accepted' });
        default:
          throw conflict(`This invitation is ${r.outcome}: ask the organisation’s admins for a new one`, {
            status: r.outcome,
          });
      }
    },

    async decline(actor: Actor | null, invitationId: string) {
      const a = signedIn(actor);
      if (!(await repo.decline(invitationId, a.email.toLowerCase()))) throw notFound('Pending invitation');
    },

    /** What the e-mailed link shows, signed in or not; the link alone grants nothing. */
    async link(token: string): Promise<InvitationLink> {
      const r = await repo.byTokenHash(hashToken(token));
      if (!r) throw notFound('Invitation');
      const expired = r.status === 'pending' && r.expires_at.getTime() <= Date.now();
      return {
        id: r.id,
        organisationName: r.organisation_name,
        role: r.role,
        email: r.email,
        status: expired ? 'expired' : r.status,
        expiresAt: r.expires_at.toISOString(),
      };
    },
  };
}
export type UserInvitationsService = ReturnType<typeof userInvitationsService>;
