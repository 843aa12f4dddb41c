import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { AgendaSessionSnapshot } from '../agenda.types.ts';
import { eventCalendar, personalCalendar, personCalendar } from './calendar.ts';
import { buildFrabSchedule, numericId } from './frab.ts';
import { writeCalendar } from './ical.ts';
import type { ExportContext } from './model.ts';
import { isoWithOffset, localParts, zonedInstant } from './zoned.ts';

const session = (id: string, o: Partial<AgendaSessionSnapshot>): AgendaSessionSnapshot => ({
  id,
  type: 'panel',
  title: 'A session',
  description: '',
  startsAt: '',
  endsAt: '',
  room: null,
  capacity: null,
  b2bSlotMinutes: null,
  b2bTables: null,
  timeIsEstimate: false,
  people: [],
  pitches: [],
  ...o,
});

const PERSON = '0c0ffee0-0000-4000-8000-000000000001';
// Rome moves from UTC+1 to UTC+2 at 02:00 on Sunday 31 March 2024: the agenda spans the change.
const ctx = (status: 'published' | 'cancelled' = 'published', withAgenda = true): ExportContext => ({
  publicUrl: 'https://nexum.example.org',
  locale: 'en',
  event: {
    id: '11111111-2222-4333-8444-555555555555',
    slug: 'spring-workshop',
    title: 'Spring workshop',
    summary: 'Two days',
    startsAt: '2024-03-30T08:00:00.000Z',
    endsAt: '2024-03-31T15:00:00.000Z',
    timeZone: 'Europe/Rome',
    venueName: 'Palazzo Lombardia',
    venueAddress: 'Piazza Città di Lombardia 1, Milano',
    city: 'Milano',
    status,
    updatedAt: '2024-03-01T00:00:00.000Z',
  },
  agenda: withAgenda
    ? {
        eventId: '11111111-2222-4333-8444-555555555555',
        version: 4,
        timeZone: 'Europe/Rome',
        publishedAt: '2024-03-20T12:00:00.000Z',
        sessions: [
          session('a0000000-0000-4000-8000-000000000002', {
            title: 'Day two keynote',
            type: 'keynote',
            startsAt: '2024-03-31T07:00:00.000Z', // 09:00 CEST
            endsAt: '2024-03-31T08:30:00.000Z',
            room: 'Auditorium',
            people: [
              {
                personId: PERSON,
                slug: 'tullio-tolio',
                fullName: 'Tullio Tolio',
                honorific: 'Prof.',
                jobTitle: null,
                organisationName: 'Politecnico di Milano',
                role: 'speaker',
              },
            ],
          }),
          session('a0000000-0000-4000-8000-000000000001', {
            title: 'Opening',
            type: 'remarks',
            startsAt: '2024-03-30T08:00:00.000Z', // 09:00 CET
            endsAt: '2024-03-30T08:20:00.000Z',
          }),
          session('a0000000-0000-4000-8000-000000000003', {
            title: 'Late networking',
            type: 'networking',
            startsAt: '2024-03-30T23:30:00.000Z', // 00:30 on the 31st: still day one for frab
            endsAt: '2024-03-31T00:15:00.000Z',
            room: 'Terrace',
            pitches: [{ id: 'p1', kind: 'startup', title: 'SnowIt', organisationName: null }],
          }),
        ],
      }
    : null,
});

describe('time zone helpers', () => {
  test('wall-clock times and offsets on both sides of a daylight-saving change', () => {
    assert.equal(isoWithOffset('2024-03-30T08:00:00Z', 'Europe/Rome'), '2024-03-30T09:00:00+01:00');
    assert.equal(isoWithOffset('2024-03-31T07:00:00Z', 'Europe/Rome'), '2024-03-31T09:00:00+02:00');
    assert.equal(isoWithOffset('2024-03-31T07:00:00Z', 'America/New_York'), '2024-03-31T03:00:00-04:00');
    assert.equal(
      zonedInstant('2024-03-31', '04:00', 'Europe/Rome').toISOString(),
      '2024-03-31T02:00:00.000Z',
    );
    assert.equal(
      zonedInstant('2024-03-30', '04:00', 'Europe/Rome').toISOString(),
      '2024-03-30T03:00:00.000Z',
    );
    assert.deepEqual(localParts('2024-03-30T23:30:00Z', 'Europe/Rome'), {
      date: '2024-03-31',
      time: '00:30',
      hour: 0,
      minute: 30,
    });
  });
});

