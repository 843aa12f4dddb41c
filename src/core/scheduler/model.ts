import type { Instance } from './types.ts';

/**
 * Index-based view of a validated instance. Slots are sorted by start; everything else keeps the
 * input order, so results do not depend on object identity.
 */
export interface Model {
  instance: Instance;
  S: number;
  P: number;
  M: number;
  /** Input index of each sorted slot. */
  slotInput: Int32Array;
  slotIds: string[];
  slotTables: Int32Array;
  slotDay: Int32Array;
  /** Previous slot of the same day in start order, or -1: consecutive slots form a block. */
  slotPrev: Int32Array;
  slotNext: Int32Array;
  participantIds: string[];
  /** avail[p * S + s] = 1 when participant p can meet in slot s. */
  avail: Uint8Array;
  meetingIds: string[];
  parts: Int32Array[];
  weight: Float64Array;
  /** Slots in which every participant of the meeting is available (ignoring pins). */
  feasible: Int32Array[];
  pinnedSlot: Int32Array;
  pinnedTable: Int32Array;
  /** Meetings of each participant. */
  meetingsOf: Int32Array[];
}

export function compileModel(instance: Instance): Model {
  const order = instance.slots.map((_, i) => i);
  order.sort((a, b) => {
    const sa = instance.slots[a]!;
    const sb = instance.slots[b]!;
    const ta = Date.parse(sa.start);
    const tb = Date.parse(sb.start);
    return ta - tb || (sa.id < sb.id ? -1 : sa.id > sb.id ? 1 : 0);
  });
  const S = order.length;
  const slotInput = Int32Array.from(order);
  const slotIds = order.map((i) => instance.slots[i]!.id);
  const slotTables = Int32Array.from(order.map((i) => instance.slots[i]!.tables));
  const slotIndex = new Map(slotIds.map((id, s) => [id, s]));
  const dayKeys = new Map<string, number>();
  const slotDay = new Int32Array(S);
  const slotPrev = new Int32Array(S).fill(-1);
  const slotNext = new Int32Array(S).fill(-1);
  for (let s = 0; s < S; s++) {
    const key = instance.slots[order[s]!]!.start.slice(0, 10);
    if (!dayKeys.has(key)) dayKeys.set(key, dayKeys.size);
    slotDay[s] = dayKeys.get(key)!;
    if (s > 0 && slotDay[s - 1] === slotDay[s]) {
      slotPrev[s] = s - 1;
      slotNext[s - 1] = s;
    }
  }

  const P = instance.participants.length;
  const participantIds = instance.participants.map((p) => p.id);
  const participantIndex = new Map(participantIds.map((id, p) => [id, p]));
  const avail = new Uint8Array(P * S).fill(1);
  instance.participants.forEach((p, pi) => {
    for (const sid of p.unavailable) {
      const s = slotIndex.get(sid);
      if (s !== undefined) avail[pi * S + s] = 0;
    }
  });

  const M = instance.meetings.length;
  const meetingIds = instance.meetings.map((m) => m.id);
  const meetingIndex = new Map(meetingIds.map((id, m) => [id, m]));
  const parts = instance.meetings.map((m) =>
    Int32Array.from(m.participants.map((id) => participantIndex.get(id)!)),
  );
  const weight = Float64Array.from(instance.meetings.map((m) => m.priority ?? 1));
  const feasible = parts.map((ps) => {
    const list: number[] = [];
    for (let s = 0; s < S; s++) {
      let ok = true;
      for (const p of ps) if (!avail[p * S + s]) ok = false;
      if (ok) list.push(s);
    }
    return Int32Array.from(list);
  });
  const pinnedSlot = new Int32Array(M).fill(-1);
  const pinnedTable = new Int32Array(M);
  for (const pin of instance.pinned) {
    const m = meetingIndex.get(pin.meeting)!;
    pinnedSlot[m] = slotIndex.get(pin.slot)!;
    pinnedTable[m] = pin.table;
  }
  const lists: number[][] = Array.from({ length: P }, () => []);
  parts.forEach((ps, m) => {
    for (const p of ps) lists[p]!.push(m);
  });
  const meetingsOf = lists.map((l) => Int32Array.from(l));
  return {
    instance,
    S,
    P,
    M,
    slotInput,
    slotIds,
    slotTables,
    slotDay,
    slotPrev,
    slotNext,
    participantIds,
    avail,
    meetingIds,
    parts,
    weight,
    feasible,
    pinnedSlot,
    pinnedTable,
    meetingsOf,
  };
}
