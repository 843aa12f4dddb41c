import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateInstance } from './validate.ts';

const base = () => ({
  slots: [
    { id: 's1', start: '2026-05-12T09:00:00Z', end: '2026-05-12T09:30:00Z', tables: 2 },
    { id: 's2', start: '2026-05-12T09:30:00Z', end: '2026-05-12T10:00:00Z', tables: 2 },
  ],
  participants: [
    { id: 'a', unavailable: [] as string[] },
    { id: 'b', unavailable: ['s2'] },
    { id: 'c', unavailable: [] as string[] },
  ],
  meetings: [
    { id: 'm1', participants: ['a', 'b'], priority: 2 },
    { id: 'm2', participants: ['a', 'c'] },
  ] as { id: string; participants: string[]; priority?: number }[],
  pinned: [] as { meeting: string; slot: string; table: number }[],
});

function problemsOf(input: unknown): string[] {
  const result = validateInstance(input);
  assert.equal(result.ok, false);
  return result.ok ? [] : result.problems;
}

describe('validateInstance', () => {
  it('accepts a valid instance and fills defaults', () => {
    const { pinned: _, ...withoutPinned } = base();
    const result = validateInstance(withoutPinned);
    assert.ok(result.ok);
    assert.equal(result.instance.meetings[1]!.priority, 1);
    assert.deepEqual(result.instance.pinned, []);
  });

  it('rejects a non-object and missing arrays', () => {
    assert.deepEqual(problemsOf(42), ['the instance must be a JSON object']);
    assert.deepEqual(problemsOf({ slots: [], participants: [] }), [`'meetings' must be an array`]);
  });

  it('names unknown participant ids and bad meeting sizes', () => {
    const input = base();
    input.meetings.push({ id: 'm3', participants: ['a', 'zed'] }, { id: 'm4', participants: ['a'] });
    assert.deepEqual(problemsOf(input), [
      `unknown participant id 'zed' in meeting 'm3'`,
      `meeting 'm4' has 1 participant(s); a meeting needs 2 or 3`,
    ]);
  });

  it('reports duplicate ids', () => {
    const input = base();
    input.meetings.push({ id: 'm1', participants: ['b', 'c'] });
    input.participants.push({ id: 'c', unavailable: [] });
    input.slots.push({ ...input.slots[0]! });
    const problems = problemsOf(input);
    assert.ok(problems.includes(`duplicate slot id 's1'`));
    assert.ok(problems.includes(`duplicate participant id 'c'`));
    assert.ok(problems.includes(`duplicate meeting id 'm1'`));
  });

  it('checks slots: tables, times, overlaps', () => {
    const input = base();
    input.slots[0]!.tables = 0;
    input.slots[1]!.end = '2026-05-12T09:00:00Z';
    input.slots.push({ id: 's3', start: 'tomorrow', end: '2026-05-12T12:00:00Z', tables: 1 });
    const problems = problemsOf(input);
    assert.ok(problems.includes(`slot 's1': tables must be an integer >= 1, got 0`), problems.join('\n'));
    assert.ok(
      problems.includes(`slot 's2': end 2026-05-12T09:00:00Z is not after start 2026-05-12T09:30:00Z`),
    );
    assert.ok(problems.includes(`slot 's3': start 'tomorrow' is not an ISO date-time`));
  });

  it('checks unavailable slot ids, priorities and repeated participants', () => {
    const input = base();
    input.participants[0]!.unavailable = ['s9'];
    input.meetings[0]!.priority = -1;
    input.meetings.push({ id: 'm3', participants: ['c', 'c'] });
    assert.deepEqual(problemsOf(input), [
      `participant 'a': unknown slot id 's9' in unavailable`,
      `meeting 'm1': priority must be a positive number, got -1`,
      `meeting 'm3' lists the same participant twice`,
    ]);
  });

  it('reports pinned conflicts', () => {
    const input = base();
    input.meetings.push({ id: 'm3', participants: ['b', 'c'] });
    input.pinned = [
      { meeting: 'm1', slot: 's2', table: 1 },
      { meeting: 'm2', slot: 's1', table: 3 },
      { meeting: 'm2', slot: 's1', table: 1 },
      { meeting: 'm3', slot: 's1', table: 1 },
      { meeting: 'm2', slot: 's2', table: 2 },
      { meeting: 'mx', slot: 's1', table: 1 },
    ];
    assert.deepEqual(problemsOf(input), [
      `pinned[1]: table 3 does not exist in slot 's1' (1..2)`,
      `pinned[5]: unknown meeting id 'mx'`,
      `pinned meeting 'm1': participant 'b' is unavailable in slot 's2'`,
      `pinned meetings 'm2' and 'm3' share table 1 in slot 's1'`,
      `pinned meetings 'm2' and 'm3' both need participant 'c' at the same time (slot 's1')`,
      `meeting 'm2' is pinned more than once`,
    ]);
  });
});
