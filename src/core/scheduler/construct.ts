import type { ScheduleState } from './state.ts';

/**
 * Greedy start: heaviest meetings first, the most constrained (fewest common slots) first among
 * equals; each takes the free slot where its participants and the tables are least in demand by
 * the meetings still waiting, so scarce slots are kept for those who need them.
 */
export function constructGreedy(state: ScheduleState, rand: () => number): void {
  const model = state.model;
  const { S, M } = model;
  const demand = new Float64Array(model.P * S);
  const tableDemand = new Float64Array(S);
  const waiting: number[] = [];
  const tie = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    tie[m] = rand();
    if (state.slotOf[m]! >= 0 || model.feasible[m]!.length === 0) continue;
    waiting.push(m);
    const share = 1 / model.feasible[m]!.length;
    for (const s of model.feasible[m]!) {
      tableDemand[s]! += share;
      for (const p of model.parts[m]!) demand[p * S + s]! += share;
    }
  }
  waiting.sort(
    (a, b) =>
      model.weight[b]! - model.weight[a]! ||
      model.feasible[a]!.length - model.feasible[b]!.length ||
      tie[a]! - tie[b]!,
  );
  for (const m of waiting) {
    const slots = model.feasible[m]!;
    const share = 1 / slots.length;
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const s of slots) {
      if (!state.fits(m, s)) continue;
      const freeTables = model.slotTables[s]! - state.used[s]!;
      let score = tableDemand[s]! / freeTables;
      for (const p of model.parts[m]!) score += demand[p * S + s]!;
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    for (const s of slots) {
      tableDemand[s]! -= share;
      for (const p of model.parts[m]!) demand[p * S + s]! -= share;
    }
    if (best >= 0) state.place(m, best);
  }
}
