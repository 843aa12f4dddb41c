import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { CsvStreamParser, detectDelimiter } from './csv-stream.ts';
import { JsonStreamParser } from './json-stream.ts';
import { ImportFileError, openRecords } from './source.ts';

/** Feeds `text` in pieces of `size` characters and collects the records. */
function csv(text: string, size: number, max?: number) {
  const p = new CsvStreamParser(max);
  const out: [string[], number][] = [];
  const emit = (r: string[], row: number) => out.push([r, row]);
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size), emit);
  p.end(emit);
  return out;
}

function json(text: string, size: number) {
  const p = new JsonStreamParser();
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size), (o) => out.push(o));
  p.end();
  return out;
}

const SIZES = [1, 2, 3, 5, 7, 64, 100_000];

describe('streaming CSV parser', () => {
  const text =
    '\ufeffname,description,city\r\n' +
    '"Acme, Inc.","He said ""hi""\r\nand left",Milano\r\n' +
    'Plain,"",\n' +
    '\r\n' +
    '"Quote ""at end""","multi\nline\nfield","x"\r' +
    'Last,no newline,end';
  const expected = [
    ['name', 'description', 'city'],
    ['Acme, Inc.', 'He said "hi"\r\nand left', 'Milano'],
    ['Plain', '', ''],
    [''],
    ['Quote "at end"', 'multi\nline\nfield', 'x'],
    ['Last', 'no newline', 'end'],
  ];

  test('gives the same records whatever the chunk boundaries (inside quotes, between CR and LF)', () => {
    for (const size of SIZES) {
      assert.deepEqual(
        csv(text, size).map(([r]) => r),
        expected,
        `chunks of ${size}`,
      );
    }
  });

  test('drops the byte-order mark only at the start and numbers rows as a spreadsheet does', () => {
    const rows = csv(text, 3);
    assert.equal(rows[0]![0][0], 'name');
    assert.deepEqual(
      rows.map(([, n]) => n),
      [1, 2, 3, 4, 5, 6],
    );
  });

  test('keeps a stray quote inside an unquoted field as text', () => {
    assert.deepEqual(csv('a,5" disk,b\n', 2)[0]![0], ['a', '5" disk', 'b']);
  });

  test('refuses an unclosed quote at the end, and a record longer than the limit', () => {
    assert.throws(() => csv('a,b\n"never closed,x\n', 4), /Row 2 opens a quoted field that is never closed/);
    assert.throws(() => csv(`a\n"${'x'.repeat(500)}`, 50, 100), /Row 2 is longer than 100 characters/);
  });

  test('semicolon-separated files (European spreadsheets) are recognised by their header', () => {
    assert.equal(detectDelimiter('name;type;keywords\r\nA;b;"x,y"'), ';');
    assert.equal(detectDelimiter('name,type,"a;b;c"\n'), ',');
    assert.equal(detectDelimiter('"name;x",type\n'), ',');
    const p = new CsvStreamParser(1000, ';');
    const out: string[][] = [];
    p.push('name;keywords\r\nAcme;"robots;AI"\r\n', (r) => out.push(r));
    assert.deepEqual(out, [
      ['name', 'keywords'],
      ['Acme', 'robots;AI'],
    ]);
  });

  test('a doubled quote split across chunks stays one quote', () => {
    assert.deepEqual(csv('"a""b"\n', 3)[0]![0], ['a"b']);
    assert.deepEqual(csv('"a"', 2)[0]![0], ['a']);
  });
});

