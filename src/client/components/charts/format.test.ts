import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatShare, formatTick, formatValue, formatWithUnit, ordinal, stepDecimals } from './format.ts';

// Intl may put a narrow no-break space between a number and a percent sign or a unit.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('number formatting per locale', () => {
  test('figures keep their decimals, with the locale’s separators', () => {
    assert.equal(formatValue('en', 1.34, 2), '1.34');
    assert.equal(formatValue('it', 1.34, 2), '1,34');
    assert.equal(formatValue('en', 1.3, 2), '1.30');
    assert.equal(formatValue('en', 93.711, 1), '93.7');
    assert.equal(formatValue('en', 10_036_258, 0), '10,036,258');
    assert.equal(plain(formatValue('it', 10_036_258, 0)), '10.036.258');
  });

  test('a unit label follows the figure', () => {
    assert.equal(formatWithUnit('en', 1.34, 2, '% of GDP'), '1.34 % of GDP');
    assert.equal(formatWithUnit('it', 1.34, 2, '% del PIL'), '1,34 % del PIL');
    assert.equal(formatWithUnit('en', 134, 0), '134');
  });

  test('axis ticks take the decimals of their step, and large numbers are compact', () => {
    assert.equal(stepDecimals(0.2), 1);
    assert.equal(stepDecimals(0.05), 2);
    assert.equal(stepDecimals(5), 0);
    assert.equal(formatTick('en', 1.2, 0.2), '1.2');
    assert.equal(formatTick('it', 1.2, 0.2), '1,2');
    assert.equal(formatTick('en', 400_000, 50_000), '400k');
    assert.match(plain(formatTick('it', 10_000_000, 100_000)), /^10 Mln$/);
  });

  test('ranks are ordinals', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 11, 12, 13, 21, 22, 82, 94, 101, 111].map((n) => ordinal('en', n)),
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '82nd', '94th', '101st', '111th'],
    );
    assert.equal(ordinal('it', 94), '94°');
    assert.equal(ordinal('en', 1234), '1,234th');
  });

  test('shares are whole percentages', () => {
    assert.equal(formatShare('en', 1, 3), '33%');
    assert.equal(formatShare('it', 2, 3), '67%');
    assert.equal(formatShare('en', 1, 0), '');
  });
});
