import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canAgenda } from './agenda.policy.ts';
import type { AgendaRepo } from './agenda.repo.ts';
import type { SignupsRepo } from './signups.repo.ts';

/**
 * Sign-ups for sessions with seats (site visits). The seats are those of the published agenda, the one
 * participants see; a session only in the draft takes no sign-ups yet.
 */
export function signupsService(agenda: AgendaRepo, repo: SignupsRepo, now = () => new Date()) {
  async function publishedSession(actor: Actor | null, idOrSlug: string, sessionId: string) {
    if (!actor) throw unauthenticated();
    const e = await agenda.findEvent(idOrSlug);
    if (!e || !canAgenda(actor, 'sign_up', e)) throw notFound('Event');
    const version = e.agenda_version ? await agenda.version(e.id, e.agenda_version) : undefined;
    const session = version?.snapshot.sessions.find((s) => s.id === sessionId);
    if (!session) throw notFound('Session');
    return { event: e, session };
  }

  return {
    async signUp(actor: Actor | null, idOrSlug: string, sessionId: string) {
      const { event, session } = await publishedSession(actor, idOrSlug, sessionId);
      if (session.capacity === null) throw badRequest('This session takes no sign-ups');
      if (Date.parse(session.startsAt) <= now().getTime()) throw conflict('This session has already started');
      const r = await repo.signUp(event.id, sessionId, (actor as Actor).userId, session.capacity);
      if (r.kind === 'no_session') throw notFound('Session');
      if (r.kind === 'no_registration')
        throw forbidden('Only participants with a confirmed registration can sign up');
      if (r.kind === 'full') throw conflict('No seats left', { seatsLeft: 0 });
      return {
        created: r.created,
        body: { sessionId, signedUp: true, seatsLeft: Math.max(0, session.capacity - r.taken) },
      };
    },

    async withdraw(actor: Actor | null, idOrSlug: string, sessionId: string) {
      const { event, session } = await publishedSession(actor, idOrSlug, sessionId);
      await repo.withdraw(event.id, sessionId, (actor as Actor).userId);
      const taken = await repo.taken(sessionId);
      return { sessionId, signedUp: false, seatsLeft: Math.max(0, (session.capacity ?? 0) - taken) };
    },

    /** Who signed up for a session: its event's organisers only. */
    async participants(actor: Actor | null, idOrSlug: string, sessionId: string) {
      if (!actor) throw unauthenticated();
      const e = await agenda.findEvent(idOrSlug);
      if (!e || !canAgenda(actor, 'read', e)) throw notFound('Event');
      if (!canAgenda(actor, 'edit', e)) throw forbidden('Only the event’s organisers see who signed up');
      if (!(await agenda.sessionOfEvent(e.id, sessionId))) throw notFound('Session');
      const rows = await repo.participants(sessionId);
      return {
        items: rows.map((r) => ({
          name: r.name,
          organisationName: r.org_name,
          signedUpAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  };
}
export type SignupsService = ReturnType<typeof signupsService>;
