// When the facet index is used, loaded and reported, with a stand-in for the database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facetIndexes } from './search.index.ts';
import type { FacetIndexRow, SearchRepo } from './search.repo.ts';

function fakeRepo(state: { version: string; fail?: boolean; loads: number }) {
  const row = (ord: number, type: string): FacetIndexRow => [
    ord,
    false,
    type,
    'IT',
    'ITC4',
    null,
    null,
    [],
    [],
    [],
    [],
  ];
  return {
    versions: async () => ({ cache: '1', index: state.version }),
    facetIndexRows: async () => {
      state.loads++;
      if (state.fail) throw new Error('database gone');
      return { version: state.version, rows: [row(1, 'company'), row(2, 'startup')] };
    },
  } as unknown as SearchRepo;
}

describe('facet index manager', () => {
  it("'background': the first search counts in SQL while the index loads; then the index is used until the version moves", async () => {
    const state = { version: '7', loads: 0 };
    const indexes = facetIndexes(fakeRepo(state), 'background');
    assert.equal(await indexes.at('7'), null);
    await new Promise((r) => setTimeout(r, 10));
    const index = await indexes.at('7');
    assert.equal(index?.size, 2);
    assert.equal(state.loads, 1);
    state.version = '8';
    assert.equal(await indexes.at('8'), null, 'a newer version: SQL until reloaded');
    await new Promise((r) => setTimeout(r, 10));
    assert.equal((await indexes.at('8'))?.size, 2);
    assert.equal(state.loads, 2);
  });

  it("'await' waits for the load; 'off' never loads", async () => {
    const state = { version: '3', loads: 0 };
    assert.equal((await facetIndexes(fakeRepo(state), 'await').at('3'))?.size, 2);
    assert.equal(await facetIndexes(fakeRepo(state), 'off').at('3'), null);
    assert.equal(state.loads, 1);
  });

  it('a failed background load is reported, and the next search tries again', async () => {
    const state = { version: '1', fail: true, loads: 0 };
    const indexes = facetIndexes(fakeRepo(state), 'background');
    const reported: unknown[] = [];
    indexes.reportErrorsTo((e) => reported.push(e));
    await indexes.warm();
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(reported.length, 1);
    assert.match(String(reported[0]), /database gone/);
    state.fail = false;
    assert.equal(await indexes.at('1'), null);
    await new Promise((r) => setTimeout(r, 10));
    assert.equal((await indexes.at('1'))?.size, 2);
    assert.equal(state.loads, 2);
  });

  it("an index loaded at another version than asked is not used ('await')", async () => {
    const state = { version: '5', loads: 0 };
    const indexes = facetIndexes(fakeRepo(state), 'await');
    assert.equal(await indexes.at('4'), null, 'the database is at 5: a search that read 4 counts in SQL');
    assert.equal((await indexes.at('5'))?.size, 2);
  });
});
