import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rank, scoreSheetProblems, weightedScore } from './ranking.ts';
import { nextDay, regionTimeZone, templateSessions, wallTimeToInstant } from './template.ts';

const criteria = [
  { key: 'fit', weight: 2 },
  { key: 'venue', weight: 1 },
];

test('a review’s weighted average weighs each criterion', () => {
  assert.equal(weightedScore(criteria, { fit: 9, venue: 6 }), 8);
  assert.equal(weightedScore(criteria, { fit: 0, venue: 10 }), 3.33);
  assert.equal(weightedScore([{ key: 'a' }, { key: 'b' }], { a: 4, b: 7 }), 5.5);
});

test('the ranking averages reviews, shares ranks on ties, leaves unreviewed and excluded items last', () => {
  const reviews: Record<string, { fit: number; venue: number }[]> = {
    a: [
      { fit: 9, venue: 6 },
      { fit: 6, venue: 6 },
    ], // 8 and 6 → 7
    b: [{ fit: 10, venue: 4 }], // 8
    c: [{ fit: 7, venue: 7 }], // 7
    d: [],
    e: [{ fit: 10, venue: 10 }],
  };
  const out = rank(
    criteria,
    ['a', 'b', 'c', 'd', 'e'],
    (k) => reviews[k]!,
    (k) => k === 'e',
  );
  assert.deepEqual(
    out.map((r) => [r.item, r.rank, r.score, r.reviewCount]),
    [
      ['b', 1, 8, 1],
      ['a', 2, 7, 2],
      ['c', 2, 7, 1],
      ['d', null, null, 0],
      ['e', null, null, 1],
    ],
  );
  assert.deepEqual(out[1]!.criterionAverages, { fit: 7.5, venue: 6 });
});

test('a score sheet must score every criterion and nothing else', () => {
  assert.deepEqual(scoreSheetProblems(criteria, { fit: 1, venue: 2 }), []);
  assert.deepEqual(scoreSheetProblems(criteria, { fit: 1, extra: 2 }), [
    'Unknown criterion "extra"',
    'Score the criterion "venue"',
  ]);
});

test('time zones come from the region, then the country', () => {
  assert.equal(regionTimeZone('ITC4'), 'Europe/Rome');
  assert.equal(regionTimeZone('EL30'), 'Europe/Athens');
  assert.equal(regionTimeZone('ES70'), 'Atlantic/Canary');
  assert.equal(regionTimeZone('ES51'), 'Europe/Madrid');
  assert.equal(regionTimeZone('PT20'), 'Atlantic/Azores');
  assert.equal(regionTimeZone('XX11'), null);
});

test('wall-clock times become instants across daylight-saving changes', () => {
  assert.equal(
    wallTimeToInstant('2024-03-26', '09:00', 'Europe/Rome').toISOString(),
    '2024-03-26T08:00:00.000Z',
  );
  // Europe/Rome moves to summer time on 31 March 2024 at 02:00.
  assert.equal(
    wallTimeToInstant('2024-03-31', '09:00', 'Europe/Rome').toISOString(),
    '2024-03-31T07:00:00.000Z',
  );
  assert.equal(
    wallTimeToInstant('2024-07-01', '09:00', 'Europe/Helsinki').toISOString(),
    '2024-07-01T06:00:00.000Z',
  );
  assert.equal(nextDay('2024-02-28'), '2024-02-29');
  assert.equal(nextDay('2024-12-31'), '2025-01-01');
});

test('the template spans two days, starting at 09:00 local time on the first', () => {
  const s = templateSessions('2025-10-30', 'Europe/Rome');
  assert.equal(s[0]!.startsAt.toISOString(), '2025-10-30T08:00:00.000Z');
  const day2 = s.filter((x) => x.day === 2);
  // 26 October 2025 ended summer time: day 2 is in UTC+1.
  assert.equal(day2[0]!.startsAt.toISOString(), '2025-10-31T08:00:00.000Z');
  for (const type of ['remarks', 'keynote', 'panel', 'pitching', 'networking', 'b2b', 'site_visit'])
    assert.ok(
      s.some((x) => x.type === type),
      type,
    );
  assert.ok(s.every((x) => x.endsAt > x.startsAt));
});
