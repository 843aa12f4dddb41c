import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { figureText, indicatorLabel, isWithin, mapLevel, risGroupLabel, unitLabel } from './indicatorText.ts';

const gerd = { id: 'gerd_pc_gdp', label: 'R&D intensity (GERD)', unit: 'pc_gdp', decimals: 2 };

describe('indicator figures in the reader’s language', () => {
  test('labels and units come from the catalogue; imported ones keep the API’s words', () => {
    assert.equal(indicatorLabel('it', gerd), 'Intensità di R&S (GERD)');
    assert.equal(indicatorLabel('it', { id: 'my_import', label: 'my import' }), 'my import');
    assert.equal(unitLabel('en', 'pc_gdp'), '% of GDP');
    assert.equal(unitLabel('it', 'pc_gdp'), '% del PIL');
    assert.equal(unitLabel('it', 'tonnes'), 'tonnes');
  });

  test('a figure keeps its decimals and its unit', () => {
    assert.equal(figureText('en', gerd, 1.34), '1.34 % of GDP');
    assert.equal(figureText('it', gerd, 1.3), '1,30 % del PIL');
    const pop = { id: 'population', label: 'Population', unit: 'persons', decimals: 0 };
    assert.equal(figureText('en', pop, 10036258), '10,036,258 persons');
  });

  test('scoreboard groups are translated, their sign kept', () => {
    assert.equal(risGroupLabel('it', 'Strong Innovator -'), 'Innovatore forte -');
    assert.equal(risGroupLabel('it', 'Innovation Leader'), "Leader dell'innovazione");
    assert.equal(risGroupLabel('en', 'Emerging Innovator +'), 'Emerging Innovator +');
    assert.equal(risGroupLabel('it', 'Something else'), 'Something else');
  });
});

describe('which areas of the map are the region', () => {
  test('countries are compared with countries, every other level on the NUTS 2 map', () => {
    assert.equal(mapLevel(0), 0);
    assert.equal(mapLevel(1), 2);
    assert.equal(mapLevel(2), 2);
  });

  test('a NUTS 1 region is its NUTS 2 regions; a NUTS 2 region is itself', () => {
    assert.ok(isWithin('ITC', 1, 'ITC4'));
    assert.ok(!isWithin('ITC', 1, 'ITH1'));
    assert.ok(isWithin('ITC4', 2, 'ITC4'));
    assert.ok(!isWithin('ITC4', 2, 'ITC3'));
    assert.ok(isWithin('IT', 0, 'IT'));
    assert.ok(isWithin('ITC4C', 3, 'ITC4'));
  });
});
