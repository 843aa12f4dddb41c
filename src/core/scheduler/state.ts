import type { Model } from './model.ts';

/** Sentinel in `busy` for a participant-slot pair that cannot host any meeting. */
export const UNAVAILABLE = -2;
export const FREE = -1;

/**
 * Mutable assignment of meetings to slots (tables are numbered only at output time: within a slot
 * they are interchangeable). Every change can be rolled back through the undo log.
 */
export class ScheduleState {
  readonly model: Model;
  /** busy[p * S + s]: meeting index, FREE or UNAVAILABLE. */
  readonly busy: Int32Array;
  readonly used: Int32Array;
  readonly slotOf: Int32Array;
  /** Meetings in each slot, dense, with their positions for O(1) removal. */
  readonly inSlot: Int32Array[];
  readonly posInSlot: Int32Array;
  /** Number of scheduled meetings of each participant. */
  readonly load: Int32Array;
  weight = 0;
  count = 0;
  /** Participants with meeting requests but no scheduled meeting. */
  uncovered = 0;
  private readonly log: number[] = [];
  logging = false;

  constructor(model: Model) {
    this.model = model;
    const { P, S, M } = model;
    this.busy = new Int32Array(P * S);
    for (let i = 0; i < P * S; i++) this.busy[i] = model.avail[i] ? FREE : UNAVAILABLE;
    this.used = new Int32Array(S);
    this.slotOf = new Int32Array(M).fill(-1);
    this.inSlot = Array.from({ length: S }, (_, s) => new Int32Array(Math.max(1, model.slotTables[s]!)));
    this.posInSlot = new Int32Array(M).fill(-1);
    this.load = new Int32Array(P);
    for (let p = 0; p < P; p++) if (model.meetingsOf[p]!.length > 0) this.uncovered++;
  }

  /** True when meeting m can go into slot s without moving anything. */
  fits(m: number, s: number): boolean {
    if (this.used[s]! >= this.model.slotTables[s]!) return false;
    for (const p of this.model.parts[m]!) if (!this.freeAt(p, s, -1)) return false;
    return true;
  }

  /**
   * True when participant p is available in slot s and in no meeting there or in a slot overlapping
   * it, not counting meeting `except` (one that is about to move).
   */
  freeAt(p: number, s: number, except: number): boolean {
    const S = this.model.S;
    const here = this.busy[p * S + s]!;
    if (here === UNAVAILABLE || (here >= 0 && here !== except)) return false;
    for (const t of this.model.overlapping[s]!) {
      const b = this.busy[p * S + t]!;
      if (b >= 0 && b !== except) return false;
    }
    return true;
  }

  /** The meetings that keep participant p from meeting in slot s: in s itself or an overlapping slot. */
  occupants(p: number, s: number, out: number[]): void {
    const S = this.model.S;
    const here = this.busy[p * S + s]!;
    if (here >= 0) out.push(here);
    for (const t of this.model.overlapping[s]!) {
      const b = this.busy[p * S + t]!;
      if (b >= 0) out.push(b);
    }
  }

  place(m: number, s: number): void {
    const S = this.model.S;
    for (const p of this.model.parts[m]!) {
      this.busy[p * S + s] = m;
      if (this.load[p]!++ === 0) this.uncovered--;
    }
    const list = this.inSlot[s]!;
    const k = this.used[s]!;
    list[k] = m;
    this.posInSlot[m] = k;
    this.used[s] = k + 1;
    this.slotOf[m] = s;
    this.weight += this.model.weight[m]!;
    this.count++;
    if (this.logging) this.log.push(m, -1);
  }

  remove(m: number): void {
    const s = this.slotOf[m]!;
    const S = this.model.S;
    for (const p of this.model.parts[m]!) {
      this.busy[p * S + s] = FREE;
      if (--this.load[p]! === 0) this.uncovered++;
    }
    const list = this.inSlot[s]!;
    const last = this.used[s]! - 1;
    const pos = this.posInSlot[m]!;
    const moved = list[last]!;
    list[pos] = moved;
    this.posInSlot[moved] = pos;
    this.used[s] = last;
    this.posInSlot[m] = -1;
    this.slotOf[m] = -1;
    this.weight -= this.model.weight[m]!;
    this.count--;
    if (this.logging) this.log.push(m, s);
  }

  move(m: number, s: number): void {
    this.remove(m);
    this.place(m, s);
  }

  mark(): number {
    return this.log.length;
  }

  /** Undo every change made after `mark`. */
  rollback(mark: number): void {
    const was = this.logging;
    this.logging = false;
    while (this.log.length > mark) {
      const s = this.log.pop()!;
      const m = this.log.pop()!;
      if (s === -1) this.remove(m);
      else this.place(m, s);
    }
    this.logging = was;
  }

  /** Forget the undo history (after a committed improvement). */
  commit(): void {
    this.log.length = 0;
  }

  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  restore(slots: Int32Array): void {
    const was = this.logging;
    this.logging = false;
    for (let m = 0; m < this.model.M; m++)
      if (this.slotOf[m]! >= 0 && slots[m] !== this.slotOf[m]) this.remove(m);
    for (let m = 0; m < this.model.M; m++)
      if (slots[m]! >= 0 && this.slotOf[m] !== slots[m]) this.place(m, slots[m]!);
    this.logging = was;
    this.log.length = 0;
  }
}

/** Runs of consecutive meetings of one participant, summed over days. */
export function participantBlocks(state: ScheduleState, p: number): number {
  const { S, slotPrev } = state.model;
  let blocks = 0;
  const base = p * S;
  for (let s = 0; s < S; s++) {
    if (state.busy[base + s]! < 0) continue;
    const prev = slotPrev[s]!;
    if (prev < 0 || state.busy[base + prev]! < 0) blocks++;
  }
  return blocks;
}

export function totalBlocks(state: ScheduleState): number {
  let total = 0;
  for (let p = 0; p < state.model.P; p++) total += participantBlocks(state, p);
  return total;
}

export function participantsWithoutMeetings(state: ScheduleState): number {
  let n = 0;
  for (let p = 0; p < state.model.P; p++)
    if (state.load[p] === 0 && state.model.meetingsOf[p]!.length > 0) n++;
  return n;
}
