import type { ScheduleState } from './state.ts';

/**
 * Weight-maximising moves on a schedule: ejection chains that make room for a meeting by
 * relocating the meetings blocking it, ejections that trade lighter meetings for a heavier one,
 * and ruin-and-recreate kicks accepted only when the schedule does not get worse.
 */
export class Search {
  readonly state: ScheduleState;
  private readonly rand: () => number;
  private readonly lock: Int32Array;
  private stamp = 1;
  /** Units of work done; the caller stops on a budget so runs are reproducible. */
  work = 0;
  private readonly blockers: Int32Array[] = [];

  constructor(state: ScheduleState, rand: () => number) {
    this.state = state;
    this.rand = rand;
    this.lock = new Int32Array(state.model.M);
    // A participant is held by at most one meeting in a slot and one in each slot overlapping it.
    let near = 0;
    for (const l of state.model.overlapping) near = Math.max(near, l.length);
    for (let d = 0; d < 8; d++) this.blockers.push(new Int32Array(3 * (near + 1) + 1));
  }

  private movable(m: number): boolean {
    return this.state.model.pinnedSlot[m]! < 0 && this.lock[m] !== this.stamp;
  }

  /** Place m directly in a free slot, starting from a random rotation of its feasible slots. */
  placeDirect(m: number): boolean {
    const slots = this.state.model.feasible[m]!;
    const n = slots.length;
    if (n === 0) return false;
    const offset = Math.floor(this.rand() * n);
    this.work += n;
    for (let i = 0; i < n; i++) {
      const s = slots[(i + offset) % n]!;
      if (this.state.fits(m, s)) {
        this.state.place(m, s);
        return true;
      }
    }
    return false;
  }

  /**
   * Collect the meetings occupying m's participants in slot s, or in a slot overlapping it, into buf;
   * returns their count, or -1 if one of them is pinned or already moved by this chain.
   */
  private collect(m: number, s: number, buf: Int32Array): number {
    const { busy, model } = this.state;
    const S = model.S;
    const near = model.overlapping[s]!;
    let k = 0;
    for (const p of model.parts[m]!) {
      for (let j = -1; j < near.length; j++) {
        const b = busy[p * S + (j < 0 ? s : near[j]!)]!;
        if (b < 0) continue;
        if (!this.movable(b)) return -1;
        let seen = false;
        for (let i = 0; i < k; i++) if (buf[i] === b) seen = true;
        if (!seen) buf[k++] = b;
      }
    }
    return k;
  }

  /** How many of the first k collected meetings sit in slot s itself (and so free a table there). */
  private inSlot(buf: Int32Array, k: number, s: number): number {
    let n = 0;
    for (let i = 0; i < k; i++) if (this.state.slotOf[buf[i]!] === s) n++;
    return n;
  }

  /** Move one meeting out of the full slot s into a free slot elsewhere (no chain). */
  private freeTable(s: number): boolean {
    const state = this.state;
    const list = state.inSlot[s]!;
    const n = state.used[s]!;
    const tries = Math.min(n, 12);
    const offset = Math.floor(this.rand() * n);
    for (let i = 0; i < tries; i++) {
      const c = list[(offset + i) % n]!;
      if (!this.movable(c)) continue;
      for (const t of state.model.feasible[c]!) {
        this.work++;
        if (t !== s && state.fits(c, t)) {
          this.lock[c] = this.stamp;
          state.move(c, t);
          return true;
        }
      }
    }
    return false;
  }

