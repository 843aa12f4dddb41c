import { placePinned } from './firstCome.ts';
import { compileModel } from './model.ts';
import { buildSolution } from './solution.ts';
import { ScheduleState } from './state.ts';
import type { Instance, Solution } from './types.ts';

/**
 * Proven optimum by depth-first branch and bound, for tiny instances only (tests, examples):
 * the search is exponential. Throws when it exceeds `maxNodes`.
 */
export function exactSchedule(instance: Instance, maxNodes = 5_000_000): Solution {
  const started = performance.now();
  const model = compileModel(instance);
  const state = new ScheduleState(model);
  placePinned(state);
  const order: number[] = [];
  for (let m = 0; m < model.M; m++) if (state.slotOf[m]! < 0 && model.feasible[m]!.length > 0) order.push(m);
  order.sort((a, b) => model.weight[b]! - model.weight[a]!);
  // suffix[i]: weight still obtainable from order[i..] if everything fitted.
  const suffix = new Float64Array(order.length + 1);
  for (let i = order.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + model.weight[order[i]!]!;
  let best = -1;
  let bestSlots = state.snapshot();
  let nodes = 0;
  const dfs = (i: number): void => {
    if (++nodes > maxNodes) throw new Error(`exactSchedule: more than ${maxNodes} nodes, instance too large`);
    if (state.weight + suffix[i]! <= best + 1e-9) return;
    if (i === order.length) {
      best = state.weight;
      bestSlots = state.snapshot();
      return;
    }
    const m = order[i]!;
    for (const s of model.feasible[m]!) {
      if (!state.fits(m, s)) continue;
      state.place(m, s);
      dfs(i + 1);
      state.remove(m);
    }
    dfs(i + 1);
  };
  dfs(0);
  state.restore(bestSlots);
  return buildSolution(state, state.weight, started);
}
