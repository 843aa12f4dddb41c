import { conflict, forbidden, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { LifecycleRepo } from './lifecycle.repo.ts';
import type { ReviewQueue } from './lifecycle.schemas.ts';
import { canOrganisation, canReviewDirectory } from './organisations.policy.ts';
import type { Organisation } from './organisations.schemas.ts';
import { type OrganisationsService, toOrganisationSummary } from './organisations.service.ts';

/** draft → submitted → published, or → rejected (with a reason) → submitted again. */
export function lifecycleService(repo: LifecycleRepo, organisations: OrganisationsService) {
  return {
    async submit(actor: Actor | null, idOrSlug: string): Promise<Organisation> {
      if (!actor) throw unauthenticated();
      const o = await organisations.readable(actor, idOrSlug);
      if (!canOrganisation(actor, 'update', o))
        throw forbidden('Only the organisation’s admins submit it for validation');
      if (
        !canOrganisation(actor, 'submit', o) ||
        !(await repo.transition(o.id, actor.userId, 'submit', ['draft', 'rejected'], 'submitted', {
          submitted_at: new Date(),
        }))
      )
        throw conflict('Only a draft or a rejected profile can be submitted');
      return organisations.get(actor, o.id);
    },

    async publish(actor: Actor | null, idOrSlug: string): Promise<Organisation> {
      if (!actor) throw unauthenticated();
      const o = await organisations.readable(actor, idOrSlug);
      if (!canReviewDirectory(actor)) throw forbidden('Only platform administrators publish profiles');
      const now = new Date();
      if (
        !canOrganisation(actor, 'review', o) ||
        !(await repo.transition(o.id, actor.userId, 'publish', ['submitted'], 'published', {
          published_at: now,
          rejection_reason: null,
        }))
      )
        throw conflict('Only a submitted profile can be published');
      return organisations.get(actor, o.id);
    },

    async reject(actor: Actor | null, idOrSlug: string, reason: string): Promise<Organisation> {
      if (!actor) throw unauthenticated();
      const o = await organisations.readable(actor, idOrSlug);
      if (!canReviewDirectory(actor)) throw forbidden('Only platform administrators reject profiles');
      if (
        !canOrganisation(actor, 'review', o) ||
        !(await repo.transition(o.id, actor.userId, 'reject', ['submitted'], 'rejected', {
          rejection_reason: reason,
        }))
      )
        throw conflict('Only a submitted profile can be rejected');
      return organisations.get(actor, o.id);
    },

    async queue(actor: Actor | null): Promise<ReviewQueue> {
      if (!actor) throw unauthenticated();
      if (!canReviewDirectory(actor)) throw forbidden('Only platform administrators review the directory');
      const q = await repo.queue();
      return {
        organisations: q.organisations.map((o) => ({
          ...toOrganisationSummary(o),
          submittedAt: o.submitted_at ? new Date(o.submitted_at).toISOString() : null,
          createdBy: o.creator_name ? { name: o.creator_name, email: o.creator_email ?? '' } : null,
        })),
        claims: q.claims.map((c) => ({
          id: c.claim_id,
          organisation: toOrganisationSummary(c),
          user: { id: c.user_id, name: c.user_name, email: c.user_email },
          message: c.message,
          createdAt: c.claimed_at.toISOString(),
        })),
      };
    },
  };
}
export type LifecycleService = ReturnType<typeof lifecycleService>;
