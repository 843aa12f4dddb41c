import { firstComeState } from './firstCome.ts';
import { compileModel, type Model } from './model.ts';
import type { Instance } from './types.ts';

export interface BoundOptions {
  /** Subgradient iterations (each costs one pass over meeting-slot pairs). */
  iterations?: number;
  /** Weight of a known schedule: steers the step size and stops early once the bound meets it. */
  lowerBound?: number;
  deadline?: number;
}

export interface BoundReport {
  bound: number;
  /** min(sum of priorities, participant capacity bound, table capacity bound). */
  simple: number;
  /** Lagrangian bound: equal to the LP relaxation bound at convergence, valid at every step. */
  lagrangian: number;
  iterations: number;
}

const allIntegral = (w: Float64Array) => w.every((x) => Number.isInteger(x));

/** Combinatorial bounds: every meeting counted once, by participants and by tables. */
export function simpleBound(model: Model): number {
  const { S, M, P } = model;
  const ws: number[] = [];
  let sum = 0;
  for (let m = 0; m < M; m++) {
    if (model.feasible[m]!.length === 0) continue;
    ws.push(model.weight[m]!);
    sum += model.weight[m]!;
  }
  ws.sort((a, b) => b - a);
  let tables = 0;
  for (let s = 0; s < S; s++) tables += model.slotTables[s]!;
  let tableBound = 0;
  for (let i = 0; i < Math.min(tables, ws.length); i++) tableBound += ws[i]!;
  // Each meeting has at least two participants, each of whom attends at most one meeting per
  // available slot: half the sum of every participant's best feasible meetings is an upper bound.
  let participantBound = 0;
  for (let p = 0; p < P; p++) {
    let cap = 0;
    for (let s = 0; s < S; s++) cap += model.avail[p * S + s]!;
    const mine: number[] = [];
    for (const m of model.meetingsOf[p]!) if (model.feasible[m]!.length > 0) mine.push(model.weight[m]!);
    mine.sort((a, b) => b - a);
    for (let i = 0; i < Math.min(cap, mine.length); i++) participantBound += mine[i]! / 2;
  }
  return Math.min(sum, tableBound, participantBound);
}

/**
 * Lagrangian relaxation of the participant-slot and table constraints: with multipliers
 * lambda[p,s] >= 0 and mu[s] >= 0 every meeting independently takes its best slot by reduced
 * weight. Any multipliers give a valid bound; subgradient descent drives it to the LP bound.
 */
