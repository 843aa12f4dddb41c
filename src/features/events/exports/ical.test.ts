import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { escapeText, foldLine, formatUtc, type IcalCalendar, writeCalendar } from './ical.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Every physical line: at most 75 octets and valid UTF-8 on its own. */
function assertFolded(folded: string) {
  for (const physical of folded.split('\r\n')) {
    assert.ok(octets(physical) <= 75, `${octets(physical)} octets: ${physical}`);
    assert.doesNotThrow(() => strictUtf8.decode(Buffer.from(physical, 'utf8')));
  }
}

describe('iCalendar text escaping', () => {
  test('escapes backslash, semicolon and comma, and writes line breaks as \\n', () => {
    assert.equal(escapeText('a\\b;c,d'), 'a\\\\b\\;c\\,d');
    assert.equal(escapeText('one\ntwo\r\nthree\rfour'), 'one\\ntwo\\nthree\\nfour');
    assert.equal(escapeText('C:\\temp; x, y\n'), 'C:\\\\temp\\; x\\, y\\n');
  });

  test('drops control characters TEXT may not hold, keeps tabs and colons', () => {
    assert.equal(escapeText('a\u0000b\u0007c\u001Fd\u007Fe'), 'abcde');
    assert.equal(escapeText('time: 09:00\tRoom'), 'time: 09:00\tRoom');
  });
});

describe('iCalendar line folding', () => {
  test('a line of 75 octets is left alone; 76 octets fold', () => {
    const line75 = `SUMMARY:${'x'.repeat(67)}`;
    assert.equal(octets(line75), 75);
    assert.equal(foldLine(line75), line75);
    const line76 = `${line75}y`;
    const folded = foldLine(line76);
    assert.equal(folded, `${line75}\r\n y`);
  });

  test('long ASCII lines fold at 75 octets with a leading space and unfold to the original', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(40)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    assert.ok(physical.length > 5);
    assert.equal(octets(physical[0]!), 75);
    for (const p of physical.slice(1)) assert.ok(p.startsWith(' '));
    for (const p of physical.slice(1, -1)) assert.equal(octets(p), 75);
    assertFolded(folded);
    assert.equal(unfold(folded), line);
  });

  test('never splits a multi-byte UTF-8 character', () => {
    // With 2-, 3- and 4-octet characters at every offset, some fold point falls inside a character.
    for (const ch of ['è', '€', '😀', 'ñ€😀a']) {
      for (let prefix = 0; prefix < 4; prefix++) {
        const line = `SUMMARY:${'p'.repeat(prefix)}${ch.repeat(60)}`;
        const folded = foldLine(line);
        assertFolded(folded);
        assert.equal(unfold(folded), line, `${ch} with ${prefix}`);
        // A continuation line is full unless the next character did not fit.
        for (const p of folded.split('\r\n').slice(0, -1)) assert.ok(octets(p) > 75 - 4);
      }
    }
  });
});

describe('iCalendar writer', () => {
  const calendar: IcalCalendar = {
    prodId: '-//Nexum//Test//EN',
    name: 'Clusters meet Regions — Milano, città',
    timeZone: 'Europe/Rome',
    refreshInterval: 'PT1H',
    events: [
      {
        uid: '4a8d3c0e-1111-4222-8333-944455556666@nexum.example.org',
        start: '2024-03-26T08:30:00.000Z',
        end: '2024-03-26T09:15:00.000Z',
        summary: 'Panel: AI; manufacturing, and you',
        description: `Line one\nModerator: Antonio Novo (European Clusters Alliance)\nBackslash \\ end — ${'lungo testo '.repeat(20)}`,
        location: 'Sala Biagi, Palazzo Lombardia, Piazza Città di Lombardia 1, Milano',
        url: 'https://nexum.example.org/events/milan/agenda#session-4a8d',
        categories: ['Panel', 'AI, robotics'],
        sequence: 3,
        status: 'CONFIRMED',
        stamp: '2024-03-20T10:00:00.000Z',
      },
      {
        uid: 'second@nexum.example.org',
        start: '2024-03-27T16:00:00.000Z',
        end: '2024-03-27T17:00:00.000Z',
        summary: 'Site visit 😀',
        sequence: 3,
        status: 'CANCELLED',
        stamp: '2024-03-20T10:00:00.000Z',
      },
    ],
  };
  const text = writeCalendar(calendar);

  test('uses CRLF line ends only, ends with CRLF, and folds every line', () => {
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.equal(/(?<!\r)\n/.test(text), false, 'a bare LF');
    assert.equal(/\r(?!\n)/.test(text), false, 'a bare CR');
    assertFolded(text);
    const lines = unfold(text).split('\r\n');
    for (const required of [
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-TIMEZONE:Europe/Rome',
    ]) {
      assert.ok(lines.includes(required), required);
    }
    assert.ok(lines.includes('DTSTART:20240326T083000Z'));
    assert.ok(lines.includes('SEQUENCE:3'));
    assert.ok(lines.includes('CATEGORIES:Panel,AI\\, robotics'));
  });

  test('formats instants in UTC', () => {
    assert.equal(formatUtc('2024-03-26T09:30:00+01:00'), '20240326T083000Z');
    assert.throws(() => formatUtc('not a date'));
  });

  test('ical.js (an independent parser) reads back events, times and text', () => {
    // X-WR-CALNAME is TEXT for the apps that read it (Apple, Google, Thunderbird); ical.js leaves unknown
    // X- properties raw unless told their type.
    ICAL.design.defaultSet.property['x-wr-calname'] = { defaultType: 'text' };
    const root = new ICAL.Component(ICAL.parse(text));
    assert.equal(root.getFirstPropertyValue('version'), '2.0');
    assert.equal(root.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(root.getFirstPropertyValue('prodid'), calendar.prodId);
    assert.equal(root.getFirstPropertyValue('x-wr-calname'), calendar.name);
    const vevents = root.getAllSubcomponents('vevent');
    assert.equal(vevents.length, 2);
    const [first, second] = vevents.map((v) => new ICAL.Event(v));
    const src = calendar.events[0]!;
    assert.equal(first!.uid, src.uid);
    assert.equal(first!.summary, src.summary);
    assert.equal(first!.description, src.description);
    assert.equal(first!.location, src.location);
    assert.equal(first!.startDate.toJSDate().toISOString(), src.start);
    assert.equal(first!.endDate.toJSDate().toISOString(), src.end);
    assert.equal(first!.startDate.zone?.tzid, 'UTC');
    assert.equal(first!.sequence, 3);
    assert.equal(vevents[0]!.getFirstPropertyValue('url'), src.url);
    assert.deepEqual(vevents[0]!.getFirstProperty('categories')?.getValues(), ['Panel', 'AI, robotics']);
    assert.equal(vevents[0]!.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(second!.summary, 'Site visit 😀');
    assert.equal(vevents[1]!.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(
      vevents[1]!.getFirstPropertyValue('dtstamp')?.toString(),
      ICAL.Time.fromJSDate(new Date('2024-03-20T10:00:00Z'), true).toString(),
    );
  });
});
