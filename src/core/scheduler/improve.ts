import type { Search } from './search.ts';

export interface ImproveLimits {
  /** Work units (slot checks) the improvement may spend. */
  budget: number;
  deadline: number;
  /** Weight at which to stop: a proven upper bound, if known. */
  target?: number;
}

function unscheduledByWeight(search: Search): number[] {
  const { state } = search;
  const model = state.model;
  const list: number[] = [];
  for (let m = 0; m < model.M; m++) if (state.slotOf[m]! < 0 && model.feasible[m]!.length > 0) list.push(m);
  list.sort(
    (a, b) => model.weight[b]! - model.weight[a]! || model.feasible[a]!.length - model.feasible[b]!.length,
  );
  return list;
}

/** Ejection-chain insertion of every unscheduled meeting, heaviest first. Returns placements. */
export function insertAll(search: Search, depth: number, limits: ImproveLimits): number {
  const { state } = search;
  let placed = 0;
  for (const m of unscheduledByWeight(search)) {
    if (search.work > limits.budget || performance.now() > limits.deadline) break;
    if (state.slotOf[m]! >= 0) continue;
    search.begin(m);
    const mark = state.mark();
    if (search.place(m, depth)) placed++;
    else state.rollback(mark);
    state.commit();
  }
  return placed;
}

/** Trade lighter meetings for heavier ones (or for someone's first meeting) until none is left. */
export function ejectAll(search: Search, limits: ImproveLimits): number {
  const { state } = search;
  let moves = 0;
  let queue = unscheduledByWeight(search);
  for (let round = 0; round < 4 && queue.length > 0; round++) {
    const next: number[] = [];
    for (const m of queue) {
      if (search.work > limits.budget || performance.now() > limits.deadline) return moves;
      if (state.slotOf[m]! >= 0) continue;
      search.begin(m);
      const lost = search.eject(m);
      state.commit();
      if (lost === null) continue;
      moves++;
      next.push(...lost);
    }
    queue = next.sort((a, b) => state.model.weight[b]! - state.model.weight[a]!);
  }
  return moves;
}

/**
 * Ruin and recreate: force a waiting meeting into a random common slot, re-place what it
 * displaced through ejection chains, then retry the waiting meetings of everyone touched. Kept
 * only if the weight does not drop (ties: if no more participants are left without meetings).
 */
// Displaced meetings get one level of relocation: deeper chains cost more than they find.
const KICK_DEPTH = 1;
const SHIFT_SHARE = 0.2;
export function kicks(search: Search, rand: () => number, limits: ImproveLimits): number {
  const { state } = search;
  const model = state.model;
  let accepted = 0;
  let pool = unscheduledByWeight(search);
  let sinceRefresh = 0;
  const touched: number[] = [];
  while (search.work < limits.budget && pool.length > 0) {
    if ((accepted & 15) === 0 && performance.now() > limits.deadline) break;
    if (limits.target !== undefined && state.weight >= limits.target - 1e-9) break;
    if (++sinceRefresh > 200) {
      pool = unscheduledByWeight(search);
      sinceRefresh = 0;
      if (pool.length === 0) break;
    }
    // Mostly a waiting meeting, heavy ones more often (the pool is sorted by weight); sometimes
    // a placed one shifted to another slot, to move across plateaus.
    const shift = rand() < SHIFT_SHARE;
    const m = shift ? Math.floor(rand() * model.M) : pool[Math.floor(rand() * rand() * pool.length)]!;
    if (shift ? state.slotOf[m]! < 0 || model.pinnedSlot[m]! >= 0 : state.slotOf[m]! >= 0) continue;
    const slots = model.feasible[m]!;
    const s = slots[Math.floor(rand() * slots.length)]!;
    if (s === state.slotOf[m]) continue;
    const weight = state.weight;
    const uncovered = state.uncovered;
    const mark = state.mark();
    if (shift) state.remove(m);
    search.begin(m);
    const displaced = search.force(m, s);
    search.work += 4;
    if (state.slotOf[m]! < 0) {
      state.rollback(mark);
      continue;
    }
    touched.length = 0;
    for (const d of displaced) {
      search.begin(d);
      search.lockMeeting(m);
      if (search.place(d, KICK_DEPTH)) continue;
      // Still out: it may push out something lighter in turn.
      const lost = search.eject(d) ?? [d];
      for (const g of lost)
        for (const p of model.parts[g]!) if (!model.parts[m]!.includes(p)) touched.push(p);
    }
    for (const p of touched) {
      for (const x of model.meetingsOf[p]!) {
        if (state.slotOf[x]! >= 0 || model.feasible[x]!.length === 0) continue;
        search.begin(x);
        search.place(x, 1);
      }
    }
    const gain = state.weight - weight;
    if (gain > 1e-9 || (gain > -1e-9 && state.uncovered <= uncovered)) {
      if (gain > 1e-9 || state.uncovered < uncovered) accepted++;
      state.commit();
    } else {
      state.rollback(mark);
    }
  }
  return accepted;
}
