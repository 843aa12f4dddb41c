import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KeyIndex } from './key-index.ts';
import { websiteKey } from './keys.ts';
import { parseMapArgument, resolveMapping, suggestMapping } from './mapping.ts';
import { fixMojibake } from './mojibake.ts';
import { ImportFileError } from './source.ts';
import { type ReferenceData, unescapeFormula, validateRecord } from './validate.ts';

const ref: ReferenceData = {
  regions: new Set(['IT', 'ITC', 'ITC4', 'DE21', 'EL30', 'UKI3']),
  nace: new Set(['C', '10', '10.1', '10.11', '62.10']),
};

/** Validates one CSV-like record with every column mapped to itself. */
function check(values: Record<string, unknown>, csv = true) {
  const mapping = resolveMapping(Object.keys(values), {});
  return validateRecord({ row: 7, values }, mapping, ref, { csv });
}
const base = { name: 'Acme', type: 'company' };
const problems = (values: Record<string, unknown>, csv = true) => {
  const r = check({ ...base, ...values }, csv);
  return r.ok ? [] : r.problems.map((p) => `${p.row}:${p.field}:${p.code}`);
};
const value = (values: Record<string, unknown>, csv = true) => {
  const r = check({ ...base, ...values }, csv);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.values;
};

describe('row validation', () => {
  test('a full valid row becomes database values, with the country taken from the region', () => {
    const v = value({
      external_id: ' ext-1 ',
      pic: '999999999',
      acronym: 'ACME',
      type: 'Research centre',
      website: 'www.acme.example.org',
      email: 'info@acme.example.org',
      region: 'itc4',
      founded_year: '1999',
      size_band: 'Small',
      nace_codes: '10.11; 6210;C',
      ecosystems: 'Digital;health',
      keywords: 'a; b;a;',
      esca_label: 'GOLD',
      esca_year: '2020',
      participations: '12',
    });
    assert.deepEqual(v, {
      name: 'Acme',
      type: 'research_centre',
      external_id: 'ext-1',
      pic: '999999999',
      acronym: 'ACME',
      website: 'https://www.acme.example.org',
      email: 'info@acme.example.org',
      region_code: 'ITC4',
      country_code: 'IT',
      founded_year: 1999,
      size_band: 'small',
      nace_codes: ['10.11', '62.10', 'C'],
      ecosystems: ['digital', 'health'],
      keywords: ['a', 'b'],
      esca_label: 'gold',
      esca_year: 2020,
      participations: 12,
    });
  });

  test('empty cells of present columns clear values, except keys; absent columns are left alone', () => {
    const v = value({
      website: '',
      keywords: '',
      founded_year: '',
      description: '',
      pic: '',
      external_id: '',
    });
    assert.deepEqual(v, {
      name: 'Acme',
      type: 'company',
      website: null,
      keywords: [],
      founded_year: null,
      description: '',
    });
    assert.ok(!('city' in v));
  });

  test('JSON values: arrays for lists, numbers for numbers', () => {
    const v = value({ keywords: ['x', ' y '], founded_year: 2001, nace_codes: ['10.1'] }, false);
    assert.deepEqual([v.keywords, v.founded_year, v.nace_codes], [['x', 'y'], 2001, ['10.1']]);
    assert.deepEqual(problems({ city: { a: 1 } }, false), ['7:city:invalid']);
  });

  test('the spreadsheet formula escape is removed in CSV only', () => {
    assert.equal(unescapeFormula("'=SUM(A1)"), '=SUM(A1)');
    assert.equal(unescapeFormula("'hello"), "'hello");
    assert.equal(value({ description: "'=1+1" }).description, '=1+1');
    assert.equal(value({ description: "'=1+1" }, false).description, "'=1+1");
    assert.equal(value({ city: "'-Bari" }).city, '-Bari');
  });

  test('each bad field is reported with its row, field and code, all at once', () => {
    assert.deepEqual(
      problems({
        name: '',
        type: 'spaceship',
        region: 'ZZ99',
        nace_codes: '10.11;99.99',
        ecosystems: 'space',
        size_band: 'huge',
        esca_label: 'platinum',
        email: 'not-an-email',
        website: 'javascript:alert(1)',
        pic: '12345',
        founded_year: '999',
        esca_year: 'soon',
      }),
      [
        '7:name:required',
        '7:type:unknown_value',
        '7:region:unknown_nuts',
        '7:nace_codes:unknown_nace',
        '7:ecosystems:unknown_value',
        '7:size_band:unknown_value',
        '7:esca_label:unknown_value',
        '7:email:invalid',
        '7:website:invalid',
        '7:pic:invalid',
        '7:founded_year:invalid',
        '7:esca_year:invalid',
      ],
    );
  });

  test('limits match the profile form', () => {
    assert.deepEqual(problems({ name: 'x'.repeat(301) }), ['7:name:too_long']);
    assert.deepEqual(problems({ acronym: 'x'.repeat(41) }), ['7:acronym:too_long']);
    assert.deepEqual(problems({ keywords: Array.from({ length: 31 }, (_, i) => `k${i}`).join(';') }), [
      '7:keywords:too_long',
    ]);
    assert.deepEqual(problems({ keywords: 'x'.repeat(81) }), ['7:keywords:too_long']);
  });

  test('regions: NUTS 3 stands for its NUTS 2 region; a country code or a contradicting country fails', () => {
    assert.equal(value({ region: 'ITC4C' }).region_code, 'ITC4');
    assert.deepEqual(problems({ region: 'IT' }), ['7:region:unknown_nuts']);
    assert.deepEqual(problems({ region: 'ITC4', country: 'DE' }), ['7:region:region_country']);
    assert.deepEqual(value({ region: 'EL30', country: 'GR' }).country_code, 'EL');
    assert.deepEqual(value({ country: 'gb' }).country_code, 'UK');
  });

  test('a row with a different number of fields than the header fails as a whole', () => {
    const mapping = resolveMapping(['name', 'type'], {});
    const r = validateRecord({ row: 3, values: { name: 'A', type: '' }, fieldCount: 1 }, mapping, ref, {
      csv: true,
    });
    assert.ok(!r.ok);
    assert.equal(r.problems[0]!.code, 'field_count');
  });

  test('keys: external id, PIC and the normalised website', () => {
    const r = check({
      ...base,
      external_id: 'e',
      pic: '123456789',
      website: 'HTTP://WWW.Acme.Example.ORG/About/',
    });
    assert.ok(r.ok);
    assert.deepEqual(r.value.keys, {
      externalId: 'e',
      pic: '123456789',
      website: 'www.acme.example.org/About',
      name: null,
    });
    const plain = check({ name: '  Università  di Bergamo', type: 'university', region: 'ITC4' });
    assert.ok(plain.ok);
    assert.equal(
      plain.value.keys.name,
      'universita di bergamo|IT',
      'only without other keys: the name and country',
    );
  });
});

