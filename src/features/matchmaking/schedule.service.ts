import { createHash } from 'node:crypto';
import {
  checkSolution,
  type Instance,
  type Pinned,
  scheduleMeetings,
  validateInstance,
} from '../../core/scheduler/index.ts';
import { conflict } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import {
  authorise,
  availability,
  callerOf,
  eventSlots,
  meetingPeople,
  statusOf,
  toRef,
} from './b2b.context.ts';
import { tablePlanPdf } from './b2b.pdf.ts';
import type { B2bQueries, B2bRepo, PersonRow, RequestRow } from './b2b.repo.ts';
import type { ScheduleRun, ScheduleRunResult } from './b2b.schemas.ts';
import { localIso, type Slot, slotKey } from './slots.ts';

interface Built {
  instance: Instance;
  fingerprint: string;
  /** The session slot and its table number behind a scheduler slot and table. */
  locate(coreSlot: string, table: number): { slot: Slot; table: number };
  accepted: RequestRow[];
  people: Map<string, string[]>;
  /** Published meetings: request id → slot key. */
  current: Map<string, { key: string; table: number }>;
}

/**
 * The scheduler's slots: parallel B2B sessions cut into the same times make one slot whose tables are
 * all of theirs, numbered session after session (rooms × tables); sessions with other slot lengths
 * give slots that overlap in time, which the scheduler keeps apart for each person.
 */
