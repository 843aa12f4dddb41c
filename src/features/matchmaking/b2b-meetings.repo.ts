import { type Kysely, sql } from 'kysely';
import type { B2bOutcome, DB } from '../../server/db/schema.ts';
import type { Interval } from './slots.ts';

export interface RequestRow {
  id: string;
  event_id: string;
  requester_id: string;
  addressee_id: string;
  message: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  expires_at: Date | null;
  priority: number;
  created_at: Date;
}

/** SQL of requests, meetings, outcomes and scheduler runs (composed into b2bRepo). */
export function meetingQueries(db: Kysely<DB>) {
  return {
    insertRequest: (row: {
      event_id: string;
      requester_id: string;
      addressee_id: string;
      message: string;
      expires_at: string | null;
    }) => db.insertInto('b2b_requests').values(row).returning('id').executeTakeFirstOrThrow(),

    addMembers: (requestId: string, side: 'requester' | 'addressee', ids: string[]) =>
      ids.length
        ? db
            .insertInto('b2b_request_members')
            .values(ids.map((registration_id) => ({ request_id: requestId, registration_id, side })))
            .onConflict((oc) => oc.doNothing())
            .execute()
        : Promise.resolve([]),

    /** The request, locked for the rest of the transaction when `lock` is set. */
    request: (eventId: string, id: string, lock = false) => {
      const q = db
        .selectFrom('b2b_requests')
        .select([
          'id',
          'event_id',
          'requester_id',
          'addressee_id',
          'message',
          'status',
          'expires_at',
          'priority',
          'created_at',
        ])
        .where('id', '=', id)
        .where('event_id', '=', eventId);
      return (lock ? q.forUpdate() : q).executeTakeFirst() as Promise<RequestRow | undefined>;
    },

    /** Requests where the registration is requester, addressee or a team member. */
    requestsOf: (eventId: string, registrationId: string) =>
      db
        .selectFrom('b2b_requests as q')
        .select([
          'q.id',
          'q.event_id',
          'q.requester_id',
          'q.addressee_id',
          'q.message',
          'q.status',
          'q.expires_at',
          'q.priority',
          'q.created_at',
        ])
        .where('q.event_id', '=', eventId)
        .where((eb) =>
          eb.or([
            eb('q.requester_id', '=', registrationId),
            eb('q.addressee_id', '=', registrationId),
            eb(
              'q.id',
              'in',
              eb
                .selectFrom('b2b_request_members')
                .select('request_id')
                .where('registration_id', '=', registrationId),
            ),
          ]),
        )
        .orderBy('q.created_at', 'desc')
        .execute() as Promise<RequestRow[]>,

    requestsOfEvent: (eventId: string, statuses?: RequestRow['status'][]) => {
      let q = db
        .selectFrom('b2b_requests')
        .select([
          'id',
          'event_id',
          'requester_id',
          'addressee_id',
          'message',
          'status',
          'expires_at',
          'priority',
          'created_at',
        ])
        .where('event_id', '=', eventId);
      if (statuses) q = q.where('status', 'in', statuses);
      return q.orderBy('created_at').orderBy('id').execute() as Promise<RequestRow[]>;
    },

    /**
     * Team members who accepted: the colleagues who are in the meeting (booked, in agendas, feeds,
     * PDFs, the scheduler's input). Invited colleagues who have not accepted are in `invitations`.
     */
    async members(requestIds: string[]) {
      if (requestIds.length === 0) return [];
      return db
        .selectFrom('b2b_request_members')
        .selectAll()
        .where('request_id', 'in', requestIds)
        .where('status', '=', 'accepted')
        .orderBy('side')
        .orderBy('registration_id')
        .execute();
    },

    /** Every colleague invited to the requests, whatever their answer. */
    async invitations(requestIds: string[]) {
      if (requestIds.length === 0) return [];
      return db
        .selectFrom('b2b_request_members')
        .selectAll()
        .where('request_id', 'in', requestIds)
        .orderBy('side')
        .orderBy('registration_id')
        .execute();
    },

    setMemberStatus: (requestId: string, registrationId: string, status: 'accepted' | 'declined') =>
      db
        .updateTable('b2b_request_members')
        .set({ status, responded_at: new Date() })
        .where('request_id', '=', requestId)
        .where('registration_id', '=', registrationId)
        .execute(),

    /** A colleague leaves: out of the request's team and of its meeting, if it has one. */
    async removeMember(requestId: string, registrationId: string) {
      await db
        .deleteFrom('b2b_meeting_participants')
        .where('registration_id', '=', registrationId)
        .where('meeting_id', 'in', (eb) =>
          eb.selectFrom('b2b_meetings').select('id').where('request_id', '=', requestId),
        )
        .execute();
      await db
        .deleteFrom('b2b_request_members')
        .where('request_id', '=', requestId)
        .where('registration_id', '=', registrationId)
        .execute();
    },

    /**
     * Books a colleague who accepted into the request's meeting, in its slot; the keys of
     * b2b_meeting_participants refuse it when they already have a meeting then.
     */
    /** A colleague joins a booked meeting; the trigger of 0011 gives the row the meeting's times. */
    joinMeeting: (meetingId: string, registrationId: string) =>
      db
        .insertInto('b2b_meeting_participants')
        .values({ meeting_id: meetingId, registration_id: registrationId })
        .execute(),

    setStatus: (id: string, status: RequestRow['status']) =>
      db
        .updateTable('b2b_requests')
        .set({ status, responded_at: new Date(), updated_at: new Date() })
        .where('id', '=', id)
        .execute(),

    meetings: (eventId: string, requestIds?: string[]) => {
      let q = db
        .selectFrom('b2b_meetings as m')
        .innerJoin('event_sessions as s', 's.id', 'm.session_id')
        .select([
          'm.id',
          'm.request_id',
          'm.session_id',
          'm.starts_at',
          'm.ends_at',
          'm.table_no',
          'm.created_at',
          's.room',
        ])
        .where('m.event_id', '=', eventId);
      if (requestIds) {
        if (requestIds.length === 0) return Promise.resolve([]);
        q = q.where('m.request_id', 'in', requestIds);
      }
      return q.orderBy('m.starts_at').orderBy('m.table_no').execute();
    },

    /** The time ranges of each registration's meetings. */
    async booked(registrationIds: string[]): Promise<Map<string, Interval[]>> {
      const out = new Map<string, Interval[]>();
      if (registrationIds.length === 0) return out;
      const rows = await db
        .selectFrom('b2b_meeting_participants')
        .select(['registration_id', 'starts_at', 'ends_at'])
        .where('registration_id', 'in', registrationIds)
        .execute();
      for (const r of rows) {
        const list = out.get(r.registration_id) ?? [];
        list.push({ start: new Date(r.starts_at).getTime(), end: new Date(r.ends_at).getTime() });
        out.set(r.registration_id, list);
      }
      return out;
    },

    tablesTaken: async (sessionId: string, startsAt: string) =>
      (
        await db
          .selectFrom('b2b_meetings')
          .select('table_no')
          .where('session_id', '=', sessionId)
          .where('starts_at', '=', startsAt)
          .execute()
      ).map((r) => r.table_no),

    /**
     * A meeting with its participants; the exclusion constraints (0011) refuse a person or a table in
     * two meetings whose times overlap. The participants' rows take the meeting's times by trigger.
     */
    async insertMeeting(m: {
      event_id: string;
      request_id: string;
      session_id: string;
      starts_at: string;
      ends_at: string;
      table_no: number;
      source: 'first_come' | 'scheduler';
      sample?: boolean;
      participants: string[];
    }) {
      const { participants, ...row } = m;
      const { id } = await db
        .insertInto('b2b_meetings')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('b2b_meeting_participants')
        .values(participants.map((registration_id) => ({ meeting_id: id, registration_id })))
        .execute();
      return id;
    },

    /** Requests of the meetings a registration is in. */
    meetingRequestIdsOf: async (registrationId: string) =>
      (
        await db
          .selectFrom('b2b_meeting_participants as mp')
          .innerJoin('b2b_meetings as m', 'm.id', 'mp.meeting_id')
          .select('m.request_id')
          .where('mp.registration_id', '=', registrationId)
          .execute()
      ).map((r) => r.request_id),

    registrationById: (id: string) =>
      db
        .selectFrom('registrations')
        .select(['id', 'event_id', 'status'])
        .where('id', '=', id)
        .executeTakeFirst(),

    eventById: (id: string) =>
      db
        .selectFrom('events')
        .select(['id', 'slug', 'title', 'time_zone', 'venue_name'])
        .where('id', '=', id)
        .executeTakeFirst(),

    deleteMeeting: (requestId: string) =>
      db.deleteFrom('b2b_meetings').where('request_id', '=', requestId).execute(),
    deleteMeetingsOfEvent: (eventId: string) =>
      db.deleteFrom('b2b_meetings').where('event_id', '=', eventId).execute(),

    outcomes: (requestIds: string[]) =>
      requestIds.length
        ? db.selectFrom('b2b_outcomes').selectAll().where('request_id', 'in', requestIds).execute()
        : Promise.resolve([]),

    setOutcome: (requestId: string, registrationId: string, outcome: B2bOutcome, note: string) =>
      db
        .insertInto('b2b_outcomes')
        .values({ request_id: requestId, registration_id: registrationId, outcome, note })
        .onConflict((oc) =>
          oc
            .columns(['request_id', 'registration_id'])
            .doUpdateSet({ outcome, note, updated_at: new Date() }),
        )
        .execute(),

    outcomeCounts: (eventId: string) =>
      db
        .selectFrom('b2b_outcomes as o')
        .innerJoin('b2b_requests as q', 'q.id', 'o.request_id')
        .select(['o.outcome', sql<number>`count(distinct o.request_id)::int`.as('n')])
        .where('q.event_id', '=', eventId)
        .groupBy('o.outcome')
        .execute(),

    optedInIds: async (eventId: string) =>
      (
        await db
          .selectFrom('b2b_profiles as bp')
          .innerJoin('registrations as r', 'r.id', 'bp.registration_id')
          .select('bp.registration_id')
          .where('bp.event_id', '=', eventId)
          .where('bp.active', '=', true)
          .where('r.status', '=', 'confirmed')
          .execute()
      ).map((r) => r.registration_id),

    insertRun: (row: {
      event_id: string;
      allow_moves: boolean;
      fingerprint: string;
      result: string;
      created_by: string;
    }) =>
      db
        .insertInto('b2b_schedule_runs')
        .values(row)
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow(),

    lastRun: (eventId: string) =>
      db
        .selectFrom('b2b_schedule_runs')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),

    markPublished: (runId: string) =>
      db.updateTable('b2b_schedule_runs').set({ published_at: new Date() }).where('id', '=', runId).execute(),
  };
}
