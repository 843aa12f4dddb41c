import { dbError } from '../../server/db/errors.ts';
import { conflict, forbidden } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canOrganisation } from '../organisations/organisations.policy.ts';
import {
  authorise,
  availability,
  type Caller,
  callerOf,
  eventSlots,
  fieldError,
  isExpired,
  loadRequest,
  meetingPeople,
  myId,
  statusOf,
  toParticipant,
  toRef,
} from './b2b.context.ts';
import { canB2b } from './b2b.policy.ts';
import type { B2bRepo, ParticipantFilter, RequestRow } from './b2b.repo.ts';
import type { B2bRequest } from './b2b.schemas.ts';
import { type Slot, slotKey } from './slots.ts';
import { checkTeam, teamsService } from './teams.service.ts';

/** Opting in, browsing participants, requests and their answers, blocked slots, the mode. */
export function b2bService(repo: B2bRepo) {
  /** Request views for the caller, with the free common slots of pending incoming first-come requests. */
  async function views(c: Caller, rows: RequestRow[]): Promise<B2bRequest[]> {
    const me = c.registration?.id;
    const ids = rows.map((r) => r.id);
    const [invited, meetings] = await Promise.all([repo.invitations(ids), repo.meetings(c.event.id, ids)]);
    // Only colleagues who accepted are in the meeting; the others are shown with their answer.
    const members = invited.filter((m) => m.status === 'accepted');
    const everyone = [...new Set(rows.flatMap((r) => meetingPeople(r, invited)))];
    const people = new Map((await repo.people(c.event.id, everyone)).map((p) => [p.registrationId, p]));
    const needSlots = rows.filter(
      (r) => c.event.b2b_mode === 'first_come' && r.addressee_id === me && statusOf(r) === 'pending',
    );
    let free = new Map<string, string[]>();
    if (needSlots.length) {
      const slots = await eventSlots(repo, c.event.id);
      free = await freeCommonSlots(
        c.event.id,
        slots,
        needSlots.map((r) => ({ id: r.id, people: meetingPeople(r, members) })),
      );
    }
    return rows.map((r) => {
      const m = meetings.find((x) => x.request_id === r.id);
      return {
        id: r.id,
        status: statusOf(r),
        direction: r.addressee_id === me ? 'incoming' : r.requester_id === me ? 'outgoing' : 'team',
        message: r.message,
        createdAt: new Date(r.created_at).toISOString(),
        expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
        requester: toRef(people.get(r.requester_id), r.requester_id),
        addressee: toRef(people.get(r.addressee_id), r.addressee_id),
        team: invited
          .filter((x) => x.request_id === r.id)
          .map((x) => ({
            ...toRef(people.get(x.registration_id), x.registration_id),
            side: x.side,
            status: x.status,
          })),
        meeting: m
          ? {
              sessionId: m.session_id,
              startsAt: new Date(m.starts_at).toISOString(),
              endsAt: new Date(m.ends_at).toISOString(),
              table: m.table_no,
              room: m.room,
            }
          : null,
        freeSlots: free.get(r.id) ?? [],
      };
    });
  }

  /** Slots where everyone of each meeting is free and a table is left. */
  async function freeCommonSlots(
    eventId: string,
    slots: Slot[],
    meetings: { id: string; people: string[] }[],
  ) {
    const avail = await availability(
      repo,
      eventId,
      meetings.flatMap((m) => m.people),
      slots,
    );
    const used = new Map<string, number>();
    for (const m of await repo.meetings(eventId)) {
      const k = slotKey(m.session_id, m.starts_at);
      used.set(k, (used.get(k) ?? 0) + 1);
    }
    const out = new Map<string, string[]>();
    for (const m of meetings) {
      out.set(
        m.id,
        slots
          .filter(
            (s) => (used.get(s.key) ?? 0) < s.tables && m.people.every((p) => !avail.get(p)?.has(s.key)),
          )
          .map((s) => s.key),
      );
    }
    return out;
  }

  async function acceptOnce(c: Caller, requestId: string, slot: string | undefined, teamIds: string[]) {
    return repo.transaction(async (tx) => {
      const { req, members, invited, resource } = await loadRequest(c, requestId, true, tx);
      authorise(c, 'respond', { request: resource }, 'Only the participant asked answers a request');
      if (isExpired(req)) throw conflict('This request has expired');
      if (req.status !== 'pending') throw conflict(`This request is ${req.status}`);
      // Booked now: the two sides and the colleagues who accepted. Newly invited ones join on accepting.
      const people = meetingPeople(req, members);
      const addressee = (await tx.people(c.event.id, [req.addressee_id]))[0]!;
      const open = invited.filter((m) => m.status !== 'declined');
      const refused = invited.filter((m) => m.status === 'declined').map((m) => m.registration_id);
      const team = await checkTeam(tx, c, addressee, teamIds, meetingPeople(req, open), refused, 'teamIds');
      await tx.addMembers(req.id, 'addressee', team);
      if (c.event.b2b_mode === 'first_come') {
        if (!slot) throw fieldError('slot', 'Choose a slot for the meeting');
        const s = (await eventSlots(tx, c.event.id)).find((x) => x.key === slot);
        if (!s) throw fieldError('slot', 'No such slot in this event');
        const everyone = people;
        const avail = await availability(tx, c.event.id, everyone, [s]);
        if (everyone.some((p) => avail.get(p)?.has(s.key)))
          throw conflict('Someone in this meeting is not free in this slot');
        const taken = new Set(await tx.tablesTaken(s.sessionId, s.startsAt));
        let table = 1;
        while (taken.has(table)) table++;
        if (table > s.tables) throw conflict('All tables are taken in this slot');
        await tx.insertMeeting({
          event_id: c.event.id,
          request_id: req.id,
          session_id: s.sessionId,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          table_no: table,
          source: 'first_come',
          participants: everyone,
        });
      }
      await tx.setStatus(req.id, 'accepted');
    });
  }

  const view = async (c: Caller, requestId: string) =>
    (await views(c, [(await repo.request(c.event.id, requestId))!]))[0]!;

  return {
    ...teamsService(repo, view),

    async overview(actor: Actor | null, idOrSlug: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      const canEdit = canB2b(actor, 'manage', { event: c.event });
      const slots = await eventSlots(repo, c.event.id);
      const reg = c.registration?.status === 'confirmed' ? c.registration : null;
      let me = null;
      let mine = new Map<string, string>();
      if (reg) {
        const p = (await repo.people(c.event.id, [reg.id]))[0]!;
        // Colleagues to invite: only for a user of the organisation, among its other users.
        const member =
          !!p.organisation && (await repo.organisationUsers(p.organisation.id, [p.userId])).has(p.userId);
        const colleagues = member ? await repo.colleagues(c.event.id, reg.id, p.organisation!.id) : [];
        me = {
          registrationId: reg.id,
          optedIn: c.optedIn,
          profile: c.optedIn ? toParticipant(p) : null,
          colleagues: colleagues.map((x) => toRef(x, x.registrationId)),
        };
        mine = (await availability(repo, c.event.id, [reg.id], slots)).get(reg.id) ?? mine;
      }
      return {
        event: {
          id: c.event.id,
          slug: c.event.slug,
          title: c.event.title,
          timeZone: c.event.time_zone,
          mode: c.event.b2b_mode,
          canEdit,
        },
        me,
        slots: slots.map((s) => ({ ...s, mine: reg ? ((mine.get(s.key) as 'blocked') ?? 'free') : null })),
      };
    },

    async setProfile(
      actor: Actor | null,
      idOrSlug: string,
      input: { offer: string; seek: string; organisationId?: string | null | undefined },
    ) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'opt_in', {}, 'Only confirmed participants take part in B2B meetings');
      // The profile names only an organisation the caller belongs to (organisation_users): teams are
      // formed among its users. Without a choice, the registration's, if the caller is one of its users.
      let organisationId = input.organisationId ?? null;
      if (input.organisationId) {
        // Only an organisation the caller may see: the participant list shows its name to everyone.
        const org = await repo.organisation(input.organisationId);
        if (!org || !canOrganisation(c.actor, 'read', org))
          throw fieldError('organisationId', 'No organisation with this id');
        if (!(await repo.organisationUsers(org.id, [c.actor.userId])).has(c.actor.userId))
          throw forbidden(
            'You can name only an organisation you belong to: ask one of its administrators to add you',
          );
      } else if (input.organisationId === undefined && c.registration!.organisation_id) {
        const own = c.registration!.organisation_id;
        if ((await repo.organisationUsers(own, [c.actor.userId])).has(c.actor.userId)) organisationId = own;
      }
      await repo.upsertProfile({
        registration_id: myId(c),
        event_id: c.event.id,
        offer: input.offer,
        seek: input.seek,
        organisation_id: organisationId,
      });
      return toParticipant((await repo.people(c.event.id, [myId(c)]))[0]!);
    },

    async optOut(actor: Actor | null, idOrSlug: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'opt_in', {}, 'Only confirmed participants take part in B2B meetings');
      await repo.optOut(myId(c));
    },

    async participants(
      actor: Actor | null,
      idOrSlug: string,
      f: ParticipantFilter & { page: number; pageSize: number },
    ) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'browse', {}, 'Only the event’s participants see who takes part in B2B meetings');
      const [list, facets] = await Promise.all([
        repo.participants(c.event.id, f, f.page, f.pageSize),
        repo.facets(c.event.id),
      ]);
      return {
        items: list.items.map(toParticipant),
        total: list.total,
        page: f.page,
        pageSize: f.pageSize,
        facets,
      };
    },

    async createRequest(
      actor: Actor | null,
      idOrSlug: string,
      input: { addresseeId: string; message: string; expiresAt?: string | undefined; teamIds: string[] },
    ) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'request', {}, 'Opt in to B2B meetings with a confirmed registration first');
      const me = myId(c);
      if (input.addresseeId === me) throw fieldError('addresseeId', 'You cannot meet yourself');
      const [addressee] = await repo.people(c.event.id, [input.addresseeId]);
      if (addressee?.status !== 'confirmed' || !addressee.optedIn)
        throw fieldError('addresseeId', 'This participant does not take B2B meeting requests');
      if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now())
        throw fieldError('expiresAt', 'The expiry must be in the future');
      const requester = (await repo.people(c.event.id, [me]))[0]!;
      const team = await checkTeam(repo, c, requester, input.teamIds, [me, input.addresseeId], [], 'teamIds');
      const open = await repo.requestsOf(c.event.id, me);
      if (
        open.some(
          (r) => r.requester_id === input.addresseeId && r.addressee_id === me && statusOf(r) === 'pending',
        )
      )
        throw conflict('This participant has already asked you for a meeting: answer their request');
      try {
        const id = await repo.transaction(async (tx) => {
          const { id } = await tx.insertRequest({
            event_id: c.event.id,
            requester_id: me,
            addressee_id: input.addresseeId,
            message: input.message,
            expires_at: input.expiresAt ?? null,
          });
          await tx.addMembers(id, 'requester', team);
          return id;
        });
        return (await views(c, [(await repo.request(c.event.id, id))!]))[0]!;
      } catch (e) {
        if (dbError(e).code === '23505')
          throw conflict('You already have an open request to this participant');
        throw e;
      }
    },

    async requests(actor: Actor | null, idOrSlug: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'opt_in', {}, 'Only confirmed participants have B2B requests');
      const all = await views(c, await repo.requestsOf(c.event.id, myId(c)));
      return {
        incoming: all.filter((r) => r.direction === 'incoming'),
        outgoing: all.filter((r) => r.direction === 'outgoing'),
        team: all.filter((r) => r.direction === 'team'),
      };
    },

    /**
     * Accepts a request. First come: the meeting takes the chosen slot and the first free table in
     * one transaction; the exclusion constraints of b2b_meeting_participants and b2b_meetings refuse
     * a person or a table in two meetings at overlapping times, and a lost race for a table tries the
     * next one.
     */
    async accept(
      actor: Actor | null,
      idOrSlug: string,
      requestId: string,
      input: { slot?: string | undefined; teamIds: string[] },
    ) {
      const c = await callerOf(repo, actor, idOrSlug);
      for (let attempt = 0; ; attempt++) {
        try {
          await acceptOnce(c, requestId, input.slot, input.teamIds);
          break;
        } catch (e) {
          // 23P01: an exclusion constraint of 0011 (a person or a table already in a meeting at an
          // overlapping time); 23505: the request's own meeting row.
          const err = dbError(e);
          if (err.code === 'NXB01')
            throw conflict('The agenda changed and this slot no longer exists: choose another');
          if (err.code !== '23P01' && err.code !== '23505') throw e;
          const table = (err.constraint ?? '').includes('table_no');
          if (table && attempt < 5) continue;
          if (table) throw conflict('All tables are taken in this slot');
          throw conflict('Someone in this meeting was just booked at this time; choose another slot');
        }
      }
      return (await views(c, [(await repo.request(c.event.id, requestId))!]))[0]!;
    },

    async decline(actor: Actor | null, idOrSlug: string, requestId: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      await repo.transaction(async (tx) => {
        const { req, resource } = await loadRequest(c, requestId, true, tx);
        authorise(c, 'respond', { request: resource }, 'Only the participant asked answers a request');
        if (isExpired(req)) throw conflict('This request has expired');
        if (req.status !== 'pending') throw conflict(`This request is ${req.status}`);
        await tx.setStatus(req.id, 'declined');
      });
      return (await views(c, [(await repo.request(c.event.id, requestId))!]))[0]!;
    },

    /** The requester withdraws a pending or accepted request; its meeting, if any, is cancelled. */
    async withdraw(actor: Actor | null, idOrSlug: string, requestId: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      await repo.transaction(async (tx) => {
        const { req, resource } = await loadRequest(c, requestId, true, tx);
        authorise(c, 'withdraw', { request: resource }, 'Only the participant who asked withdraws a request');
        if (req.status !== 'pending' && req.status !== 'accepted')
          throw conflict(`This request is ${req.status}`);
        await tx.deleteMeeting(req.id);
        await tx.setStatus(req.id, 'withdrawn');
      });
      return (await views(c, [(await repo.request(c.event.id, requestId))!]))[0]!;
    },

    async setBlocked(actor: Actor | null, idOrSlug: string, keys: string[]) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'block_slots', {}, 'Only confirmed participants block slots');
      const slots = await eventSlots(repo, c.event.id);
      const chosen = [...new Set(keys)].map((k) => slots.find((s) => s.key === k));
      if (chosen.some((s) => !s)) throw fieldError('slots', 'Unknown slot');
      const mine = (await availability(repo, c.event.id, [myId(c)], slots)).get(myId(c))!;
      if (chosen.some((s) => mine.get(s!.key) === 'meeting'))
        throw fieldError('slots', 'You have a meeting in this slot');
      await repo.setBlocked(
        myId(c),
        chosen.map((s) => ({ startsAt: s!.startsAt, endsAt: s!.endsAt })),
      );
    },

    async setMode(actor: Actor | null, idOrSlug: string, mode: 'first_come' | 'scheduler') {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'manage', {}, 'Only the event’s organisers choose how meetings are scheduled');
      await repo.setMode(c.event.id, mode);
    },
  };
}
export type B2bService = ReturnType<typeof b2bService>;
