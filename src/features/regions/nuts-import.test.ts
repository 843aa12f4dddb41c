import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Database, openDatabase } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { AppError } from '../../server/http/errors.ts';
import { importNuts, parseNutsCsv } from './nuts-import.ts';

// The columns of the real NUTS_2021.csv, in its order, with an extra one the parser must ignore.
const HEADER = 'NUTS_ID,LEVL_CODE,CNTR_CODE,NAME_LATN,NUTS_NAME,MOUNT_TYPE';
const csv = (rows: string[], eol = '\n') => [HEADER, ...rows].join(eol) + eol;

const SMALL = csv([
  // Children before parents, on purpose: the parser must sort them.
  'ITC4,2,IT,Lombardia,Lombardia,0',
  'ITC46,3,IT,Bergamo,Bergamo,0',
  'ITC,1,IT,Nord-Ovest,Nord-Ovest,0',
  'IT,0,IT,Italia,Italia,0',
  'BE1,1,BE,"Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest","Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest",0',
  'BE10,2,BE,"Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest","Région de Bruxelles-Capitale, ""Brussel""",0',
  'BE,0,BE,Belgique/België,Belgique/België,0',
  'EL,0,EL,Elláda,Ελλάδα,0',
]);

describe('parseNutsCsv', () => {
  test('reads quoted fields with commas and doubled quotes', () => {
    const rows = parseNutsCsv(SMALL);
    const be10 = rows.find((r) => r.code === 'BE10');
    assert.equal(be10?.name, 'Région de Bruxelles-Capitale, "Brussel"');
    assert.equal(be10?.name_latn, 'Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest');
    assert.equal(be10?.country_code, 'BE');
  });

  test('keeps the national name and the Latin-script one apart', () => {
    const el = parseNutsCsv(SMALL).find((r) => r.code === 'EL');
    assert.equal(el?.name, 'Ελλάδα');
    assert.equal(el?.name_latn, 'Elláda');
  });

  test('skips level-3 rows', () => {
    const rows = parseNutsCsv(SMALL);
    assert.ok(!rows.some((r) => r.code === 'ITC46'));
    assert.ok(rows.every((r) => r.level <= 2));
    assert.equal(rows.length, 7);
  });

  test('derives level and parent from the code', () => {
    const rows = Object.fromEntries(parseNutsCsv(SMALL).map((r) => [r.code, r]));
    assert.deepEqual(
      ['IT', 'ITC', 'ITC4'].map((c) => [rows[c]?.level, rows[c]?.parent_code]),
      [
        [0, null],
        [1, 'IT'],
        [2, 'ITC'],
      ],
    );
  });

  test('puts parents before children', () => {
    const rows = parseNutsCsv(SMALL);
    const position = new Map(rows.map((r, i) => [r.code, i]));
    for (const r of rows) {
      if (r.parent_code)
        assert.ok(position.get(r.parent_code)! < position.get(r.code)!, `${r.parent_code} before ${r.code}`);
    }
  });

  test('a byte-order mark and CRLF line ends read the same as plain LF', () => {
    const crlf = `\uFEFF${SMALL.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(parseNutsCsv(crlf), parseNutsCsv(SMALL));
    // Without the BOM being removed the first column would be "\uFEFFNUTS_ID" and be missing.
    assert.equal(parseNutsCsv(crlf)[0]?.code, 'BE');
  });

  test('a missing column is a clear error naming it', () => {
    const text = 'NUTS_ID,CNTR_CODE,NAME_LATN\nIT,IT,Italia\n';
    assert.throws(
      () => parseNutsCsv(text),
      (e: unknown) => e instanceof AppError && /NUTS_NAME/.test(e.message) && !/NUTS_ID/.test(e.message),
    );
  });

  test('an empty file is an error', () => {
    assert.throws(() => parseNutsCsv(''), AppError);
  });

  test('a malformed code names its row', () => {
    const text = csv(['IT,0,IT,Italia,Italia,0', 'it-c,1,IT,Nord,Nord,0']);
    assert.throws(
      () => parseNutsCsv(text),
      (e: unknown) => e instanceof Error && /Row 3/.test(e.message) && /it-c/.test(e.message),
    );
  });
});

describe('importNuts', () => {
  let database: Database;
  before(async () => {
    database = await openDatabase({ kind: 'pglite', dir: null });
    await migrate(database);
  });
  after(() => database.close());

  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('regions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('loads the rows, and loading them again changes nothing', async () => {
    assert.deepEqual(await importNuts(database.db, SMALL), { regions: 7 });
    assert.equal(await count(), 7);
    assert.deepEqual(await importNuts(database.db, SMALL), { regions: 7 });
    assert.equal(await count(), 7);
    const itc4 = await database.db
      .selectFrom('regions')
      .selectAll()
      .where('code', '=', 'ITC4')
      .executeTakeFirstOrThrow();
    assert.deepEqual(itc4, {
      code: 'ITC4',
      name: 'Lombardia',
      name_latn: 'Lombardia',
      level: 2,
      parent_code: 'ITC',
      country_code: 'IT',
    });
  });

  test('a renamed region is updated in place', async () => {
    const renamed = SMALL.replace(
      'ITC4,2,IT,Lombardia,Lombardia,0',
      'ITC4,2,IT,Lombardy,Lombardia (renamed),0',
    );
    await importNuts(database.db, renamed);
    assert.equal(await count(), 7);
    const itc4 = await database.db
      .selectFrom('regions')
      .selectAll()
      .where('code', '=', 'ITC4')
      .executeTakeFirstOrThrow();
    assert.equal(itc4.name, 'Lombardia (renamed)');
    assert.equal(itc4.name_latn, 'Lombardy');
  });

  test('new codes are added beside the known ones', async () => {
    await importNuts(
      database.db,
      csv(['IT,0,IT,Italia,Italia,0', 'ITC,1,IT,Nord-Ovest,Nord-Ovest,0', 'ITC1,2,IT,Piemonte,Piemonte,0']),
    );
    assert.equal(await count(), 8);
  });

  test('a bad file changes nothing', async () => {
    const bad = csv(['FR,0,FR,France,France,0', 'fr1,1,FR,Ile,Ile,0']);
    await assert.rejects(() => importNuts(database.db, bad));
    assert.equal(await count(), 8);
  });
});
