import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  directoryHref,
  directoryQuery,
  filterQuery,
  isFiltered,
  parseDirectory,
  selectRegion,
  toggleFilter,
} from './directoryQuery.ts';
import { classBreaks, classOf, colourOf } from './mapDrawing.ts';

describe('the directory URL', () => {
  test('round-trips, in one canonical order, with repeated keys for several values', () => {
    const s = parseDirectory('?page=3&type=university&q=green&type=cluster&region=itc4&sort=newest');
    assert.deepEqual(s.filters.type, ['university', 'cluster']);
    assert.deepEqual(s.filters.region, ['ITC4']);
    assert.equal(directoryQuery(s), 'q=green&type=university&type=cluster&region=ITC4&sort=newest&page=3');
    assert.deepEqual(parseDirectory(directoryQuery(s)), s);
    assert.equal(filterQuery(s), 'q=green&type=university&type=cluster&region=ITC4');
  });

  test('drops what the API would refuse', () => {
    const s = parseDirectory(
      '?type=spaceship&country=Italy&nace=99.999&ecosystem=digital&page=-2&sort=random&cluster=Not%20a%20slug',
    );
    assert.deepEqual(s.filters.type, []);
    assert.deepEqual(s.filters.country, []);
    assert.deepEqual(s.filters.nace, []);
    assert.deepEqual(s.filters.ecosystem, ['digital']);
    assert.equal(s.page, 1);
    assert.equal(s.sort, '');
    assert.equal(s.cluster, '');
  });

  test('a facet toggles a value and returns to page 1; the map selects one region or none', () => {
    const s = parseDirectory('?type=cluster&page=4');
    const added = toggleFilter(s, 'type', 'university');
    assert.deepEqual(added.filters.type, ['cluster', 'university']);
    assert.equal(added.page, 1);
    assert.deepEqual(toggleFilter(added, 'type', 'cluster').filters.type, ['university']);
    const one = selectRegion(s, 'ITC4');
    assert.equal(directoryHref(one), '/organisations?type=cluster&region=ITC4');
    assert.deepEqual(selectRegion(one, 'ITC4').filters.region, []);
    assert.deepEqual(selectRegion(one, 'ES51').filters.region, ['ES51']);
    assert.equal(isFiltered(parseDirectory('')), false);
    assert.equal(directoryHref(parseDirectory('')), '/organisations');
  });
});

describe('map classes', () => {
  test('1-2-5 steps from 1 to the maximum', () => {
    assert.deepEqual(classBreaks(0), []);
    assert.deepEqual(classBreaks(1), [1]);
    assert.deepEqual(classBreaks(763), [1, 5, 10, 50, 200]);
    assert.deepEqual(classBreaks(5), [1, 2, 5]);
    const breaks = classBreaks(763);
    assert.equal(classOf(0, breaks), 0);
    assert.equal(classOf(1, breaks), 1);
    assert.equal(classOf(9, breaks), 2);
    assert.equal(classOf(10, breaks), 3);
    assert.equal(classOf(763, breaks), 5);
    assert.equal(colourOf(1, 1), 5, 'a single class takes the darkest colour');
    assert.deepEqual(
      [0, 1, 2].map((c) => colourOf(c, 2)),
      [0, 4, 5],
    );
  });
});
