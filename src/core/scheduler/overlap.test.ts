import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSolution } from './check.ts';
import { exactSchedule } from './exact.ts';
import { firstCome } from './firstCome.ts';
import { generateInstance } from './generate.ts';
import { compileModel } from './model.ts';
import { mulberry32 } from './random.ts';
import { scheduleMeetings } from './schedule.ts';
import type { Instance, Slot } from './types.ts';
import { validateInstance } from './validate.ts';

/** Slots of one session: `count` pieces of `minutes` from `start` (UTC, on 2026-05-12). */
function grid(prefix: string, start: string, minutes: number, count: number, tables: number): Slot[] {
  const t0 = Date.parse(`2026-05-12T${start}:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    start: new Date(t0 + i * minutes * 60_000).toISOString(),
    end: new Date(t0 + (i + 1) * minutes * 60_000).toISOString(),
    tables,
  }));
}

/** A tiny random event whose B2B sessions run in parallel with 30- and 20-minute slots. */
function tinyParallel(seed: number): Instance {
  const rand = mulberry32(seed * 104729);
  const base = generateInstance({
    participants: 4 + Math.floor(rand() * 4),
    requests: 5 + Math.floor(rand() * 4),
    days: 1,
    slotsPerDay: 2,
    tables: 1,
    seed,
    zipf: 1,
    unavailableShare: 0,
    threePersonShare: 0.2,
  });
  const slots = [...grid('a', '10:00', 30, 2, 1), ...grid('b', '10:00', 20, 3, 1)];
  const ids = slots.map((s) => s.id);
  const instance: Instance = {
    slots,
    participants: base.participants.map((p) => ({
      id: p.id,
      unavailable: ids.filter(() => rand() < 0.15),
    })),
    meetings: base.meetings,
    pinned: [],
  };
  const checked = validateInstance(instance);
  assert.ok(checked.ok, JSON.stringify(checked));
  return checked.instance;
}

describe('overlapping slots (parallel sessions with different slot lengths)', () => {
  it('are accepted by validateInstance and known to the model', () => {
    const slots = [...grid('a', '10:00', 30, 2, 1), ...grid('b', '10:00', 20, 3, 1)];
    const result = validateInstance({ slots, participants: [], meetings: [] });
    assert.ok(result.ok);
    const model = compileModel(result.instance);
    const at = (id: string) => model.slotIds.indexOf(id);
    const near = (id: string) => [...model.overlapping[at(id)]!].map((s) => model.slotIds[s]).sort();
    // a1 10:00–10:30, a2 10:30–11:00; b1 10:00–10:20, b2 10:20–10:40, b3 10:40–11:00.
    assert.deepEqual(near('a1'), ['b1', 'b2']);
    assert.deepEqual(near('a2'), ['b2', 'b3']);
    assert.deepEqual(near('b2'), ['a1', 'a2']);
    assert.ok(model.hasOverlaps);
    assert.equal(model.slotIds[model.slotPrev[at('b3')]!], 'b2');
    assert.equal(model.slotIds[model.slotPrev[at('a2')]!], 'a1');
  });

  it('disjoint slots have no overlaps and keep the previous slot in start order', () => {
    const model = compileModel({
      slots: grid('a', '10:00', 30, 4, 2),
      participants: [],
      meetings: [],
      pinned: [],
    });
    assert.equal(model.hasOverlaps, false);
    assert.deepEqual([...model.slotPrev], [-1, 0, 1, 2]);
    assert.deepEqual([...model.slotNext], [1, 2, 3, -1]);
  });

  it('checkSolution refuses one person in two meetings at once across grids', () => {
    const instance: Instance = {
      slots: [...grid('a', '10:00', 30, 1, 1), ...grid('b', '10:00', 20, 2, 1)],
      participants: ['p', 'q', 'r'].map((id) => ({ id, unavailable: [] })),
      meetings: [
        { id: 'm1', participants: ['p', 'q'], priority: 1 },
        { id: 'm2', participants: ['p', 'r'], priority: 1 },
      ],
      pinned: [],
    };
    const errors = checkSolution(instance, {
      assignments: [
        { meeting: 'm1', slot: 'a1', table: 1 },
        { meeting: 'm2', slot: 'b2', table: 1 },
      ],
      unscheduled: [],
      stats: {
        scheduled: 2,
        weight: 2,
        upperBound: 2,
        ms: 0,
        unscheduled: 0,
        participantsWithoutMeetings: 0,
        standbyBlocks: 1,
      },
    });
    assert.deepEqual(errors, [
      `participant 'p' has meetings 'm1' (slot 'a1') and 'm2' (slot 'b2') at the same time`,
    ]);
  });

  it('reports pins that need one person in overlapping slots', () => {
    const result = validateInstance({
      slots: [...grid('a', '10:00', 30, 1, 1), ...grid('b', '10:00', 20, 2, 1)],
      participants: ['p', 'q', 'r'].map((id) => ({ id, unavailable: [] })),
      meetings: [
        { id: 'm1', participants: ['p', 'q'] },
        { id: 'm2', participants: ['p', 'r'] },
      ],
      pinned: [
        { meeting: 'm1', slot: 'a1', table: 1 },
        { meeting: 'm2', slot: 'b2', table: 1 },
      ],
    });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.problems, [
      `pinned meetings 'm1' and 'm2' both need participant 'p' at the same time (slot 'b2')`,
    ]);
  });

  it('schedule nobody twice at once and match the exact optimum on small random events', () => {
    let used = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const instance = tinyParallel(seed);
      const exact = exactSchedule(instance);
      const heuristic = scheduleMeetings(instance, { seed });
      assert.deepEqual(checkSolution(instance, exact), [], `seed ${seed}: exact`);
      assert.deepEqual(checkSolution(instance, heuristic), [], `seed ${seed}`);
      assert.deepEqual(checkSolution(instance, firstCome(instance)), [], `seed ${seed}: first come`);
      assert.equal(heuristic.stats.weight, exact.stats.weight, `seed ${seed}: heuristic below optimum`);
      assert.ok(heuristic.stats.upperBound >= exact.stats.weight - 1e-9, `seed ${seed}: bound`);
      // Both grids are used somewhere, so the overlaps really constrain these schedules.
      const grids = new Set(heuristic.assignments.map((a) => a.slot[0]));
      if (grids.size === 2) used++;
    }
    assert.ok(used > 50, `only ${used} schedules used both grids`);
  });

  it('schedule valid larger events with moves, ejections and compaction across grids', () => {
    for (let seed = 1; seed <= 2; seed++) {
      const base = generateInstance({
        participants: 120,
        requests: 1500,
        days: 1,
        slotsPerDay: 2,
        tables: 1,
        seed,
      });
      // 96 table-slots over three parallel sessions for ~180 meetings: tables and overlaps both bind.
      const instance: Instance = {
        slots: [
          ...grid('a', '09:00', 30, 12, 3),
          ...grid('b', '09:00', 20, 18, 2),
          ...grid('c', '09:00', 30, 12, 2),
        ],
        participants: base.participants.map((p) => ({ id: p.id, unavailable: [] })),
        meetings: base.meetings,
        pinned: [],
      };
      const solution = scheduleMeetings(instance, { seed });
      assert.deepEqual(checkSolution(instance, solution), [], `seed ${seed}`);
      assert.ok(solution.unscheduled.length > 0, `seed ${seed}: not constrained`);
      assert.ok(
        solution.stats.weight > firstCome(instance).stats.weight,
        `seed ${seed}: no better than first come`,
      );
    }
  });
});