export function lagrangianBound(
  model: Model,
  opts: BoundOptions = {},
): { bound: number; iterations: number } {
  const { S, M, P } = model;
  // Pinned meetings are fixed: they occupy their participants and a table.
  let fixed = 0;
  const blocked = new Uint8Array(P * S);
  const cap = Float64Array.from(model.slotTables);
  for (let m = 0; m < M; m++) {
    const s = model.pinnedSlot[m]!;
    if (s < 0) continue;
    fixed += model.weight[m]!;
    cap[s]!--;
    for (const p of model.parts[m]!) blocked[p * S + s] = 1;
  }
  // Flat meeting-slot pairs: slot and up to three participant-slot indices.
  const start: number[] = [0];
  const eSlot: number[] = [];
  const e1: number[] = [];
  const e2: number[] = [];
  const e3: number[] = [];
  const free: number[] = [];
  for (let m = 0; m < M; m++) {
    if (model.pinnedSlot[m]! >= 0) continue;
    const ps = model.parts[m]!;
    let n = 0;
    for (const s of model.feasible[m]!) {
      if (cap[s]! <= 0 || ps.some((p) => blocked[p * S + s])) continue;
      eSlot.push(s);
      e1.push(ps[0]! * S + s);
      e2.push(ps[1]! * S + s);
      e3.push(ps.length > 2 ? ps[2]! * S + s : -1);
      n++;
    }
    if (n === 0) continue;
    free.push(m);
    start.push(eSlot.length);
  }
  const F = free.length;
  const st = Int32Array.from(start);
  const es = Int32Array.from(eSlot);
  const i1 = Int32Array.from(e1);
  const i2 = Int32Array.from(e2);
  const i3 = Int32Array.from(e3);
  const w = Float64Array.from(free.map((m) => model.weight[m]!));
  // Default effort: about the same time whatever the size, more iterations for small events.
  const iterations =
    opts.iterations ?? Math.max(600, Math.min(3000, Math.floor(9e7 / Math.max(1, es.length))));
  const lambda = new Float64Array(P * S);
  const mu = new Float64Array(S);
  const gl = new Float64Array(P * S);
  const gm = new Float64Array(S);
  const inv = Float64Array.from(cap, (c) => (c > 0 ? 1 / c : 0));
  // Only pairs some meeting can use need a multiplier; the others stay at zero.
  const touched = new Uint8Array(P * S);
  for (let k = 0; k < i1.length; k++) {
    touched[i1[k]!] = 1;
    touched[i2[k]!] = 1;
    if (i3[k]! >= 0) touched[i3[k]!] = 1;
  }
  const pairs = Int32Array.from([...touched.keys()].filter((i) => touched[i]));

  let best = Number.POSITIVE_INFINITY;
  // Tuned on generated events: deflected subgradient (direction = g + ALPHA * previous direction,
  // a heavy-ball step) with a Polyak step size towards the known schedule's weight.
  const PAT = 30;
  const ALPHA = 0.7;
  const dl = new Float64Array(P * S);
  const dm = new Float64Array(S);
  let theta = 1;
  let sinceBest = 0;
  const lower = opts.lowerBound ?? 0;
  const integral = allIntegral(model.weight);
  let it = 0;
  for (; it < iterations; it++) {
    let value = fixed;
    for (const k of pairs) {
      value += lambda[k]!;
      gl[k] = 1;
    }
    for (let s = 0; s < S; s++) {
      value += Math.max(0, cap[s]!) * mu[s]!;
      gm[s] = 1;
    }
    for (let f = 0; f < F; f++) {
      let bestR = 0;
      let bestK = -1;
      const wf = w[f]!;
      for (let k = st[f]!; k < st[f + 1]!; k++) {
        const j3 = i3[k]!;
        const r = wf - lambda[i1[k]!]! - lambda[i2[k]!]! - (j3 >= 0 ? lambda[j3]! : 0) - mu[es[k]!]!;
        if (r > bestR) {
          bestR = r;
          bestK = k;
        }
      }
      if (bestK < 0) continue;
      value += bestR;
      gl[i1[bestK]!]!--;
      gl[i2[bestK]!]!--;
      if (i3[bestK]! >= 0) gl[i3[bestK]!]!--;
      gm[es[bestK]!]! -= inv[es[bestK]!]!;
    }
    if (value < best - 1e-9) {
      best = value;
      sinceBest = 0;
    } else if (++sinceBest >= PAT) {
      theta /= 2;
      sinceBest = 0;
    }
    const target = integral ? Math.floor(best + 1e-6) : best;
    if (target <= lower + 1e-9 || theta < 1e-4) break;
    if (opts.deadline !== undefined && performance.now() > opts.deadline) break;
    // Projected subgradient step; components pinned at zero by the projection do not count.
    let norm = 0;
    for (const k of pairs) {
      let g = gl[k]! + ALPHA * dl[k]!;
      if (g > 0 && lambda[k] === 0) g = 0;
      gl[k] = g;
      dl[k] = g;
      norm += g * g;
    }
    for (let s = 0; s < S; s++) {
      let g = gm[s]! + ALPHA * dm[s]!;
      if (g > 0 && mu[s] === 0) g = 0;
      gm[s] = g;
      dm[s] = g;
      norm += g * g;
    }
    if (norm === 0) break;
    const gap = Math.max(value - lower, 1e-3 * Math.max(1, value));
    const step = (theta * gap) / norm;
    for (const k of pairs) {
      const g = gl[k]!;
      if (g !== 0) lambda[k] = Math.max(0, lambda[k]! - step * g);
    }
    // The table rows are scaled by 1/capacity (multiplier nu = mu * capacity) so that their
    // subgradients have the same magnitude as the participant rows.
    for (let s = 0; s < S; s++) mu[s] = Math.max(0, mu[s]! - step * gm[s]! * inv[s]!);
  }
  const bound = integral ? Math.floor(best + 1e-6) : best;
  return { bound, iterations: it };
}

/** Upper bound on the best total priority any valid schedule can reach. */
export function upperBoundOfModel(model: Model, opts: BoundOptions = {}): BoundReport {
  const simple = simpleBound(model);
  const lowerBound = opts.lowerBound ?? firstComeState(model).weight;
  const lag = lagrangianBound(model, { ...opts, lowerBound });
  const integral = allIntegral(model.weight);
  const simpleRounded = integral ? Math.floor(simple + 1e-6) : simple;
  return {
    bound: Math.min(simpleRounded, lag.bound),
    simple: simpleRounded,
    lagrangian: lag.bound,
    iterations: lag.iterations,
  };
}

export function upperBound(instance: Instance, opts: BoundOptions = {}): BoundReport {
  return upperBoundOfModel(compileModel(instance), opts);
}