  /** Place m, relocating blocking meetings recursively up to `depth` levels. */
  place(m: number, depth: number): boolean {
    if (this.placeDirect(m)) return true;
    if (depth === 0) return false;
    const state = this.state;
    const model = state.model;
    const slots = model.feasible[m]!;
    const n = slots.length;
    const buf = this.blockers[depth]!;
    const offset = Math.floor(this.rand() * n);
    for (let i = 0; i < n; i++) {
      const s = slots[(i + offset) % n]!;
      this.work++;
      const k = this.collect(m, s, buf);
      if (k < 0 || k > 2) continue;
      const tableBlocked = state.used[s]! - this.inSlot(buf, k, s) >= model.slotTables[s]!;
      if (tableBlocked && k > 0) continue;
      const mark = state.mark();
      const stamp = this.stamp;
      for (let j = 0; j < k; j++) {
        this.lock[buf[j]!] = stamp;
        state.remove(buf[j]!);
      }
      if (tableBlocked && !this.freeTable(s)) {
        state.rollback(mark);
        continue;
      }
      state.place(m, s);
      this.lock[m] = stamp;
      let ok = true;
      const local = buf.slice(0, k);
      for (const b of local) {
        if (!this.place(b, depth - 1)) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
      state.rollback(mark);
      for (const b of local) this.lock[b] = 0;
    }
    return false;
  }

  /** Keep m where it is for the rest of the current chain. */
  lockMeeting(m: number): void {
    this.lock[m] = this.stamp;
  }

  /** Start a fresh chain: nothing is locked. */
  begin(m: number): void {
    this.stamp++;
    this.lock[m] = this.stamp;
  }

  /**
   * Put m in the slot where the meetings it displaces weigh least, if that is less than m
   * (or equal, when m gives a first meeting to someone and costs nobody their only one).
   * Returns the displaced meetings that could not be relocated, or null if no such slot exists.
   */
  eject(m: number): number[] | null {
    const state = this.state;
    const model = state.model;
    const wm = model.weight[m]!;
    let gainCover = 0;
    for (const p of model.parts[m]!) if (state.load[p] === 0) gainCover++;
    let bestSlot = -1;
    let bestLoss = Number.POSITIVE_INFINITY;
    let bestExtra = -1;
    const buf = this.blockers[7]!;
    for (const s of model.feasible[m]!) {
      this.work++;
      const k = this.collect(m, s, buf);
      if (k < 0) continue;
      let loss = 0;
      let lostCover = 0;
      for (let j = 0; j < k; j++) {
        const b = buf[j]!;
        loss += model.weight[b]!;
        for (const p of model.parts[b]!) if (state.load[p] === 1) lostCover++;
      }
      let extra = -1;
      if (state.used[s]! - this.inSlot(buf, k, s) >= model.slotTables[s]!) {
        // Also give up the lightest meeting of the full slot.
        let lightest = Number.POSITIVE_INFINITY;
        const list = state.inSlot[s]!;
        for (let i = 0; i < state.used[s]!; i++) {
          const c = list[i]!;
          if (!this.movable(c)) continue;
          if (model.weight[c]! < lightest) {
            lightest = model.weight[c]!;
            extra = c;
          }
        }
        if (extra < 0) continue;
        loss += lightest;
      }
      const better = loss < wm - 1e-9 || (loss <= wm + 1e-9 && gainCover > lostCover && extra < 0);
      if (better && loss < bestLoss) {
        bestLoss = loss;
        bestSlot = s;
        bestExtra = extra;
      }
    }
    if (bestSlot < 0) return null;
    const k = this.collect(m, bestSlot, buf);
    const out = Array.from(buf.subarray(0, k));
    for (const b of out) state.remove(b);
    if (bestExtra >= 0) {
      state.remove(bestExtra);
      out.push(bestExtra);
    }
    state.place(m, bestSlot);
    const lost: number[] = [];
    for (const b of out) {
      this.begin(b);
      if (!this.place(b, 1)) lost.push(b);
    }
    return lost;
  }

  /** Forcibly put m into slot s, displacing whatever is in the way. Returns displaced meetings. */
  force(m: number, s: number): number[] {
    const state = this.state;
    const model = state.model;
    const out: number[] = [];
    const held: number[] = [];
    for (const p of model.parts[m]!) state.occupants(p, s, held);
    for (const b of held) {
      if (model.pinnedSlot[b]! >= 0) return [];
      if (!out.includes(b)) out.push(b);
    }
    for (const b of out) state.remove(b);
    if (state.used[s]! >= model.slotTables[s]!) {
      const list = state.inSlot[s]!;
      const n = state.used[s]!;
      const start = Math.floor(this.rand() * n);
      for (let i = 0; i < n; i++) {
        const c = list[(start + i) % n]!;
        if (model.pinnedSlot[c]! < 0) {
          state.remove(c);
          out.push(c);
          break;
        }
      }
      if (state.used[s]! >= model.slotTables[s]!) return out;
    }
    if (!state.fits(m, s)) return out;
    state.place(m, s);
    return out;
  }
}
