import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffAgendas, findClashes, formatSpan, localDay } from './agenda.core.ts';
import type { AgendaSessionSnapshot } from './agenda.types.ts';

const session = (id: string, from: string, to: string, extra: Partial<AgendaSessionSnapshot> = {}) =>
  ({
    id,
    type: 'panel',
    title: id,
    description: '',
    startsAt: from,
    endsAt: to,
    room: null,
    capacity: null,
    b2bSlotMinutes: null,
    b2bTables: null,
    timeIsEstimate: false,
    people: [],
    pitches: [],
    ...extra,
  }) as AgendaSessionSnapshot;

const person = (personId: string, role: 'speaker' | 'panellist' = 'speaker') => ({
  personId,
  slug: personId,
  fullName: personId.toUpperCase(),
  honorific: null,
  jobTitle: null,
  organisationName: null,
  role,
});

describe('agenda times', () => {
  test('calendar days and spans are those of the event’s zone, across summer time', () => {
    assert.equal(localDay('2024-03-25T23:30:00Z', 'Europe/Rome'), '2024-03-26');
    assert.equal(
      formatSpan('2024-03-26T08:00:00Z', '2024-03-26T09:30:00Z', 'Europe/Rome'),
      '2024-03-26 09:00–10:30',
    );
    // 31 March 2024: Rome moves to UTC+2 at 02:00.
    assert.equal(
      formatSpan('2024-03-31T08:00:00Z', '2024-03-31T09:00:00Z', 'Europe/Rome'),
      '2024-03-31 10:00–11:00',
    );
    assert.equal(
      formatSpan('2024-03-26T22:00:00Z', '2024-03-27T00:30:00Z', 'Europe/Rome'),
      '2024-03-26 23:00–2024-03-27 01:30',
    );
  });
});

describe('findClashes', () => {
  test('overlapping sessions sharing a person or a room clash; touching ones do not', () => {
    const a = session('a', '2030-01-01T09:00:00Z', '2030-01-01T10:00:00Z', {
      room: 'Sala Biagi',
      people: [person('p'), person('p', 'panellist'), person('q')],
    });
    const b = session('b', '2030-01-01T09:30:00Z', '2030-01-01T10:30:00Z', {
      room: 'sala  biagi',
      people: [person('p')],
    });
    const c = session('c', '2030-01-01T10:00:00Z', '2030-01-01T11:00:00Z', {
      room: 'Sala Biagi',
      people: [person('q')],
    });
    assert.deepEqual(findClashes([c, b, a]), [
      { kind: 'room', sessionIds: ['a', 'b'], name: 'Sala Biagi' },
      { kind: 'person', sessionIds: ['a', 'b'], personId: 'p', name: 'P' },
      { kind: 'room', sessionIds: ['b', 'c'], name: 'sala  biagi' },
    ]);
  });

  test('a long session clashes with every later one it overlaps', () => {
    const long = session('long', '2030-01-01T09:00:00Z', '2030-01-01T17:00:00Z', { room: 'Hall' });
    const short = [1, 2, 3].map((h) =>
      session(`s${h}`, `2030-01-01T1${h}:00:00Z`, `2030-01-01T1${h}:30:00Z`, { room: 'hall' }),
    );
    assert.equal(findClashes([long, ...short]).length, 3);
  });
});

describe('diffAgendas', () => {
  test('one line per kind of change, in the order of the new agenda, removed sessions last', () => {
    const before = [
      session('x', '2030-01-01T09:00:00Z', '2030-01-01T10:00:00Z', { room: 'A', people: [person('p')] }),
      session('gone', '2030-01-01T08:00:00Z', '2030-01-01T08:30:00Z'),
    ];
    const after = [
      session('new', '2030-01-01T07:00:00Z', '2030-01-01T07:30:00Z'),
      session('x', '2030-01-01T09:30:00Z', '2030-01-01T10:00:00Z', {
        title: 'X renamed',
        room: null,
        capacity: 20,
        people: [person('p'), person('q', 'panellist')],
      }),
    ];
    const changes = diffAgendas(before, after, 'UTC');
    assert.deepEqual(
      changes.map((c) => [c.kind, c.sessionId, c.before ?? null, c.after ?? null]),
      [
        ['added', 'new', null, '2030-01-01 07:00–07:30'],
        ['moved', 'x', '2030-01-01 09:00–10:00', '2030-01-01 09:30–10:00'],
        ['renamed', 'x', 'x', 'X renamed'],
        ['room', 'x', 'A', ''],
        ['people', 'x', 'P (speaker)', 'P (speaker), Q (panellist)'],
        ['details', 'x', null, 'capacity'],
        ['removed', 'gone', '2030-01-01 08:00–08:30', null],
      ],
    );
    assert.deepEqual(diffAgendas(after, after, 'UTC'), []);
  });
});
