// The in-server facet index (search.index.ts, src/core/facets) against the SQL counts: the same list()
// results for many queries, and directory_entries / directory_index_version kept in step with the
// organisations through every kind of change (PostgreSQL: concurrent writers and readers too).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { listOrganisationsQuery } from '../../src/features/organisations/search.schemas.ts';
import { type SearchService, searchService } from '../../src/features/organisations/search.service.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { backends, testDatabase } from '../helpers/db.ts';
import {
  addVariedOrganisations,
  countingRepo,
  directoryQueries,
  ENTRY_COLUMNS,
  entryDifferences,
  heldTransaction,
  ordOf,
  type RawQuery,
  TYPOS,
  version,
  waitsForLock,
} from './search-index.fixtures.ts';

const parse = (q: RawQuery) => listOrganisationsQuery.parse(q);
const label = (q: RawQuery) =>
  new URLSearchParams(Object.entries(q).flatMap(([k, v]) => [v].flat().map((x) => [k, x]))).toString() ||
  '(none)';

for (const backend of backends()) {
  describe(`directory facet index (${backend})`, () => {
    let database: Database;
    let db: Kysely<DB>;
    let off: SearchService;
    let idx: SearchService;
    let offCalls: { sql: number };
    let idxCalls: { sql: number };

    before(async () => {
      database = await testDatabase(backend);
      db = database.db;
      await addVariedOrganisations(db);
      const a = countingRepo(db);
      const b = countingRepo(db);
      off = searchService(a.repo, { cacheEntries: 0, facetIndex: 'off' });
      // As the server runs: two concurrent statements for words on PostgreSQL, one on PGlite.
      idx = searchService(b.repo, {
        cacheEntries: 0,
        facetIndex: 'await',
        parallelReads: backend === 'postgres',
      });
      offCalls = a.calls;
      idxCalls = b.calls;
    });
    after(() => database.close());

    /** Both services give the same page, total, facets and text match; the index one counts no SQL. */
    async function assertSame(queries: RawQuery[], when: string) {
      const before = idxCalls.sql;
      const results = [];
      /** Queries the counters could not answer: the 'off' service counted them in SQL, the other one by the index. */
      let indexed = 0;
      // Every query runs; the failure names all that differ and shows the first difference.
      const differing: { q: string; viaIndex: unknown; viaSql: unknown }[] = [];
      for (const q of queries) {
        const input = parse(q);
        const sqlBefore = offCalls.sql;
        const viaSql = await off.list(input);
        if (offCalls.sql > sqlBefore) indexed++;
        const viaIndex = await idx.list(input);
        if (!isDeepStrictEqual(viaIndex, viaSql)) differing.push({ q: label(q), viaIndex, viaSql });
        results.push(viaSql);
        // The map of the same filters: SQL (or the counters) against the index.
        const mapViaSql = await off.map(input);
        const mapViaIndex = await idx.map(input);
        if (!isDeepStrictEqual(mapViaIndex, mapViaSql)) {
          differing.push({ q: `map ${label(q)}`, viaIndex: mapViaIndex, viaSql: mapViaSql });
        }
      }
      if (differing.length) {
        const names = differing.map((d) => d.q).join(' | ');
        assert.deepEqual(
          differing[0]!.viaIndex,
          differing[0]!.viaSql,
          `${when}: ${differing.length} differ: ${names}`,
        );
      }
      assert.equal(idxCalls.sql, before, `${when}: the index service counted nothing in SQL`);
      return { results, indexed };
    }

    /** The index service holds the database's current version (it reloads when the version moved). */
    async function assertIndexCurrent(when: string) {
      const loaded = idx.facetIndex.loaded();
      assert.ok(loaded, `${when}: an index is loaded`);
      assert.equal(loaded.version, await version(db), `${when}: the index is the current version`);
      const entries = await sql<{ n: number }>`select count(*)::int as n from directory_entries`.execute(db);
      assert.equal(loaded.index.size, entries.rows[0]!.n, `${when}: the index holds every entry`);
    }

    test('list() is the same with the index and with SQL counts, for 260 queries (150+ beyond the counters)', async () => {
      assert.deepEqual(await entryDifferences(db), [], 'the entries are the published organisations');
      const queries = directoryQueries(260);
      assert.ok(queries.length >= 260);
      const { results, indexed } = await assertSame(queries, 'seeded + 300 more');
      await assertIndexCurrent('after the queries');
      assert.equal(off.facetIndex.loaded(), null, "the 'off' service never loads an index");
      assert.ok(indexed >= 150, `${indexed} queries needed more than the counters`);
      // The queries meet every kind of answer, not just empty ones.
      assert.ok(results.filter((r) => r.total > 0).length > 170, 'most queries match something');
      assert.ok(results.some((r) => r.total > 500) && results.some((r) => r.total > 0 && r.total < 10));
      const typos = results.filter(
        (r, i) => TYPOS.includes(String(queries[i]!.q)) && r.textMatch === 'similar',
      );
      assert.ok(
        typos.some((r) => r.total > 0),
        'a misspelt name is found by similarity',
      );
      assert.ok(
        results.some((r) => r.facets.region.some((v) => v.value.length === 5 && v.count > 0)),
        'NUTS 3 counts',
      );
    });

    const QUICK: RawQuery[] = [
      {},
      { type: 'company', country: 'IT' },
      { q: 'meccatronica' },
      { ecosystem: ['digital', 'health'] },
      { region: 'ITC4', nace: '20.1' },
      { region: 'IT', label: ['gold', 'silver'], sample: 'false' },
      { cluster: 'afil', size: 'small' },
      { nace: '20.14', country: ['IT', 'ES'] },
    ];

    /** One change, then: the version moved by `advance`, the entries match, both services agree. */
    async function step(
      name: string,
      advance: number,
      change: () => Promise<unknown>,
      extra: RawQuery[] = [],
    ) {
      const v0 = BigInt(await version(db));
      await change();
      assert.equal(
        BigInt(await version(db)) - v0,
        BigInt(advance),
        `${name}: index version advanced by ${advance}`,
      );
      assert.deepEqual(await entryDifferences(db), [], `${name}: entries = published organisations`);
      await assertSame([...QUICK, ...extra], name);
      await assertIndexCurrent(name);
    }

    const org = (slug: string, extra: Record<string, unknown> = {}) => ({
      slug,
      name: `Index sync ${slug}`,
      type: 'company' as const,
      country_code: 'IT',
      region_code: 'ITC45',
      ecosystems: ['digital'],
      nace_codes: ['20.14'],
      s3_areas: ['Sustainability'],
      size_band: 'small' as const,
      status: 'published' as const,
      ...extra,
    });
    const setBySlug = (slug: string, values: Record<string, unknown>) =>
      db.updateTable('organisations').set(values).where('slug', '=', slug).execute();

    test('directory_entries and the index version follow every kind of change', async () => {
      await step('insert a published and a draft organisation', 1, () =>
        db
          .insertInto('organisations')
          .values([org('sync-a'), org('sync-b', { status: 'draft' })])
          .execute(),
      );
      await step('insert only a draft', 0, () =>
        db
          .insertInto('organisations')
          .values(org('sync-c', { status: 'draft' }))
          .execute(),
      );
      await step("edit a draft's facets", 0, () =>
        setBySlug('sync-c', { country_code: 'FR', region_code: 'FR10' }),
      );
      await step('publish a draft', 1, () =>
        setBySlug('sync-b', { status: 'published', published_at: new Date() }),
      );
      const ordA = await ordOf(db, 'sync-a');
      assert.ok(ordA !== null);
      await step('unpublish', 1, () => setBySlug('sync-b', { status: 'draft' }));
      assert.equal(await ordOf(db, 'sync-b'), null);
      await step(
        'a facet edit',
        1,
        () =>
          setBySlug('sync-a', {
            country_code: 'ES',
            region_code: 'ES511',
            ecosystems: ['tourism', 'health'],
          }),
        [{ region: 'ES5' }, { ecosystem: 'tourism', country: 'ES' }],
      );
      assert.equal(await ordOf(db, 'sync-a'), ordA, 'a facet edit keeps the entry number');
      await step(
        'a NACE code edit within the same section',
        1,
        () => setBySlug('sync-a', { nace_codes: ['20.13'] }),
        [{ nace: '20.13' }, { nace: '20.14', type: 'company' }],
      );

      const loaded = idx.facetIndex.loaded();
      const sqlCalls = idxCalls.sql;
      await step(
        'a description-only edit',
        0,
        () => setBySlug('sync-a', { description: 'Now making xylophonics' }),
        [{ q: 'xylophonics' }, { q: 'xylophonics', type: ['company', 'cluster'] }],
      );
      assert.equal(await ordOf(db, 'sync-a'), ordA, 'a description edit keeps the entry number');
      const found = await idx.list(parse({ q: 'xylophonics' }));
      assert.deepEqual([found.total, found.items[0]?.slug, found.textMatch], [1, 'sync-a', 'fulltext']);
      assert.equal(idx.facetIndex.loaded(), loaded, 'the index was not reloaded');
      assert.equal(idxCalls.sql, sqlCalls, 'the new word was counted by the index');
      await step(
        'a name and participations edit',
        0,
        () => setBySlug('sync-a', { name: 'Index sync renamed', participations: 9 }),
        [{ q: 'renamed', sort: 'participations' }],
      );
      await step('an update changing nothing', 0, () => setBySlug('sync-a', { type: 'company' }));
      await step('delete a draft', 0, () =>
        db.deleteFrom('organisations').where('slug', '=', 'sync-b').execute(),
      );
      await step('delete a published organisation', 1, () =>
        db.deleteFrom('organisations').where('slug', '=', 'sync-a').execute(),
      );

      const snapshot = () =>
        sql`select ord, ${ENTRY_COLUMNS} from directory_entries order by ord`.execute(db);
      const kept = (await snapshot()).rows;
      await step('a rolled-back transaction', 0, () =>
        db
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('organisations').values(org('sync-rolled-back')).execute();
            await trx
              .updateTable('organisations')
              .set({ country_code: 'DE' })
              .where('slug', 'like', 'fi-org-1%')
              .execute();
            await trx.deleteFrom('organisations').where('slug', '=', 'fi-org-2').execute();
            throw new Error('roll back');
          })
          .catch((e: Error) => assert.equal(e.message, 'roll back')),
      );
      assert.deepEqual((await snapshot()).rows, kept, 'a rollback leaves every entry as it was');

      const samples = await db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sample', '=', true)
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      assert.ok(Number(samples.n) > 500);
      await step(
        'one statement changing hundreds of rows',
        1,
        () =>
          db
            .updateTable('organisations')
            .set({
              size_band: sql`case when size_band = 'small' then 'medium' else 'small' end`,
              s3_areas: sql`array_append(s3_areas, 'Bulk area')`,
            })
            .where('sample', '=', true)
            .execute(),
        [
          { s3: 'Bulk area', size: 'medium' },
          { s3: ['Bulk area', 'Sustainability'], q: 'bio' },
        ],
      );
      await step(
        'a transaction of several statements',
        1,
        () =>
          db.transaction().execute(async (trx) => {
            await trx
              .insertInto('organisations')
              .values(org('sync-d', { type: 'cluster' }))
              .execute();
            await trx
              .updateTable('organisations')
              .set({ esca_label: 'gold' })
              .where('slug', 'like', 'fi-org-3%')
              .execute();
            await trx
              .updateTable('organisations')
              .set({ status: 'draft' })
              .where('slug', 'like', 'fi-org-4%')
              .execute();
            await trx.deleteFrom('organisations').where('slug', 'like', 'fi-org-5%').execute();
          }),
        [{ label: 'gold', type: ['cluster', 'company'] }],
      );
      await step(
        'an upsert inserting one and updating another',
        1,
        () =>
          db
            .insertInto('organisations')
            .values([
              org('sync-d', { country_code: 'SI', region_code: 'SI04' }),
              org('sync-e', { region_code: 'ITC46' }),
            ])
            .onConflict((oc) =>
              oc.column('slug').doUpdateSet((eb) => ({
                country_code: eb.ref('excluded.country_code'),
                region_code: eb.ref('excluded.region_code'),
              })),
            )
            .execute(),
        [{ country: 'SI' }, { region: 'ITC46', type: 'company' }],
      );
      await step('a sample flag change', 1, () => setBySlug('sync-e', { sample: true }), [
        { sample: 'true', region: 'ITC46' },
      ]);
    });

    const pgOnly = backend === 'postgres' ? test : () => {};

    pgOnly(
      'concurrent writers commit without deadlock; a reader sees a version with exactly its changes',
      async () => {
        await db
          .insertInto('organisations')
          .values([org('pg-a'), org('pg-b')])
          .execute();
        const v0 = BigInt(await version(db));
        // What a reader sees in one statement: the version, and how many of the two changes are there.
        const observe = async () =>
          (
            await sql<{ v: string; n: number }>`select (select v::text from directory_index_version) as v,
            (select count(*)::int from directory_entries where country_code in ('LU', 'MT')) as n`.execute(db)
          ).rows[0]!;
        const writers = ['pg-a', 'pg-b'].map((slug, i) =>
          heldTransaction(db, async (trx) => {
            await trx
              .updateTable('organisations')
              .set({ country_code: i ? 'MT' : 'LU', region_code: null, size_band: 'large' })
              .where('slug', '=', slug)
              .execute();
            await trx
              .updateTable('organisations')
              .set({ ecosystems: ['textile'] })
              .where('slug', '=', slug)
              .execute();
          }),
        );
        await Promise.all(writers.map((w) => w.ready));
        assert.deepEqual(await observe(), { v: String(v0), n: 0 }, 'uncommitted changes are not seen');
        const seen: { v: string; n: number }[] = [];
        let done = false;
        const reader = (async () => {
          while (!done) seen.push(await observe());
        })();
        for (const w of writers) w.commit();
        await Promise.all(writers.map((w) => w.done));
        done = true;
        await reader;
        seen.push(await observe());
        assert.deepEqual(seen.at(-1), { v: String(v0 + 2n), n: 2 }, 'both committed, the version moved by 2');
        for (const s of seen)
          assert.equal(BigInt(s.v) - v0, BigInt(s.n), `a reader saw ${JSON.stringify(s)}`);
        assert.deepEqual(await entryDifferences(db), []);
        await assertSame([...QUICK, { country: ['LU', 'MT'], ecosystem: 'textile' }], 'concurrent writers');
        await assertIndexCurrent('concurrent writers');
      },
    );

    pgOnly(
      'writers reaching the index version and the facet counters in opposite orders do not deadlock',
      async () => {
        // dl-seed makes the counter (country LU, not sample) exist, so that a third transaction can hold it.
        await db
          .insertInto('organisations')
          .values([
            org('dl-seed', { country_code: 'LU', region_code: null }),
            org('dl-1'),
            org('dl-2'),
            org('dl-3'),
          ])
          .execute();
        const v0 = BigInt(await version(db));
        const toLU = (trx: Kysely<DB>, slug: string) =>
          trx
            .updateTable('organisations')
            .set({ country_code: 'LU', region_code: null })
            .where('slug', '=', slug)
            .execute();
        // T1, one statement: at its commit the counters (0006) are applied first, then the version advanced.
        const t1 = heldTransaction(db, (trx) => toLU(trx, 'dl-1'));
        // T2: first a NACE code of the same section (the entries change, no counter), then a country: at
        // its commit the version comes first, then the counters.
        const t2 = heldTransaction(db, async (trx) => {
          await trx
            .updateTable('organisations')
            .set({ nace_codes: ['20.13'] })
            .where('slug', '=', 'dl-2')
            .execute();
          await toLU(trx, 'dl-3');
        });
        // T3 holds a counter both need, so that T1 commits as far as the counters and waits there.
        const t3 = heldTransaction(db, (trx) =>
          sql`select n from directory_facet_counts where facet = 'country' and value = 'LU' and not sample
            for update`.execute(trx),
        );
        const [pid1, pid2] = await Promise.all([t1.ready, t2.ready, t3.ready]);
        t1.commit();
        await waitsForLock(db, pid1);
        t2.commit();
        await waitsForLock(db, pid2);
        t3.commit();
        const outcomes = await Promise.allSettled([t1.done, t2.done, t3.done]);
        assert.deepEqual(
          outcomes.map((o) =>
            o.status === 'fulfilled' ? 'committed' : `${(o.reason as { code?: string }).code} ${o.reason}`,
          ),
          ['committed', 'committed', 'committed'],
        );
        assert.equal(BigInt(await version(db)), v0 + 2n);
        assert.deepEqual(await entryDifferences(db), []);
        await assertSame([...QUICK, { country: 'LU', nace: '20.13' }], 'opposite orders');
      },
    );

    test('a value held twice by one organisation counts once, with the index and in SQL', async () => {
      // Arrays are stored as written (nothing deduplicates ecosystems or S3 areas); the index and the
      // maintained counters (0006) count such an organisation once per value.
      const v0 = BigInt(await version(db));
      await db
        .insertInto('organisations')
        .values(
          org('sync-twice', {
            ecosystems: ['digital', 'digital'],
            s3_areas: ['Twice area', 'Twice area'],
            description: 'duplicated values',
          }),
        )
        .execute();
      assert.equal(BigInt(await version(db)), v0 + 1n);
      assert.deepEqual(await entryDifferences(db), []);
      const twice = async (svc: SearchService, q: RawQuery) =>
        (await svc.list(parse(q))).facets.s3.find((v) => v.value === 'Twice area')?.count;
      assert.equal(await twice(off, {}), 1, 'the maintained counters count it once');
      const queries: RawQuery[] = [{ q: 'duplicated' }, { type: 'company', country: 'IT' }];
      for (const q of queries) assert.equal(await twice(idx, q), 1, `index: ${label(q)}`);
      for (const q of queries) assert.equal(await twice(off, q), 1, `SQL: ${label(q)}`);
      await assertSame(
        [...QUICK, ...queries, { ecosystem: ['digital', 'health'], s3: 'Twice area' }],
        'twice',
      );
    });

    test('truncating the organisations empties the entries and the index', async () => {
      await step('truncate', 1, () => sql`truncate organisations cascade`.execute(db));
      assert.equal(idx.facetIndex.loaded()!.index.size, 0);
    });
  });
}
