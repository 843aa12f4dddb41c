// The LP relaxation of the meeting-scheduling problem, solved by HiGHS (WebAssembly): an independent
// upper bound on the best possible total priority, to judge the scheduler against.
import loadHighs from 'highs';
import type { Instance } from '../src/core/scheduler/index.ts';

/** max Σ p·x  s.t. each meeting ≤ 1 slot, each participant ≤ 1 meeting per slot, ≤ tables per slot, 0 ≤ x ≤ 1. */
export async function lpUpperBound(
  instance: Instance,
): Promise<{ bound: number; ms: number; columns: number }> {
  const t0 = performance.now();
  const highs = await loadHighs();
  const away = new Map(instance.participants.map((p) => [p.id, new Set(p.unavailable)]));
  const participantIndex = new Map(instance.participants.map((p, i) => [p.id, i]));
  const S = instance.slots.length;
  const M = instance.meetings.length;
  // Rows: meetings [0, M), participant-slot pairs [M, M + P·S), slots [M + P·S, M + P·S + S).
  const partRow = (p: number, s: number) => M + p * S + s;
  const slotRow = (s: number) => M + instance.participants.length * S + s;
  const numRows = slotRow(S);
  const pinned = new Map(instance.pinned.map((p) => [p.meeting, p.slot]));
  const cost: number[] = [];
  const lower: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  instance.meetings.forEach((m, mi) => {
    const members = m.participants.map((id) => participantIndex.get(id)!);
    instance.slots.forEach((slot, si) => {
      if (m.participants.some((id) => away.get(id)?.has(slot.id))) return;
      const pin = pinned.get(m.id);
      if (pin && pin !== slot.id) return;
      cost.push(m.priority);
      lower.push(pin ? 1 : 0);
      indices.push(mi, ...members.map((p) => partRow(p, si)).sort((a, b) => a - b), slotRow(si));
      starts.push(indices.length);
    });
  });
  const numCols = cost.length;
  const rowUpper = new Float64Array(numRows).fill(1);
  instance.slots.forEach((s, si) => {
    rowUpper[slotRow(si)] = s.tables;
  });
  const model = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: lower,
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper,
    matrix: {
      format: 'csc',
      numRows,
      numCols,
      starts,
      indices,
      values: new Float64Array(indices.length).fill(1),
    },
  });
  try {
    // Interior point without crossover: seconds instead of minutes on these degenerate models; its
    // tolerance (1e-8 relative) is far below the 1e-3 margin the benchmark adds before rounding down.
    model.options.set({ output_flag: false, solver: 'ipm', run_crossover: 'off' });
    model.run();
    return { bound: model.getObjectiveValue(), ms: performance.now() - t0, columns: numCols };
  } finally {
    model.dispose();
  }
}