describe('frab schedule', () => {
  const s = buildFrabSchedule(ctx()).schedule;
  test('conference, days and rooms', () => {
    assert.equal(s.version, '4');
    assert.equal(s.conference.acronym, 'spring-workshop');
    assert.equal(s.conference.start, '2024-03-30');
    assert.equal(s.conference.end, '2024-03-31');
    assert.equal(s.conference.daysCount, 2);
    assert.equal(s.conference.time_zone_name, 'Europe/Rome');
    const [one, two] = s.conference.days;
    assert.equal(one!.index, 1);
    assert.equal(one!.day_start, '2024-03-30T04:00:00+01:00');
    assert.equal(one!.day_end, '2024-03-31T03:59:00+02:00');
    assert.deepEqual(Object.keys(one!.rooms).sort(), ['Palazzo Lombardia', 'Terrace']);
    assert.deepEqual(Object.keys(two!.rooms), ['Auditorium']);
  });

  test('sessions: local start, duration, persons, ids', () => {
    const [opening] = s.conference.days[0]!.rooms['Palazzo Lombardia']!;
    assert.equal(opening!.start, '09:00');
    assert.equal(opening!.duration, '00:20');
    assert.equal(opening!.date, '2024-03-30T09:00:00+01:00');
    assert.equal(opening!.type, 'Remarks');
    const [late] = s.conference.days[0]!.rooms.Terrace!;
    assert.equal(late!.start, '00:30');
    assert.equal(late!.duration, '00:45');
    assert.match(late!.description, /SnowIt \(start-up\)/);
    const [keynote] = s.conference.days[1]!.rooms.Auditorium!;
    assert.equal(keynote!.start, '09:00');
    assert.equal(keynote!.date, '2024-03-31T09:00:00+02:00');
    assert.equal(keynote!.duration, '01:30');
    assert.equal(keynote!.guid, 'a0000000-0000-4000-8000-000000000002');
    assert.equal(keynote!.id, numericId(keynote!.guid));
    assert.deepEqual(
      keynote!.persons.map((p) => [p.public_name, p.role]),
      [['Prof. Tullio Tolio', 'speaker']],
    );
  });

  test('without a published agenda the event is the only item', () => {
    const single = buildFrabSchedule(ctx('published', false)).schedule;
    assert.equal(single.version, '0');
    const items = single.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    assert.equal(items.length, 1);
    assert.equal(items[0]!.title, 'Spring workshop');
    assert.equal(items[0]!.duration, '31:00');
  });
});

describe('calendars built from the agenda', () => {
  const parse = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  test('the event calendar has every session in time order with the agenda version as SEQUENCE', () => {
    const events = parse(writeCalendar(eventCalendar(ctx())));
    assert.deepEqual(
      events.map((e) => e.summary),
      ['Opening', 'Late networking', 'Day two keynote'],
    );
    const keynote = events[2]!;
    assert.equal(keynote.uid, 'a0000000-0000-4000-8000-000000000002@nexum.example.org');
    assert.equal(keynote.sequence, 4);
    assert.equal(keynote.location, 'Auditorium, Palazzo Lombardia, Piazza Città di Lombardia 1, Milano');
    assert.match(keynote.description, /Speaker: Prof\. Tullio Tolio \(Politecnico di Milano\)/);
  });

  test('a cancelled event marks every item cancelled; no agenda gives the event alone', () => {
    const cancelled = writeCalendar(eventCalendar(ctx('cancelled')));
    assert.equal(cancelled.match(/STATUS:CANCELLED/g)?.length, 3);
    const single = parse(writeCalendar(eventCalendar(ctx('published', false))));
    assert.equal(single.length, 1);
    assert.equal(single[0]!.uid, '11111111-2222-4333-8444-555555555555@nexum.example.org');
  });

  test('per person and personal feed select the right sessions', () => {
    const person = parse(writeCalendar(personCalendar(ctx(), { id: PERSON, name: 'Prof. Tullio Tolio' })));
    assert.deepEqual(
      person.map((e) => e.summary),
      ['Day two keynote'],
    );
    const feed = parse(
      writeCalendar(
        personalCalendar(ctx(), {
          personId: null,
          signedUpSessionIds: new Set(['a0000000-0000-4000-8000-000000000003']),
          registrationStatus: 'waitlisted',
          contributed: [
            {
              source: 'b2b',
              items: [
                {
                  id: 'm1',
                  title: 'Meeting',
                  startsAt: '2024-03-30T10:00:00Z',
                  endsAt: '2024-03-30T10:20:00Z',
                  url: '/x',
                },
              ],
            },
          ],
        }),
      ),
    );
    assert.deepEqual(
      feed.map((e) => e.uid),
      [
        '11111111-2222-4333-8444-555555555555@nexum.example.org',
        'a0000000-0000-4000-8000-000000000003@nexum.example.org',
        'b2b-m1@nexum.example.org',
      ],
    );
    assert.equal(feed[0]!.component.getFirstPropertyValue('status'), 'TENTATIVE');
    assert.equal(feed[2]!.component.getFirstPropertyValue('url'), 'https://nexum.example.org/x');
  });
});
