import { conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { ClaimsRepo } from './claims.repo.ts';
import { canOrganisation, canReviewDirectory } from './organisations.policy.ts';
import type { OrganisationsService } from './organisations.service.ts';

/** A user asks to run an existing profile; a platform administrator approves (→ its admin) or rejects. */
export function claimsService(repo: ClaimsRepo, organisations: OrganisationsService) {
  async function decide(
    actor: Actor | null,
    id: string,
    decision: { approve: true } | { approve: false; reason: string },
  ) {
    if (!actor) throw unauthenticated();
    if (!canReviewDirectory(actor)) throw forbidden('Only platform administrators decide claims');
    const claim = await repo.find(id);
    if (!claim) throw notFound('Claim');
    if (!(await repo.decide(claim.id, actor.userId, decision)))
      throw conflict('This claim has already been decided');
  }

  return {
    async create(actor: Actor | null, idOrSlug: string, message: string) {
      if (!actor) throw unauthenticated();
      const o = await organisations.readable(actor, idOrSlug);
      if (!canOrganisation(actor, 'claim', o)) {
        if (o.status !== 'published') throw conflict('Only a published profile can be claimed');
        throw conflict('You can already edit this organisation');
      }
      const claim = await repo.insert(o.id, actor.userId, message);
      if (!claim) throw conflict('You already have a pending claim for this organisation');
      return {
        id: claim.id,
        status: claim.status,
        reason: claim.reason,
        createdAt: claim.created_at.toISOString(),
      };
    },
    approve: (actor: Actor | null, id: string) => decide(actor, id, { approve: true }),
    reject: (actor: Actor | null, id: string, reason: string) =>
      decide(actor, id, { approve: false, reason }),
  };
}
export type ClaimsService = ReturnType<typeof claimsService>;
