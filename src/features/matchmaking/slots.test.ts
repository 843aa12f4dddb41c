import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localIso, slotsOf } from './slots.ts';

test('sessions are cut into slots of their length; a shorter remainder is dropped', () => {
  const slots = slotsOf([
    {
      id: '00000000-0000-0000-0000-000000000001',
      title: 'B2B',
      room: null,
      startsAt: new Date('2024-03-26T14:45:00Z'),
      endsAt: new Date('2024-03-26T16:25:00Z'),
      slotMinutes: 20,
      tables: 20,
    },
  ]);
  assert.equal(slots.length, 5);
  assert.equal(slots[0]!.key, '00000000-0000-0000-0000-000000000001@2024-03-26T14:45:00.000Z');
  assert.equal(slots[4]!.endsAt, '2024-03-26T16:25:00.000Z');
});

test('local ISO times carry the event’s day and offset', () => {
  assert.equal(localIso('2024-03-26T23:30:00Z', 'Europe/Rome'), '2024-03-27T00:30:00+01:00');
  assert.equal(localIso('2024-07-01T10:00:00Z', 'Europe/Rome'), '2024-07-01T12:00:00+02:00');
  assert.equal(localIso('2024-07-01T10:00:00Z', 'UTC'), '2024-07-01T10:00:00+00:00');
});
