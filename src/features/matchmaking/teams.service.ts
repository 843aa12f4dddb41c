import { isUniqueViolation } from '../../server/db/errors.ts';
import { conflict } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import {
  authorise,
  availability,
  type Caller,
  callerOf,
  eventSlots,
  fieldError,
  isExpired,
  loadRequest,
  myId,
  statusOf,
} from './b2b.context.ts';
import type { B2bQueries, B2bRepo, PersonRow } from './b2b.repo.ts';
import { type B2bRequest, MAX_MEETING_PARTICIPANTS } from './b2b.schemas.ts';
import { slotKey } from './slots.ts';

/**
 * Colleagues invited to a meeting by `of` (the requester when asking, the addressee when accepting):
 * `of` and each colleague must be users of `of`'s organisation (organisation_users, an accepted
 * membership), and each colleague a confirmed participant who opted in, not yet in the request
 * (`current`) and not one who declined it (`refused`). They are only invited: each one accepts or not.
 */
export async function checkTeam(
  repo: B2bQueries,
  c: Caller,
  of: PersonRow,
  teamIds: string[],
  current: string[],
  refused: string[],
  field: string,
) {
  const ids = [...new Set(teamIds)];
  if (ids.length === 0) return ids;
  if (current.length + ids.length > MAX_MEETING_PARTICIPANTS)
    throw fieldError(field, `A meeting has at most ${MAX_MEETING_PARTICIPANTS} participants`);
  const team = await repo.people(c.event.id, ids);
  for (const id of ids) {
    const p = team.find((x) => x.registrationId === id);
    if (p?.status !== 'confirmed' || !p.optedIn || current.includes(id) || refused.includes(id))
      throw fieldError(
        field,
        'A colleague must be a confirmed participant who opted in to B2B meetings and is not yet invited to the meeting',
      );
  }
  const org = of.organisation;
  const users = org
    ? await repo.organisationUsers(org.id, [of.userId, ...team.map((p) => p.userId)])
    : new Set<string>();
  if (!org || !users.has(of.userId))
    throw fieldError(field, 'You can bring colleagues only when you are a user of your B2B organisation');
  if (team.some((p) => !users.has(p.userId)))
    throw fieldError(field, `Team members must be users of your organisation (${org.name})`);
  return ids;
}

/** Team invitations (a colleague accepts or declines) and leaving a meeting. */
export function teamsService(repo: B2bRepo, view: (c: Caller, requestId: string) => Promise<B2bRequest>) {
  async function answerOnce(c: Caller, requestId: string, answer: 'accepted' | 'declined') {
    await repo.transaction(async (tx) => {
      const { req, invited, resource } = await loadRequest(c, requestId, true, tx);
      authorise(c, 'answer_team', { request: resource }, 'Only the colleague invited answers an invitation');
      const me = myId(c);
      const mine = invited.find((m) => m.registration_id === me)!;
      if (mine.status !== 'pending') throw conflict(`You have already ${mine.status} this invitation`);
      if (isExpired(req) || (req.status !== 'pending' && req.status !== 'accepted'))
        throw conflict(`This request is ${statusOf(req)}`);
      await tx.setMemberStatus(req.id, me, answer);
      if (answer === 'declined') return;
      // A meeting with a slot already: join it there, only if free then.
      const [meeting] = await tx.meetings(c.event.id, [req.id]);
      if (!meeting) return;
      const key = slotKey(meeting.session_id, meeting.starts_at);
      const slot = (await eventSlots(tx, c.event.id)).find((s) => s.key === key);
      if (slot && (await availability(tx, c.event.id, [me], [slot])).get(me)?.has(key))
        throw conflict('You are not free at the time of this meeting: free the slot first, then accept');
      await tx.joinMeeting(meeting.id, me);
    });
  }

  return {
    /** An invited colleague accepts (booked into the meeting's slot when it has one) or declines. */
    async answerTeam(
      actor: Actor | null,
      idOrSlug: string,
      requestId: string,
      answer: 'accepted' | 'declined',
    ) {
      const c = await callerOf(repo, actor, idOrSlug);
      try {
        await answerOnce(c, requestId, answer);
      } catch (e) {
        if (isUniqueViolation(e))
          throw conflict('You already have another meeting at the time of this meeting');
        throw e;
      }
      return view(c, requestId);
    },

    /**
     * Anyone in a request leaves it. A colleague leaves the team and the meeting, which stays; the
     * requester leaving withdraws the request, the addressee leaving declines it: the meeting is
     * cancelled and its slot and table are free again.
     */
    async leave(actor: Actor | null, idOrSlug: string, requestId: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      await repo.transaction(async (tx) => {
        const { req, resource } = await loadRequest(c, requestId, true, tx);
        authorise(c, 'leave', { request: resource }, 'Only the people in a meeting leave it');
        const me = myId(c);
        const [meeting] = await tx.meetings(c.event.id, [req.id]);
        if (meeting && new Date(meeting.starts_at).getTime() <= Date.now())
          throw conflict('This meeting has already started');
        if (me !== req.requester_id && me !== req.addressee_id) {
          await tx.removeMember(req.id, me);
          return;
        }
        if (isExpired(req) || (req.status !== 'pending' && req.status !== 'accepted'))
          throw conflict(`This request is ${statusOf(req)}`);
        await tx.deleteMeeting(req.id);
        await tx.setStatus(req.id, me === req.requester_id ? 'withdrawn' : 'declined');
      });
    },
  };
}