describe('column mapping', () => {
  test('suggests targets from names and common aliases, each target once', () => {
    assert.deepEqual(
      suggestMapping(['Name', 'Organisation', 'Web site', 'NUTS code', 'E-mail', 'Notes', 'Type']),
      {
        Name: 'name',
        Organisation: '',
        'Web site': 'website',
        'NUTS code': 'region',
        'E-mail': 'email',
        Notes: '',
        Type: 'type',
      },
    );
  });

  test('explicit mappings win; unknown targets, double targets and missing required columns refuse the file', () => {
    const r = resolveMapping(['Company', 'Kind', 'Notes'], { Company: 'name', Kind: 'type' });
    assert.deepEqual(
      [...r.targets],
      [
        ['Company', 'name'],
        ['Kind', 'type'],
      ],
    );
    assert.deepEqual(r.ignored, ['Notes']);
    assert.throws(() => resolveMapping(['a', 'type'], { a: 'nom' }), /not a column of the exchange format/);
    assert.throws(
      () => resolveMapping(['a', 'b', 'type'], { a: 'name', b: 'name' }),
      /both mapped to "name"/,
    );
    assert.throws(
      () => resolveMapping(['name', 'kind'], {}),
      (e: Error) => {
        assert.ok(e instanceof ImportFileError);
        assert.match(e.message, /no "type" column/);
        return true;
      },
    );
    assert.throws(() => resolveMapping(['name', 'type'], { Nope: 'city' }), /does not have: "Nope"/);
  });

  test('--map parses source=target pairs; an empty target ignores the column', () => {
    assert.deepEqual(parseMapArgument('Company name=name, Web=website,Notes=,X=-'), {
      'Company name': 'name',
      Web: 'website',
      Notes: '',
      X: '',
    });
    assert.throws(() => parseMapArgument('oops'), /source=target/);
  });
});

describe('names repaired from mojibake', () => {
  test('UTF-8 read as Mac Roman or Windows-1252 is repaired', () => {
    for (const [broken, fixed] of [
      ['M√ºnster', 'Münster'],
      ['Bernhard J√∂ckel', 'Bernhard Jöckel'],
      ['52¬∞North', '52°North'],
      ['Hasiƒçsk√Ω z√°chrann√Ω sbor', 'Hasičský záchranný sbor'],
      ['MÃ¼nster', 'Münster'],
      ['Universit√© Paris', 'Université Paris'],
    ]) {
      assert.equal(fixMojibake(broken!), fixed);
    }
  });

  test('correct text is left alone', () => {
    for (const ok of [
      'Münster',
      'Università di Bergamo',
      'Łódź',
      'Ørsted',
      'São Paulo',
      'Ça va',
      'ASCII only',
      '√2',
    ]) {
      assert.equal(fixMojibake(ok), ok);
    }
  });
});

describe('keys', () => {
  test('websites match across scheme, host case and trailing slash, not path case', () => {
    assert.equal(websiteKey('HTTPS://WWW.Polimi.IT/'), 'www.polimi.it');
    assert.equal(websiteKey('http://www.polimi.it'), 'www.polimi.it');
    assert.equal(websiteKey('www.polimi.it//'), 'www.polimi.it');
    assert.equal(websiteKey('https://x.org/A/B/'), 'x.org/A/B');
    assert.equal(websiteKey('https://'), null);
    assert.equal(websiteKey(null), null);
  });

  test('the key index finds what was set, keeps the first row and grows', () => {
    const k = new KeyIndex(4);
    for (let i = 1; i <= 50_000; i++) k.set(`key-${i}`, i + 1);
    k.set('key-7', 999);
    assert.equal(k.size, 50_000);
    assert.equal(k.get('key-7'), 8);
    assert.equal(k.get('key-50000'), 50_001);
    assert.equal(k.get('key-50001'), undefined);
    assert.equal(k.get(''), undefined);
  });
});