describe('streaming JSON parser', () => {
  const array = '[ {"name": "A \\"quoted\\" {brace}", "list": [1, {"x": "]"}]},\n {"name": "B"} ]';
  const lines = '{"name":"A","n":1}\n{"name":"B\\\\","n":2}\r\n\n{"name":"C}"}\n';

  test('reads an array of objects and NDJSON in any chunking', () => {
    for (const size of SIZES) {
      assert.deepEqual(json(array, size), [
        { name: 'A "quoted" {brace}', list: [1, { x: ']' }] },
        { name: 'B' },
      ]);
      assert.deepEqual(
        json(lines, size).map((o) => o.name),
        ['A', 'B\\', 'C}'],
      );
    }
  });

  test('an empty array is no records; bad structure is refused with the object number', () => {
    assert.deepEqual(json('[ ]', 1), []);
    assert.throws(() => json('[{"a":1} {"a":2}]', 3), /Expected "," or "\]" after object 1/);
    assert.throws(() => json('[{"a":1}, 5]', 3), /Element 2 of the array is not an object/);
    assert.throws(() => json('[{"a":1}', 3), /not closed/);
    assert.throws(() => json('{"a":1}\n{"a":', 3), /ends inside object 2/);
    assert.throws(() => json('{"a":1}\n{a:2}\n', 3), /Object 2 is not valid JSON/);
    assert.throws(() => json('"text"', 3), /array of objects or one object per line/);
    assert.throws(() => json('[{"a":1}] x', 3), /text after the closing/);
  });
});

describe('reading files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexum-parsers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const all = async (path: string) => {
    const s = await openRecords(path);
    const out = [];
    for await (const r of s.records) out.push(r);
    return { format: s.format, columns: s.columns, records: out };
  };

  test('CSV: header, values by column, blank lines skipped, short rows flagged', async () => {
    const r = await all(file('a.csv', 'name,type\nA,company\n\nB\n'));
    assert.equal(r.format, 'csv');
    assert.deepEqual(r.columns, ['name', 'type']);
    assert.deepEqual(r.records, [
      { row: 2, values: { name: 'A', type: 'company' } },
      { row: 4, values: { name: 'B', type: '' }, fieldCount: 1 },
    ]);
  });

  test('a semicolon-separated file is read by column', async () => {
    const r = await all(file('semi.csv', '\ufeffname;type;city\r\nAcme, Inc.;company;Milano\r\n'));
    assert.deepEqual(r.records, [
      { row: 2, values: { name: 'Acme, Inc.', type: 'company', city: 'Milano' } },
    ]);
  });

  test('gzip-compressed files are read the same way', async () => {
    const r = await all(file('a.csv.gz', gzipSync('name,type\nÜ,company\n')));
    assert.deepEqual(r.records, [{ row: 2, values: { name: 'Ü', type: 'company' } }]);
  });

  test('JSON arrays and NDJSON give objects numbered from 1', async () => {
    const r = await all(file('a.json', '[{"name":"A","type":"company"}]'));
    assert.equal(r.format, 'json');
    assert.deepEqual(r.columns, ['name', 'type']);
    assert.deepEqual(r.records, [{ row: 1, values: { name: 'A', type: 'company' } }]);
    const n = await all(file('a.ndjson', '{"name":"A"}\n{"name":"B"}\n'));
    assert.deepEqual(
      n.records.map((x) => x.row),
      [1, 2],
    );
  });

  test('invalid UTF-8 is refused, naming the line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('name,type\nok,company\nM'),
      Buffer.from([0xfc]),
      Buffer.from('nster,company\n'),
    ]);
    await assert.rejects(all(file('latin1.csv', latin1)), (e: Error) => {
      assert.ok(e instanceof ImportFileError);
      assert.match(e.message, /not valid UTF-8 \(line 3, byte 23\)/);
      return true;
    });
  });

  test('a NUL byte (a binary file) is refused', async () => {
    await assert.rejects(all(file('bin.csv', Buffer.from([0x6e, 0x2c, 0x00, 0x0a]))), /NUL character/);
  });

  test('a damaged gzip file is refused', async () => {
    const gz = gzipSync('name,type\n'.repeat(1000));
    await assert.rejects(all(file('bad.csv.gz', gz.subarray(0, gz.length / 2))), /damaged or incomplete/);
  });
});
