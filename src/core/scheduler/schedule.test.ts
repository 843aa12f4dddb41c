import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSolution } from './check.ts';
import { exactSchedule } from './exact.ts';
import { firstCome } from './firstCome.ts';
import { generateInstance } from './generate.ts';
import { mulberry32 } from './random.ts';
import { scheduleMeetings } from './schedule.ts';
import type { Instance } from './types.ts';
import { validateInstance } from './validate.ts';

/** Tiny random event, sometimes with a pinned meeting, small enough for exactSchedule. */
function tiny(seed: number): Instance {
  const rand = mulberry32(seed * 7919);
  const instance = generateInstance({
    participants: 4 + Math.floor(rand() * 4),
    requests: 5 + Math.floor(rand() * 4),
    days: 1 + Math.floor(rand() * 2),
    slotsPerDay: 2,
    tables: 1 + Math.floor(rand() * 2),
    seed,
    zipf: 1,
    unavailableShare: 0.2,
    threePersonShare: 0.2,
  });
  if (rand() < 0.3) {
    const m = instance.meetings[0]!;
    const away = new Set(
      instance.participants.filter((p) => m.participants.includes(p.id)).flatMap((p) => p.unavailable),
    );
    const slot = instance.slots.find((s) => !away.has(s.id));
    if (slot) instance.pinned.push({ meeting: m.id, slot: slot.id, table: 1 });
  }
  const checked = validateInstance(instance);
  assert.ok(checked.ok, JSON.stringify(checked));
  return checked.instance;
}