export function schedulerSlots(list: Slot[]) {
  const groups = new Map<string, Slot[]>();
  for (const s of list) {
    const k = `${s.startsAt}/${s.endsAt}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const byId = new Map<string, Slot[]>();
  const idOfKey = new Map<string, { id: string; offset: number }>();
  for (const parts of groups.values()) {
    const id = parts.map((p) => p.key).join('+');
    byId.set(id, parts);
    let offset = 0;
    for (const p of parts) {
      idOfKey.set(p.key, { id, offset });
      offset += p.tables;
    }
  }
  return {
    groups: byId,
    /** The scheduler slot of a session slot, and the number its table 1 has there. */
    of: (key: string) => idOfKey.get(key),
    locate(id: string, table: number) {
      let t = table;
      for (const slot of byId.get(id) ?? []) {
        if (t <= slot.tables) return { slot, table: t };
        t -= slot.tables;
      }
      throw new Error(`no table ${table} in scheduler slot ${id}`);
    },
  };
}

/**
 * The scheduler's instance for an event: every accepted request is a meeting of its participants;
 * agenda items and hand-blocked slots make participants unavailable; published meetings are pinned
 * unless moves are allowed (a pin that no longer fits, e.g. after a participant blocked its slot, is
 * dropped and the meeting is placed again).
 */
export async function buildInstance(
  repo: B2bQueries,
  event: { id: string; time_zone: string },
  allowMoves: boolean,
): Promise<Built> {
  const slotList = await eventSlots(repo, event.id);
  if (slotList.length === 0) throw conflict('The agenda has no B2B session with slots yet');
  const accepted = await repo.requestsOfEvent(event.id, ['accepted']);
  const members = await repo.members(accepted.map((r) => r.id));
  const people = new Map(accepted.map((r) => [r.id, meetingPeople(r, members)]));
  const ids = [...new Set([...people.values()].flat())].sort();
  const avail = await availability(repo, event.id, ids, slotList, { meetings: false });
  const slots = new Map(slotList.map((s) => [s.key, s]));
  const grid = schedulerSlots(slotList);
  const current = new Map<string, { key: string; table: number }>();
  for (const m of await repo.meetings(event.id))
    current.set(m.request_id, { key: slotKey(m.session_id, m.starts_at), table: m.table_no });

  const pinned: Pinned[] = [];
  if (!allowMoves) {
    const taken = new Set<string>();
    for (const r of accepted) {
      const at = current.get(r.id);
      const slot = at && slots.get(at.key);
      const core = at && grid.of(at.key);
      if (!at || !slot || !core || at.table > slot.tables) continue;
      const who = people.get(r.id)!;
      const keys = [`t:${at.key}:${at.table}`, ...who.map((p) => `p:${at.key}:${p}`)];
      if (who.some((p) => avail.get(p)?.has(at.key)) || keys.some((k) => taken.has(k))) continue;
      for (const k of keys) taken.add(k);
      pinned.push({ meeting: r.id, slot: core.id, table: core.offset + at.table });
    }
  }
  const instance: Instance = {
    slots: [...grid.groups].map(([id, parts]) => ({
      id,
      start: localIso(parts[0]!.startsAt, event.time_zone),
      end: localIso(parts[0]!.endsAt, event.time_zone),
      tables: parts.reduce((n, p) => n + p.tables, 0),
    })),
    participants: ids.map((id) => ({
      id,
      // Every session slot of a scheduler slot has the same times, so the same availability.
      unavailable: [...grid.groups]
        .filter(([, parts]) => avail.get(id)?.has(parts[0]!.key))
        .map(([gid]) => gid),
    })),
    meetings: accepted.map((r) => ({ id: r.id, participants: people.get(r.id)!, priority: r.priority })),
    pinned,
  };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ instance, allowMoves }))
    .digest('hex')
    .slice(0, 32);
  return { instance, fingerprint, locate: grid.locate, accepted, people, current };
}

/** Reasons name participants by registration id; people read names. */
function readable(reason: string, names: Map<string, PersonRow>) {
  return reason.replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (id) => names.get(id)?.name ?? id,
  );
}

export function scheduleService(repo: B2bRepo) {
  async function runView(
    eventId: string,
    run: NonNullable<Awaited<ReturnType<B2bRepo['lastRun']>>>,
    currentFingerprint: string | null,
  ): Promise<ScheduleRun> {
    const result = run.result as ScheduleRunResult;
    const requests = new Map((await repo.requestsOfEvent(eventId)).map((r) => [r.id, r]));
    const members = await repo.members([...requests.keys()]);
    const who = new Map(
      result.unscheduled.map((u) => [
        u.requestId,
        requests.get(u.requestId) ? meetingPeople(requests.get(u.requestId)!, members) : [],
      ]),
    );
    const names = new Map(
      (await repo.people(eventId, [...new Set([...who.values()].flat())])).map((p) => [p.registrationId, p]),
    );
    return {
      id: run.id,
      createdAt: new Date(run.created_at).toISOString(),
      allowMoves: run.allow_moves,
      publishedAt: run.published_at ? new Date(run.published_at).toISOString() : null,
      stale: currentFingerprint !== null && currentFingerprint !== run.fingerprint,
      stats: result.stats,
      unscheduled: result.unscheduled.map((u) => ({
        requestId: u.requestId,
        code: u.code,
        reason: readable(u.reason, names),
        participants: (who.get(u.requestId) ?? []).map((id) => toRef(names.get(id), id)),
      })),
    };
  }

  async function fingerprintNow(event: { id: string; time_zone: string }, allowMoves: boolean) {
    try {
      return (await buildInstance(repo, event, allowMoves)).fingerprint;
    } catch {
      return null;
    }
  }

  return {
    runView,
    fingerprintNow,

    /** Runs the scheduler over every accepted request; participants see nothing until it is published. */
    async preview(actor: Actor | null, idOrSlug: string, allowMoves: boolean) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'manage', {}, 'Only the event’s organisers run the scheduler');
      const built = await buildInstance(repo, c.event, allowMoves);
      const v = validateInstance(built.instance);
      if (!v.ok) throw conflict('The meetings cannot be scheduled as they are', { problems: v.problems });
      const solution = scheduleMeetings(v.instance, { seed: 1, compareFirstCome: true });
      const errors = checkSolution(v.instance, solution);
      if (errors.length) throw new Error(`scheduler produced an invalid schedule: ${errors[0]}`);
      let moved = 0;
      const assignments = solution.assignments.map((a) => {
        const { slot: s, table } = built.locate(a.slot, a.table);
        const before = built.current.get(a.meeting);
        if (before && before.key !== s.key) moved++;
        return {
          requestId: a.meeting,
          sessionId: s.sessionId,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          table,
        };
      });
      for (const id of built.current.keys())
        if (!assignments.some((a) => a.requestId === id) && built.accepted.some((r) => r.id === id)) moved++;
      const result: ScheduleRunResult = {
        assignments,
        unscheduled: solution.unscheduled.map((u) => ({
          requestId: u.meeting,
          code: u.code,
          reason: u.reason,
        })),
        stats: {
          scheduled: solution.stats.scheduled,
          weight: solution.stats.weight,
          upperBound: solution.stats.upperBound,
          ms: Math.round(solution.stats.ms),
          unscheduled: solution.stats.unscheduled,
          participantsWithoutMeetings: solution.stats.participantsWithoutMeetings,
          standbyBlocks: solution.stats.standbyBlocks,
          ...(solution.stats.firstComeWeight !== undefined
            ? { firstComeWeight: solution.stats.firstComeWeight }
            : {}),
          pinned: built.instance.pinned.length,
          moved,
        },
      };
      const run = await repo.insertRun({
        event_id: c.event.id,
        allow_moves: allowMoves,
        fingerprint: built.fingerprint,
        result: JSON.stringify(result),
        created_by: c.actor.userId,
      });
      return runView(
        c.event.id,
        {
          ...run,
          event_id: c.event.id,
          allow_moves: allowMoves,
          fingerprint: built.fingerprint,
          result,
          created_by: c.actor.userId,
          published_at: null,
        },
        built.fingerprint,
      );
    },

    /**
     * Publishes the latest preview: its meetings replace the published ones in one transaction, under a
     * lock of the event row. A preview that is not the latest, or whose input changed since, is refused.
     */
    async publish(actor: Actor | null, idOrSlug: string, runId: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'manage', {}, 'Only the event’s organisers publish the schedule');
      const run = await repo.transaction(async (tx) => {
        await tx.lockEvent(c.event.id);
        const last = await tx.lastRun(c.event.id);
        if (!last || last.id !== runId)
          throw conflict('This is not the latest preview: run the preview again');
        if (last.published_at) throw conflict('This preview is already published');
        const built = await buildInstance(tx, c.event, last.allow_moves);
        if (built.fingerprint !== last.fingerprint)
          throw conflict('Requests, slots or availability changed since this preview: run it again');
        const result = last.result as ScheduleRunResult;
        await tx.deleteMeetingsOfEvent(c.event.id);
        for (const a of result.assignments) {
          await tx.insertMeeting({
            event_id: c.event.id,
            request_id: a.requestId,
            session_id: a.sessionId,
            starts_at: a.startsAt,
            ends_at: a.endsAt,
            table_no: a.table,
            source: 'scheduler',
            participants: built.people.get(a.requestId)!,
          });
        }
        await tx.markPublished(last.id);
        return { ...last, published_at: new Date() };
      });
      return runView(c.event.id, run, null);
    },

    async tablePlanPdf(actor: Actor | null, idOrSlug: string) {
      const plan = await this.tablePlan(actor, idOrSlug);
      return tablePlanPdf(actor!.locale, { title: plan.title }, plan);
    },

    async tablePlan(actor: Actor | null, idOrSlug: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'manage', {}, 'Only the event’s organisers see the table plan');
      const slots = await eventSlots(repo, c.event.id);
      const meetings = await repo.meetings(c.event.id);
      const requests = await repo.requestsOfEvent(c.event.id, ['accepted']);
      const members = await repo.members(requests.map((r) => r.id));
      const who = new Map(requests.map((r) => [r.id, meetingPeople(r, members)]));
      const names = new Map(
        (await repo.people(c.event.id, [...new Set([...who.values()].flat())])).map((p) => [
          p.registrationId,
          p,
        ]),
      );
      return {
        title: c.event.title,
        timeZone: c.event.time_zone,
        slots: slots.map((s) => ({
          ...s,
          meetings: meetings
            .filter((m) => slotKey(m.session_id, m.starts_at) === s.key)
            .map((m) => ({
              table: m.table_no,
              participants: (who.get(m.request_id) ?? []).map((id) => toRef(names.get(id), id)),
            })),
        })),
      };
    },

    async dashboard(actor: Actor | null, idOrSlug: string) {
      const c = await callerOf(repo, actor, idOrSlug);
      authorise(c, 'manage', {}, 'Only the event’s organisers see the B2B dashboard');
      const eventId = c.event.id;
      const [requests, meetings, optedIn, slots, outcomeRows, last] = await Promise.all([
        repo.requestsOfEvent(eventId),
        repo.meetings(eventId),
        repo.optedInIds(eventId),
        eventSlots(repo, eventId),
        repo.outcomeCounts(eventId),
        repo.lastRun(eventId),
      ]);
      const members = await repo.members(requests.map((r) => r.id));
      const counts = { pending: 0, accepted: 0, declined: 0, withdrawn: 0, expired: 0 };
      for (const r of requests) counts[statusOf(r)]++;
      const scheduledOf = new Map<string, number>();
      const sent = new Map<string, number>();
      const received = new Map<string, number>();
      const met = new Set(meetings.map((m) => m.request_id));
      for (const r of requests) {
        sent.set(r.requester_id, (sent.get(r.requester_id) ?? 0) + 1);
        received.set(r.addressee_id, (received.get(r.addressee_id) ?? 0) + 1);
        if (met.has(r.id))
          for (const p of meetingPeople(r, members)) scheduledOf.set(p, (scheduledOf.get(p) ?? 0) + 1);
      }
      const ids = [...new Set([...optedIn, ...sent.keys(), ...received.keys(), ...scheduledOf.keys()])];
      const people = new Map((await repo.people(eventId, ids)).map((p) => [p.registrationId, p]));
      const load = ids
        .map((id) => ({
          ...toRef(people.get(id), id),
          sent: sent.get(id) ?? 0,
          received: received.get(id) ?? 0,
          scheduled: scheduledOf.get(id) ?? 0,
        }))
        .sort((a, b) => b.scheduled - a.scheduled || b.received - a.received || a.name.localeCompare(b.name));
      const lastRun = last
        ? await runView(eventId, last, await fingerprintNow(c.event, last.allow_moves))
        : null;
      const reasons = new Map(lastRun?.unscheduled.map((u) => [u.requestId, u]) ?? []);
      const inPreview = new Set(
        last && !last.published_at
          ? (last.result as ScheduleRunResult).assignments.map((a) => a.requestId)
          : [],
      );
      const unscheduled = requests
        .filter((r) => r.status === 'accepted' && !met.has(r.id))
        .map((r) => {
          const known = reasons.get(r.id);
          const previewed = inPreview.has(r.id);
          return {
            requestId: r.id,
            code: known?.code ?? (previewed ? 'in-preview' : 'not-scheduled-yet'),
            reason:
              known?.reason ??
              (previewed
                ? 'placed in the preview, which is not published yet'
                : 'accepted after the last scheduler run, or not yet scheduled'),
            participants: meetingPeople(r, members).map((id) => toRef(people.get(id), id)),
          };
        });
      const outcomes = { held: 0, no_show: 0, follow_up: 0, cooperation: 0 };
      for (const o of outcomeRows) outcomes[o.outcome] = o.n;
      return {
        mode: c.event.b2b_mode,
        optedIn: optedIn.length,
        requests: counts,
        scheduled: meetings.length,
        slots: slots.length,
        tables: slots.reduce((n, s) => n + s.tables, 0),
        outcomes,
        load,
        withoutMeetings: optedIn
          .filter((id) => !scheduledOf.has(id))
          .map((id) => toRef(people.get(id), id))
          .sort((a, b) => a.name.localeCompare(b.name)),
        unscheduled,
        lastRun,
      };
    },
  };
}
export type ScheduleService = ReturnType<typeof scheduleService>;
