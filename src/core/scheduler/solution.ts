import type { Model } from './model.ts';
import { participantsWithoutMeetings, type ScheduleState, totalBlocks } from './state.ts';
import type { Assignment, ScheduleStats, Solution, Unscheduled } from './types.ts';

/** Why meeting m is not in the final schedule, judged against that schedule. */
export function explainUnscheduled(state: ScheduleState, m: number): Unscheduled {
  const model = state.model;
  const meeting = model.meetingIds[m]!;
  const parts = model.parts[m]!;
  const slots = model.feasible[m]!;
  if (slots.length === 0) {
    const names =
      parts.length === 2
        ? Array.from(parts, (p) => model.participantIds[p]).join(' and ')
        : 'its participants';
    return {
      meeting,
      code: 'no-common-slot',
      reason: `no common available slot: ${names} are never free together`,
    };
  }
  const everywhere = parts.filter((p) => slots.every((s) => !state.freeAt(p, s, -1)));
  if (everywhere.length > 0) {
    const p = model.participantIds[everywhere[0]!];
    return {
      meeting,
      code: 'participant-booked',
      reason: `participant ${p} is fully booked in every common available slot`,
    };
  }
  let full = 0;
  let booked = 0;
  for (const s of slots) {
    if (parts.some((p) => !state.freeAt(p, s, -1))) booked++;
    else if (state.used[s]! >= model.slotTables[s]!) full++;
  }
  if (booked === 0 && full === slots.length) {
    return { meeting, code: 'tables-full', reason: 'all tables are taken in every common available slot' };
  }
  if (booked + full === slots.length) {
    return {
      meeting,
      code: 'slots-taken',
      reason: `every common available slot is taken: ${booked} by other meetings of its participants, ${full} by full tables`,
    };
  }
  return { meeting, code: 'not-attempted', reason: 'the search stopped (time limit) before placing it' };
}

/** Tables: pinned meetings keep theirs, the others take the lowest free numbers in slot order. */
export function assignTables(state: ScheduleState): Assignment[] {
  const model = state.model;
  const out: Assignment[] = [];
  for (let s = 0; s < model.S; s++) {
    const taken = new Uint8Array(model.slotTables[s]! + 1);
    const list = Array.from(state.inSlot[s]!.subarray(0, state.used[s]!)).sort((a, b) => a - b);
    const rows: { m: number; table: number }[] = [];
    for (const m of list) {
      if (model.pinnedSlot[m] === s) {
        taken[model.pinnedTable[m]!] = 1;
        rows.push({ m, table: model.pinnedTable[m]! });
      }
    }
    let next = 1;
    for (const m of list) {
      if (model.pinnedSlot[m] === s) continue;
      while (taken[next]) next++;
      taken[next] = 1;
      rows.push({ m, table: next });
    }
    rows.sort((a, b) => a.table - b.table);
    for (const r of rows)
      out.push({ meeting: model.meetingIds[r.m]!, slot: model.slotIds[s]!, table: r.table });
  }
  return out;
}

export function buildSolution(
  state: ScheduleState,
  upperBound: number,
  started: number,
  extra: Partial<ScheduleStats> = {},
): Solution {
  const model: Model = state.model;
  const unscheduled: Unscheduled[] = [];
  for (let m = 0; m < model.M; m++) if (state.slotOf[m]! < 0) unscheduled.push(explainUnscheduled(state, m));
  const stats: ScheduleStats = {
    scheduled: state.count,
    weight: round(state.weight),
    upperBound: round(Math.max(upperBound, state.weight)),
    ms: Math.round(performance.now() - started),
    unscheduled: unscheduled.length,
    participantsWithoutMeetings: participantsWithoutMeetings(state),
    standbyBlocks: totalBlocks(state),
    ...extra,
  };
  return { assignments: assignTables(state), unscheduled, stats };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
