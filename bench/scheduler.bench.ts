// B2B meeting scheduler against the first-come baseline (what booking tools do) and the LP-relaxation
// upper bound from HiGHS, on generated events: three sizes, a dense family and a table-bound family.
import {
  firstCome,
  type GenerateOptions,
  generateInstance,
  type Instance,
  scheduleMeetings,
} from '../src/core/scheduler/index.ts';
import { table } from './lib.ts';
import { lpUpperBound } from './lp-bound.ts';

interface Family {
  name: string;
  options: GenerateOptions;
}

const common = {
  days: 2,
  slotsPerDay: 12,
  seed: 7,
  unavailableShare: 0.15,
  threePersonShare: 0.05,
  zipf: 0.8,
};
const FAMILIES: Family[] = [
  { name: 'zipf 200', options: { ...common, participants: 200, requests: 1600, tables: 60 } },
  { name: 'zipf 400', options: { ...common, participants: 400, requests: 3200, tables: 120 } },
  { name: 'zipf 1000', options: { ...common, participants: 1000, requests: 8000, tables: 300 } },
  // Everyone attends both days and asks for ~22 meetings: participants, not tables, are the limit.
  {
    name: 'dense 300',
    options: { ...common, participants: 300, requests: 3300, tables: 150, zipf: 0.3, unavailableShare: 0 },
  },
  // Few tables: the room is the limit.
  { name: 'table-bound 400', options: { ...common, participants: 400, requests: 3200, tables: 40 } },
];

function blocks(instance: Instance, assignments: { meeting: string; slot: string }[]): number {
  const slotPos = new Map(instance.slots.map((s, i) => [s.id, i]));
  const day = new Map(instance.slots.map((s) => [s.id, s.start.slice(0, 10)]));
  const members = new Map(instance.meetings.map((m) => [m.id, m.participants]));
  const byPerson = new Map<string, number[]>();
  for (const a of assignments) {
    for (const p of members.get(a.meeting) ?? []) {
      const list = byPerson.get(p) ?? [];
      list.push(slotPos.get(a.slot)!);
      byPerson.set(p, list);
    }
  }
  let total = 0;
  for (const list of byPerson.values()) {
    list.sort((a, b) => a - b);
    list.forEach((s, i) => {
      const prev = list[i - 1];
      const slotId = instance.slots[s]!.id;
      if (prev === undefined || prev !== s - 1 || day.get(instance.slots[prev]!.id) !== day.get(slotId))
        total++;
    });
  }
  return total;
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)} %`;

export async function schedulerBench(): Promise<void> {
  const rows: string[][] = [];
  for (const f of FAMILIES) {
    const instance = generateInstance(f.options);
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    const t = performance.now();
    const solution = scheduleMeetings(instance, { seed: 1 });
    const ms = performance.now() - t;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const fc = firstCome(instance);
    const lp = await lpUpperBound(instance);
    const s = solution.stats;
    // Priorities are integers, so the integer optimum is at most the LP optimum rounded down.
    const bound = Math.floor(lp.bound + 1e-3);
    const fcWithout = new Set(instance.meetings.flatMap((m) => m.participants));
    for (const a of fc.assignments) {
      for (const p of instance.meetings.find((m) => m.id === a.meeting)?.participants ?? [])
        fcWithout.delete(p);
    }
    rows.push([
      f.name,
      String(instance.meetings.length),
      `${s.weight}`,
      `${bound}`,
      pct(s.weight, bound),
      `${fc.stats.weight} (${pct(fc.stats.weight, bound)})`,
      `+${pct(s.weight - fc.stats.weight, fc.stats.weight)}`,
      `${s.participantsWithoutMeetings} / ${fcWithout.size}`,
      `${s.standbyBlocksBeforeCompaction ?? '?'} → ${s.standbyBlocks} (FC ${blocks(instance, fc.assignments)})`,
      `${ms.toFixed(0)} ms`,
      `${((peak - heapBefore) / 1048576).toFixed(0)} MB`,
      `${(lp.ms / 1000).toFixed(1)} s`,
    ]);
  }
  table(
    'B2B meeting scheduler (2 days × 12 slots; weight = total priority; LP bound by HiGHS; FC = first-come)',
    [
      'family',
      'meetings',
      'weight',
      'LP bound',
      '% of bound',
      'first-come',
      'gain over FC',
      'no meeting (ours / FC)',
      'stand-by blocks',
      'time',
      'heap peak',
      'LP time',
    ],
    rows,
  );
}
