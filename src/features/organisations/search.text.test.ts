import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VersionedCache } from './search.cache.ts';
import { exactTsquery, prefixTsquery, searchWords, similarityText } from './search.text.ts';

describe('searchWords', () => {
  test('lower case, accents removed, letters and digits only', () => {
    assert.deepEqual(searchWords('Università degli Studi'), ['universita', 'degli', 'studi']);
    assert.deepEqual(searchWords('bio-based & H2020!'), ['bio', 'based', 'h2020']);
    assert.deepEqual(searchWords("Côte d'Azur"), ['cote', 'd', 'azur']);
  });

  test('nothing that tsquery syntax could read survives', () => {
    for (const q of ["':*", '&|!()', 'ʼnʹ', '\\', '<->', ':A']) {
      for (const w of searchWords(q)) assert.match(w, /^[\p{L}\p{Nd}]+$/u, `${q} → ${w}`);
    }
    assert.deepEqual(searchWords('%'), []);
  });

  test('repeated words count once; at most 8', () => {
    assert.deepEqual(searchWords('green GREEN green'), ['green']);
    assert.equal(searchWords('a b c d e f g h i j').length, 8);
  });
});

describe('tsquery text', () => {
  test('every word as a prefix, and as a whole word for ranking', () => {
    assert.equal(prefixTsquery(['green', 'chem']), 'green:* & chem:*');
    assert.equal(exactTsquery(['green', 'chem']), 'green & chem');
  });

  test('the similarity fallback needs three letters', () => {
    assert.equal(similarityText(['ab']), null);
    assert.equal(similarityText(['politecnco', 'milano']), 'politecnco milano');
  });
});

describe('VersionedCache', () => {
  test('keeps values for one version and forgets them when the version moves', () => {
    const cache = new VersionedCache<number>({ maxEntries: 10, ttlMs: 1000 });
    cache.sync('1');
    cache.set('a', 1, '1');
    assert.equal(cache.get('a'), 1);
    cache.sync('2');
    assert.equal(cache.get('a'), undefined);
    cache.set('b', 2, '1');
    assert.equal(cache.get('b'), undefined, 'a value computed at an old version is not kept');
  });

  test('expires entries, and drops the least recently used beyond its size', () => {
    let now = 0;
    const cache = new VersionedCache<number>({ maxEntries: 2, ttlMs: 100, now: () => now });
    cache.sync('v');
    cache.set('a', 1, 'v');
    cache.set('b', 2, 'v');
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3, 'v');
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.equal(cache.get('a'), 1);
    now = 101;
    assert.equal(cache.get('a'), undefined);
    const off = new VersionedCache<number>({ maxEntries: 0, ttlMs: 100 });
    off.sync('v');
    off.set('a', 1, 'v');
    assert.equal(off.size, 0, 'a cache of size 0 keeps nothing');
  });
});
