import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateInstance } from './generate.ts';
import { validateInstance } from './validate.ts';

describe('generateInstance', () => {
  const opts = { participants: 300, requests: 2000, days: 2, slotsPerDay: 12, tables: 80, seed: 11 };

  it('is deterministic and valid', () => {
    const a = generateInstance(opts);
    assert.deepEqual(a, generateInstance(opts));
    assert.notDeepEqual(a.meetings, generateInstance({ ...opts, seed: 12 }).meetings);
    assert.ok(validateInstance(a).ok);
    assert.equal(a.slots.length, 24);
    assert.equal(a.meetings.length, 2000);
  });

  it('has skewed popularity, absences and some three-person meetings', () => {
    const instance = generateInstance(opts);
    const degree = new Map<string, number>();
    for (const m of instance.meetings)
      for (const p of m.participants) degree.set(p, (degree.get(p) ?? 0) + 1);
    const sorted = [...degree.values()].sort((x, y) => y - x);
    const mean = sorted.reduce((x, y) => x + y, 0) / sorted.length;
    assert.ok(sorted[0]! > 2 * mean, `top ${sorted[0]} vs mean ${mean}`);
    const away = instance.participants.reduce((n, p) => n + p.unavailable.length, 0) / (300 * 24);
    assert.ok(away > 0.1 && away < 0.2, `unavailable share ${away}`);
    const three = instance.meetings.filter((m) => m.participants.length === 3).length / 2000;
    assert.ok(three > 0.02 && three < 0.08, `three-person share ${three}`);
  });
});
