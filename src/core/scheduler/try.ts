/**
 * Quick figures while tuning (not a test): node --import tsx src/core/scheduler/try.ts [sizes…]
 * For each size: weight, reported bound, a long-run LP (Lagrangian) bound, first-come, stand-by.
 */
import { lagrangianBound } from './bounds.ts';
import { firstCome } from './firstCome.ts';
import { generateInstance } from './generate.ts';
import { compileModel } from './model.ts';
import { scheduleMeetings } from './schedule.ts';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}%`;

for (const participants of sizes.length ? sizes : [200, 400, 1000]) {
  const requests = participants * 8;
  // Tables so that demand exceeds capacity, as in a popular event.
  const tables = Math.round(participants * 0.3);
  const instance = generateInstance({
    participants,
    requests,
    days: 2,
    slotsPerDay: 12,
    tables,
    seed: 7,
    zipf: 0.8,
    unavailableShare: 0.15,
    threePersonShare: 0.05,
  });
  const solution = scheduleMeetings(instance, { seed: 1 });
  const fc = firstCome(instance);
  const t = performance.now();
  const lp = lagrangianBound(compileModel(instance), { iterations: 3000, lowerBound: solution.stats.weight });
  const lpMs = performance.now() - t;
  const s = solution.stats;
  const lpBound = Math.min(lp.bound, s.upperBound);
  const before = s.standbyBlocksBeforeCompaction ?? s.standbyBlocks;
  console.log(
    [
      `${participants} participants, ${instance.meetings.length} meetings, ${tables} tables x 24 slots`,
      `  weight ${s.weight} (${s.scheduled} meetings), bound ${s.upperBound}, LP bound (3000 its, ${lpMs.toFixed(0)} ms) ${lpBound}`,
      `  weight/bound ${pct(s.weight, s.upperBound)}, weight/LP ${pct(s.weight, lpBound)}`,
      `  first-come ${fc.stats.weight} (${pct(fc.stats.weight, lpBound)} of LP), gain ${pct(s.weight - fc.stats.weight, fc.stats.weight)}`,
      `  stand-by blocks ${before} -> ${s.standbyBlocks} (-${pct(before - s.standbyBlocks, before)}), without meetings ${s.participantsWithoutMeetings}`,
      `  time ${s.ms} ms`,
    ].join('\n'),
  );
}
