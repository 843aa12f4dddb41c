import { forbidden, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { OutboxRepo } from './outbox.repo.ts';
import type { OutboxList, OutboxQuery } from './outbox.schemas.ts';

/** Platform administrators read every e-mail the platform wrote, sent or not. */
export const canReadOutbox = (actor: Actor | null) => !!actor?.isAdmin;

export function outboxService(repo: OutboxRepo, opts: { smtpConfigured: boolean }) {
  return {
    async list(actor: Actor | null, query: OutboxQuery): Promise<OutboxList> {
      if (!actor) throw unauthenticated();
      if (!canReadOutbox(actor)) throw forbidden('Only platform administrators read the outbox');
      const { page, pageSize, ...f } = query;
      const [r, kinds] = await Promise.all([repo.list(f, page, pageSize), repo.kinds()]);
      return {
        items: r.items.map((m) => ({
          id: m.id,
          to: m.to_address,
          kind: m.kind,
          subject: m.subject,
          body: m.body_text,
          status: m.status,
          attempts: m.attempts,
          lastError: m.last_error,
          event:
            m.event_id && m.event_slug && m.event_title
              ? { id: m.event_id, slug: m.event_slug, title: m.event_title }
              : null,
          createdAt: m.created_at.toISOString(),
          sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
        })),
        total: r.total,
        page,
        pageSize,
        kinds,
        smtp: opts.smtpConfigured,
      };
    },
  };
}
export type OutboxService = ReturnType<typeof outboxService>;
