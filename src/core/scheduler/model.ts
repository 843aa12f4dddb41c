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
  /**
   * The slot just before each slot on the same day, or -1: consecutive slots form a block. It is the
   * earlier slot that ends last without overlapping (with disjoint slots, the previous one in start
   * order); slotNext is the first slot whose slotPrev is this one.
   */
  slotPrev: Int32Array;
  slotNext: Int32Array;
  /**
   * The other slots each slot overlaps in time (parallel B2B sessions cut into different grids). A
   * participant meets in at most one of overlapping slots; empty for disjoint slots.
   */
  overlapping: Int32Array[];
  /** True when some slots overlap. */
  hasOverlaps: boolean;
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
  const starts = Float64Array.from(order.map((i) => Date.parse(instance.slots[i]!.start)));
  const ends = Float64Array.from(order.map((i) => Date.parse(instance.slots[i]!.end)));
  const near: number[][] = Array.from({ length: S }, () => []);
  for (let s = 0; s < S; s++) {
    const key = instance.slots[order[s]!]!.start.slice(0, 10);
    if (!dayKeys.has(key)) dayKeys.set(key, dayKeys.size);
    slotDay[s] = dayKeys.get(key)!;
    // Sorted by start: the slots after s that start before it ends are exactly those overlapping it.
    for (let t = s + 1; t < S && starts[t]! < ends[s]!; t++) {
      near[s]!.push(t);
      near[t]!.push(s);
    }
    let prev = -1;
    for (let t = s - 1; t >= 0 && slotDay[t] === slotDay[s]; t--)
      if (ends[t]! <= starts[s]! && (prev < 0 || ends[t]! > ends[prev]!)) prev = t;
    slotPrev[s] = prev;
    if (prev >= 0 && slotNext[prev] === -1) slotNext[prev] = s;
  }
  const overlapping = near.map((l) => Int32Array.from(l.sort((a, b) => a - b)));
  const hasOverlaps = overlapping.some((l) => l.length > 0);

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
    overlapping,
    hasOverlaps,
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