describe('scheduleMeetings', () => {
  it('matches the exact optimum on small random instances, with a valid bound', () => {
    let nonTrivial = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const instance = tiny(seed);
      const exact = exactSchedule(instance);
      const heuristic = scheduleMeetings(instance, { seed });
      assert.deepEqual(checkSolution(instance, exact), []);
      assert.deepEqual(checkSolution(instance, heuristic), [], `seed ${seed}`);
      assert.equal(heuristic.stats.weight, exact.stats.weight, `seed ${seed}: heuristic below optimum`);
      assert.ok(heuristic.stats.upperBound >= exact.stats.weight - 1e-9, `seed ${seed}: bound below optimum`);
      if (exact.unscheduled.length > 0) nonTrivial++;
    }
    assert.ok(nonTrivial > 40, `only ${nonTrivial} instances had unscheduled meetings`);
  });

  it('produces valid schedules with reasons on larger random events', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const instance = generateInstance({
        participants: 60 + seed * 10,
        requests: 400 + seed * 40,
        days: 2,
        slotsPerDay: 6,
        tables: 15 + seed,
        seed,
      });
      instance.pinned.push({ meeting: instance.meetings[3]!.id, slot: instance.slots[5]!.id, table: 2 });
      const checked = validateInstance(instance);
      if (!checked.ok) continue; // the pin may hit an absence: other seeds cover it
      const solution = scheduleMeetings(checked.instance, { seed });
      assert.deepEqual(checkSolution(checked.instance, solution), []);
      assert.equal(solution.stats.scheduled + solution.unscheduled.length, instance.meetings.length);
      for (const u of solution.unscheduled)
        assert.ok(u.reason.length > 10 && u.code !== 'not-attempted', u.reason);
      assert.ok(solution.stats.weight >= firstCome(checked.instance).stats.weight);
      assert.ok(solution.stats.upperBound >= solution.stats.weight);
      const before = solution.stats.standbyBlocksBeforeCompaction!;
      assert.ok(solution.stats.standbyBlocks <= before);
    }
  });

  it('is deterministic for a given seed', () => {
    const instance = generateInstance({
      participants: 80,
      requests: 500,
      days: 2,
      slotsPerDay: 6,
      tables: 20,
      seed: 3,
    });
    const strip = (s: ReturnType<typeof scheduleMeetings>) => ({ ...s, stats: { ...s.stats, ms: 0 } });
    assert.deepEqual(
      strip(scheduleMeetings(instance, { seed: 5 })),
      strip(scheduleMeetings(instance, { seed: 5 })),
    );
  });

  it('keeps pinned meetings at their slot and table', () => {
    const instance: Instance = {
      slots: [
        { id: 's1', start: '2026-05-12T09:00:00Z', end: '2026-05-12T09:30:00Z', tables: 2 },
        { id: 's2', start: '2026-05-12T09:30:00Z', end: '2026-05-12T10:00:00Z', tables: 2 },
      ],
      participants: ['a', 'b', 'c'].map((id) => ({ id, unavailable: [] })),
      meetings: [
        { id: 'm1', participants: ['a', 'b'], priority: 1 },
        { id: 'm2', participants: ['a', 'c'], priority: 5 },
        { id: 'm3', participants: ['b', 'c'], priority: 5 },
      ],
      pinned: [{ meeting: 'm1', slot: 's2', table: 2 }],
    };
    const solution = scheduleMeetings(instance);
    assert.deepEqual(checkSolution(instance, solution), []);
    assert.deepEqual(
      solution.assignments.find((a) => a.meeting === 'm1'),
      { meeting: 'm1', slot: 's2', table: 2 },
    );
    assert.equal(solution.stats.weight, 6);
    assert.equal(solution.unscheduled.length, 1);
  });

  it('explains why meetings stay unscheduled', () => {
    const instance: Instance = {
      slots: [{ id: 's1', start: '2026-05-12T09:00:00Z', end: '2026-05-12T09:30:00Z', tables: 1 }],
      participants: [
        { id: 'a', unavailable: [] },
        { id: 'b', unavailable: [] },
        { id: 'c', unavailable: ['s1'] },
        { id: 'd', unavailable: [] },
      ],
      meetings: [
        { id: 'big', participants: ['a', 'b'], priority: 3 },
        { id: 'away', participants: ['a', 'c'], priority: 1 },
        { id: 'busy', participants: ['a', 'd'], priority: 1 },
        { id: 'full', participants: ['d', 'c'], priority: 1 },
      ],
      pinned: [],
    };
    const solution = scheduleMeetings(instance);
    const reasons = Object.fromEntries(solution.unscheduled.map((u) => [u.meeting, u]));
    assert.equal(reasons.away?.code, 'no-common-slot');
    assert.match(reasons.away!.reason, /no common available slot/);
    assert.equal(reasons.busy?.code, 'participant-booked');
    assert.match(reasons.busy!.reason, /participant a is fully booked/);
    assert.equal(reasons.full?.code, 'no-common-slot');
  });

  it('reports tables as the reason when every common slot is full', () => {
    const instance: Instance = {
      slots: [{ id: 's1', start: '2026-05-12T09:00:00Z', end: '2026-05-12T09:30:00Z', tables: 1 }],
      participants: ['a', 'b', 'c', 'd'].map((id) => ({ id, unavailable: [] })),
      meetings: [
        { id: 'm1', participants: ['a', 'b'], priority: 2 },
        { id: 'm2', participants: ['c', 'd'], priority: 1 },
      ],
      pinned: [],
    };
    const solution = scheduleMeetings(instance);
    assert.deepEqual(solution.unscheduled, [
      { meeting: 'm2', code: 'tables-full', reason: 'all tables are taken in every common available slot' },
    ]);
  });
});

describe('firstCome', () => {
  it('gives each meeting in order the earliest common free slot', () => {
    const instance: Instance = {
      slots: [
        { id: 's2', start: '2026-05-12T09:30:00Z', end: '2026-05-12T10:00:00Z', tables: 1 },
        { id: 's1', start: '2026-05-12T09:00:00Z', end: '2026-05-12T09:30:00Z', tables: 1 },
      ],
      participants: ['a', 'b', 'c'].map((id) => ({ id, unavailable: [] })),
      meetings: [
        { id: 'm1', participants: ['a', 'b'], priority: 1 },
        { id: 'm2', participants: ['b', 'c'], priority: 1 },
        { id: 'm3', participants: ['a', 'c'], priority: 1 },
      ],
      pinned: [],
    };
    const solution = firstCome(instance);
    assert.deepEqual(solution.assignments, [
      { meeting: 'm1', slot: 's1', table: 1 },
      { meeting: 'm2', slot: 's2', table: 1 },
    ]);
    assert.deepEqual(checkSolution(instance, solution), []);
  });
});
