import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upperBound } from './bounds.ts';
import { exactSchedule } from './exact.ts';
import { generateInstance } from './generate.ts';
import type { Instance } from './types.ts';

describe('upperBound', () => {
  it('is never below the exact optimum', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const instance = generateInstance({
        participants: 5 + (seed % 4),
        requests: 7,
        days: 2,
        slotsPerDay: 2,
        tables: 1 + (seed % 2),
        seed,
        zipf: 1.2,
        threePersonShare: 0.3,
      });
      const optimum = exactSchedule(instance).stats.weight;
      const report = upperBound(instance);
      assert.ok(report.bound >= optimum, `seed ${seed}: bound ${report.bound} < optimum ${optimum}`);
      assert.ok(report.lagrangian >= optimum && report.simple >= optimum);
    }
  });

  it('rounds the LP bound down when priorities are integers', () => {
    // Three meetings in a triangle, one slot: the LP gives 1.5, integral weights round it to 1.
    const instance: Instance = {
      slots: [{ id: 's1', start: '2026-05-12T09:00:00Z', end: '2026-05-12T09:30:00Z', tables: 3 }],
      participants: ['a', 'b', 'c'].map((id) => ({ id, unavailable: [] })),
      meetings: [
        { id: 'ab', participants: ['a', 'b'], priority: 1 },
        { id: 'bc', participants: ['b', 'c'], priority: 1 },
        { id: 'ca', participants: ['c', 'a'], priority: 1 },
      ],
      pinned: [],
    };
    const report = upperBound(instance, { iterations: 2000 });
    assert.ok(report.bound >= 1 && report.bound <= 1.5, String(report.bound));
  });
});
