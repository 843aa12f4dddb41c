import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  classOf,
  classThresholds,
  legendSteps,
  linearScale,
  linePath,
  niceStep,
  niceTicks,
  paletteFor,
  quantile,
  SEQUENTIAL,
  yearSpan,
  yearTicks,
} from './scales.ts';

describe('linear scales and axis ticks', () => {
  test('maps a domain onto a range, inverted ranges included (SVG y grows downwards)', () => {
    const y = linearScale([0, 2], [200, 0]);
    assert.equal(y(0), 200);
    assert.equal(y(1), 100);
    assert.equal(y(2), 0);
    assert.equal(linearScale([5, 5], [0, 10])(5), 5, 'a flat domain maps to the middle');
  });

  test('steps are 1, 2 or 5 times a power of ten', () => {
    assert.equal(niceStep(10, 5), 2);
    assert.equal(niceStep(1.1, 5), 0.2);
    assert.equal(niceStep(300, 4), 100);
    assert.equal(niceStep(0.03, 3), 0.01);
  });

  test('ticks cover the data with round numbers and no float noise', () => {
    assert.deepEqual(niceTicks(1.2, 2.32, 4), [1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4]);
    assert.deepEqual(niceTicks(124, 140, 4), [120, 125, 130, 135, 140]);
    assert.deepEqual(niceTicks(0.1, 0.3, 2), [0.1, 0.2, 0.3]);
    const pop = niceTicks(9_663_872, 10_036_258, 4);
    assert.ok(pop[0]! <= 9_663_872 && pop[pop.length - 1]! >= 10_036_258);
  });

  test('a single value gets a span around it', () => {
    const ticks = niceTicks(90.7, 90.7, 4);
    assert.ok(ticks[0]! < 90.7 && ticks[ticks.length - 1]! > 90.7, ticks.join());
    assert.deepEqual(niceTicks(Number.NaN, 1), []);
  });
});

describe('choropleth classes', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  test('quantiles are values of the data', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 3);
    assert.equal(quantile([1, 2, 3, 4], 1), 4);
    assert.equal(quantile([7], 0.3), 7);
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });

  test('quantile thresholds give classes of about the same size', () => {
    const { thresholds, steps } = legendSteps(values, 5, 'quantile');
    assert.equal(thresholds.length, 4);
    assert.deepEqual(
      steps.map((s) => s.count),
      [2, 2, 2, 2, 2],
    );
    assert.equal(steps[0]!.from, 1);
    assert.equal(steps[4]!.to, 10);
    assert.deepEqual(
      steps.map((s) => s.colour),
      [...SEQUENTIAL],
    );
  });

  test('equal steps cut the range evenly, whatever the spread', () => {
    assert.deepEqual(classThresholds([0, 1, 2, 100], 4, 'equal'), [25, 50, 75]);
    const { steps } = legendSteps([0, 1, 2, 100], 4, 'equal');
    assert.deepEqual(
      steps.map((s) => s.count),
      [3, 0, 0, 1],
    );
  });

  test('few distinct values give fewer classes, never empty quantile classes', () => {
    assert.deepEqual(classThresholds([1, 1, 1, 1, 2], 5, 'quantile'), [2]);
    assert.deepEqual(classThresholds([3, 3, 3], 5, 'quantile'), []);
    const { steps } = legendSteps([3, 3, 3], 5, 'quantile');
    assert.equal(steps.length, 1);
    assert.equal(steps[0]!.count, 3);
    assert.deepEqual(legendSteps([], 5, 'quantile'), { thresholds: [], steps: [] });
  });

  test('a value on a threshold belongs to the class above it', () => {
    assert.equal(classOf(0, [1, 2]), 0);
    assert.equal(classOf(1, [1, 2]), 1);
    assert.equal(classOf(1.5, [1, 2]), 1);
    assert.equal(classOf(9, [1, 2]), 2);
  });

  test('fewer classes spread over the palette, light to dark', () => {
    assert.deepEqual(paletteFor(3), [SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4]]);
    assert.deepEqual(paletteFor(2), [SEQUENTIAL[0], SEQUENTIAL[4]]);
    assert.deepEqual(paletteFor(1), [SEQUENTIAL[2]]);
    assert.deepEqual(paletteFor(0), []);
  });
});

describe('lines and years', () => {
  test('a missing point breaks the line', () => {
    assert.equal(
      linePath([{ x: 0, y: 10 }, { x: 5, y: 5.04 }, null, { x: 15, y: 0 }, { x: 20, y: 1 }]),
      'M0,10L5,5M15,0L20,1',
    );
    assert.equal(linePath([]), '');
  });

  test('years span every year between the first and the last; labels thin out', () => {
    assert.deepEqual(yearSpan([2014, 2011, 2012]), [2011, 2012, 2013, 2014]);
    assert.deepEqual(yearSpan([]), []);
    const years = yearSpan([2011, 2023]);
    assert.deepEqual(yearTicks(years, 8), [2011, 2013, 2015, 2017, 2019, 2021, 2023]);
    assert.deepEqual(yearTicks([2018, 2019], 8), [2018, 2019]);
  });
});
