import { upperBoundOfModel } from './bounds.ts';
import { compactStandby } from './compact.ts';
import { constructGreedy } from './construct.ts';
import { firstComeState, placePinned } from './firstCome.ts';
import { ejectAll, type ImproveLimits, insertAll, kicks } from './improve.ts';
import { compileModel, type Model } from './model.ts';
import { mulberry32 } from './random.ts';
import { Search } from './search.ts';
import { buildSolution } from './solution.ts';
import { ScheduleState, totalBlocks } from './state.ts';
import type { Instance, ScheduleOptions, ScheduleStats, Solution } from './types.ts';

const DEFAULT_TIME_LIMIT_MS = 10_000;

/** Work budget of the improvement phase, in slot checks: grows with the instance. */
function workBudget(model: Model): number {
  let pairs = 0;
  for (const f of model.feasible) pairs += f.length;
  return 80 * pairs + 200_000;
}

/** The weight-maximising part, without compaction, bound or output (used by tests and benches). */
export function optimiseWeight(
  model: Model,
  opts: ScheduleOptions = {},
  started = performance.now(),
): ScheduleState {
  const rand = mulberry32(opts.seed ?? 1);
  const state = new ScheduleState(model);
  placePinned(state);
  constructGreedy(state, rand);
  if (opts.allowMoves === false) return state;
  const search = new Search(state, rand);
  const deadline = started + (opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) * 0.8;
  const budget = workBudget(model);
  const limits: ImproveLimits = { budget, deadline };
  state.logging = true;
  insertAll(search, 1, limits);
  ejectAll(search, limits);
  kicks(search, rand, limits);
  ejectAll(search, { ...limits, budget: Number.POSITIVE_INFINITY });
  state.logging = false;
  state.commit();
  // Whatever the limits cut short, nothing that fits as is stays out.
  for (let m = 0; m < model.M; m++) if (state.slotOf[m]! < 0) search.placeDirect(m);
  return state;
}

/**
 * Schedules B2B meetings: maximises the total priority of scheduled meetings, then, at the same
 * weight, gives everyone at least one meeting where possible and packs each participant's
 * meetings into as few separate runs per day as possible. Deterministic for a given seed.
 */
export function scheduleMeetings(instance: Instance, opts: ScheduleOptions = {}): Solution {
  const started = performance.now();
  const model = compileModel(instance);
  const state = optimiseWeight(model, opts, started);
  const deadline = started + (opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const extra: Partial<ScheduleStats> = {};
  if (opts.compact !== false) {
    extra.standbyBlocksBeforeCompaction = totalBlocks(state);
    compactStandby(state, mulberry32((opts.seed ?? 1) ^ 0x5bd1e995), {
      budget: 40 * model.M * model.S + 100_000,
      deadline,
    });
  }
  const bound = upperBoundOfModel(model, { lowerBound: state.weight, deadline });
  if (opts.compareFirstCome) extra.firstComeWeight = firstComeState(model).weight;
  return buildSolution(state, bound.bound, started, extra);
}
