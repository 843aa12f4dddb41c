import { compileModel, type Model } from './model.ts';
import { buildSolution } from './solution.ts';
import { ScheduleState } from './state.ts';
import type { Instance, Solution } from './types.ts';

/** Places pinned meetings; they were checked by validateInstance, so they always fit. */
export function placePinned(state: ScheduleState): void {
  const model = state.model;
  for (let m = 0; m < model.M; m++) if (model.pinnedSlot[m]! >= 0) state.place(m, model.pinnedSlot[m]!);
}

export function firstComeState(model: Model): ScheduleState {
  const state = new ScheduleState(model);
  placePinned(state);
  for (let m = 0; m < model.M; m++) {
    if (state.slotOf[m]! >= 0) continue;
    for (const s of model.feasible[m]!) {
      if (state.fits(m, s)) {
        state.place(m, s);
        break;
      }
    }
  }
  return state;
}

/**
 * The baseline most event tools use: meetings in the given order each take the earliest slot in
 * which all participants are free and a table is left, and the first free table.
 */
export function firstCome(instance: Instance): Solution {
  const started = performance.now();
  const model = compileModel(instance);
  const state = firstComeState(model);
  let sum = 0;
  for (let m = 0; m < model.M; m++) if (model.feasible[m]!.length > 0) sum += model.weight[m]!;
  return buildSolution(state, sum, started);
}
