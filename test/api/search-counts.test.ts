// The facet counters the database keeps (migration 0006) against counts made from the rows themselves,
// after every kind of change; and the API's facets against a brute-force count of the published rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

const FACETS = ['type', 'country', 'region', 'size', 'label', 'ecosystem', 'nace', 's3'] as const;
type Facet = (typeof FACETS)[number];

interface Row {
  id: string;
  sample: boolean;
  values: [Facet, string][];
}

/** The published organisations with their (facet, value) pairs, each value once. */
async function publishedRows(db: Kysely<DB>): Promise<Row[]> {
  const rows = await db
    .selectFrom('organisations')
    .select([
      'id',
      'sample',
      'type',
      'country_code',
      'region_code',
      'size_band',
      'esca_label',
      'ecosystems',
      'nace_sections',
      's3_areas',
    ])
    .where('status', '=', 'published')
    .execute();
  return rows.map((r) => {
    const values: [Facet, string][] = [];
    const add = (f: Facet, v: string | null) => {
      if (v !== null && !values.some(([g, w]) => g === f && w === v)) values.push([f, v]);
    };
    add('type', r.type);
    add('country', r.country_code);
    add('region', r.region_code);
    add('size', r.size_band);
    add('label', r.esca_label);
    for (const v of r.ecosystems) add('ecosystem', v);
    for (const v of r.nace_sections) add('nace', v);
    for (const v of r.s3_areas) add('s3', v);
    return { id: r.id, sample: r.sample, values };
  });
}

/** The counters as the rows say they should be, and as the database keeps them (zeros left out). */
async function expectedAndKept(db: Kysely<DB>) {
  const expected = new Map<string, number>();
  const bump = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1);
  for (const r of await publishedRows(db)) {
    for (const [f, v] of r.values) {
      bump(`${r.sample}|${f}|${v}`);
      for (const [g, w] of r.values) if (g > f) bump(`${r.sample}|${f}|${v}|${g}|${w}`);
    }
  }
  const kept = new Map<string, number>();
  const singles = await sql<{ sample: boolean; facet: string; value: string; n: number }>`
    select sample, facet, value, n from directory_facet_counts where n <> 0`.execute(db);
  for (const r of singles.rows) kept.set(`${r.sample}|${r.facet}|${r.value}`, r.n);
  const pairs = await sql<{
    sample: boolean;
    facet: string;
    value: string;
    other_facet: string;
    other_value: string;
    n: number;
  }>`select sample, facet, value, other_facet, other_value, n from directory_facet_pairs where n <> 0`.execute(
    db,
  );
  for (const r of pairs.rows) {
    kept.set(`${r.sample}|${r.facet}|${r.value}|${r.other_facet}|${r.other_value}`, r.n);
  }
  return { expected, kept };
}

async function assertCountersExact(db: Kysely<DB>, when: string) {
  const { expected, kept } = await expectedAndKept(db);
  assert.ok(expected.size > 100, 'the demo data gives many counters');
  assert.deepEqual(
    [...kept].sort(([a], [b]) => a.localeCompare(b)),
    [...expected].sort(([a], [b]) => a.localeCompare(b)),
    `counters after ${when}`,
  );
}

interface List {
  total: number;
  facets: Record<string, { value: string; count: number }[]>;
}

for (const backend of backends()) {
  describe(`maintained facet counts (${backend})`, () => {
    let t: TestApp;
    let db: Kysely<DB>;
    before(async () => {
      t = await testApp(backend);
      db = t.database.db;
    });
    after(() => t.close());

    const list = async (query: string): Promise<List> => {
      const res = await t.request({ method: 'GET', url: `/api/v1/organisations?${query}&pageSize=1` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    /** Every facet of `query` (facet filters only) against a count of the published rows in JS. */
    async function assertFacetsExact(query: Record<string, string[]>, sample?: boolean) {
      const rows = (await publishedRows(db)).filter((r) => sample === undefined || r.sample === sample);
      const matches = (r: Row, except?: Facet) =>
        Object.entries(query).every(
          ([f, values]) =>
            f === except ||
            r.values.some(
              ([g, v]) => g === f && values.some((w) => (f === 'region' ? v.startsWith(w) : v === w)),
            ),
        );
      const qs = new URLSearchParams();
      for (const [f, values] of Object.entries(query)) for (const v of values) qs.append(f, v);
      if (sample !== undefined) qs.set('sample', String(sample));
      const r = await list(qs.toString());
      const label = `${qs.toString() || '(no filter)'}`;
      assert.equal(r.total, rows.filter((row) => matches(row)).length, `${label}: total`);
      for (const f of FACETS) {
        const counted = new Map<string, number>();
        for (const row of rows.filter((x) => matches(x, f))) {
          for (const [g, v] of row.values) if (g === f) counted.set(v, (counted.get(v) ?? 0) + 1);
        }
        for (const { value, count } of r.facets[f]!) {
          if (f === 'region' && query.region?.includes(value)) continue; // a selected prefix: summed
          assert.equal(count, counted.get(value) ?? 0, `${label}: ${f}=${value}`);
        }
        const top = Math.max(0, ...counted.values());
        if (top > 0) assert.equal(r.facets[f]![0]!.count, top, `${label}: ${f} lists the largest first`);
      }
    }

    /** The map of a one-facet filter (or none) against the rows: total, countries, NUTS 2 regions. */
    async function assertMapExact(facet?: Facet, value?: string) {
      const rows = (
        await db
          .selectFrom('organisations')
          .select(['country_code', 'region_code', 'type', 'ecosystems'])
          .where('status', '=', 'published')
          .execute()
      ).filter((r) => !facet || (facet === 'type' ? r.type === value : r.ecosystems.includes(value!)));
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/organisations/map${facet ? `?${facet}=${value}` : ''}`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const map = res.json() as {
        total: number;
        unlocated: number;
        regions: { code: string; count: number }[];
        countries: { code: string; count: number }[];
      };
      const tally = (keys: (string | null)[]) => {
        const m = new Map<string, number>();
        for (const k of keys) if (k) m.set(k, (m.get(k) ?? 0) + 1);
        return [...m].sort(([a], [b]) => a.localeCompare(b));
      };
      const regions = tally(
        rows.map((r) => (r.region_code && r.region_code.length >= 4 ? r.region_code.slice(0, 4) : null)),
      );
      assert.equal(map.total, rows.length, `map ${facet}: total`);
      assert.deepEqual(
        map.countries.map((c) => [c.code, c.count]).sort(([a], [b]) => String(a).localeCompare(String(b))),
        tally(rows.map((r) => r.country_code)),
      );
      assert.deepEqual(
        map.regions.map((c) => [c.code, c.count]).sort(([a], [b]) => String(a).localeCompare(String(b))),
        regions,
      );
      assert.equal(map.unlocated, rows.length - regions.reduce((s, [, n]) => s + n, 0));
    }

    const org = (slug: string, extra: Record<string, unknown> = {}) => ({
      slug,
      name: `Counter test ${slug}`,
      type: 'company' as const,
      country_code: 'IT',
      region_code: 'ITC4',
      ecosystems: ['digital', 'health'],
      nace_codes: ['62.01', '21.10'],
      s3_areas: ['Advanced manufacturing'],
      size_band: 'small' as const,
      ...extra,
    });

    test('start exact, and the API facets match the rows under every kind of facet filter', async () => {
      await assertCountersExact(db, 'the migration and the demo seed');
      for (const q of [
        {},
        { type: ['cluster'] },
        { type: ['cluster', 'university'] },
        { country: ['IT'] },
        { region: ['ITC'] },
        { region: ['ITC4', 'ES5'] },
        { ecosystem: ['digital'] },
        { nace: ['C'] },
        { label: ['gold', 'silver'] },
        { ecosystem: ['digital', 'health'] },
        { type: ['company'], country: ['IT'] },
        { type: ['company'], country: ['IT'], ecosystem: ['digital'] },
      ] as Record<string, string[]>[]) {
        await assertFacetsExact(q);
      }
      await assertFacetsExact({}, false);
      await assertFacetsExact({ type: ['company'] }, true);
      await assertMapExact();
      await assertMapExact('type', 'cluster');
      await assertMapExact('ecosystem', 'digital');
    });

    test('stay exact through inserts, edits, status and sample changes, deletes', async () => {
      await db
        .insertInto('organisations')
        .values([
          org('counts-a'),
          org('counts-b', { ecosystems: ['digital', 'digital'], esca_label: 'gold', type: 'cluster' }),
          org('counts-c', { status: 'draft', country_code: 'SI', region_code: 'SI04' }),
          org('counts-d', { sample: true, country_code: null, region_code: null, size_band: null }),
        ])
        .execute();
      await assertCountersExact(db, 'a multi-row insert (one draft, a duplicated array value)');
      await assertFacetsExact({ ecosystem: ['digital'] });

      await db
        .updateTable('organisations')
        .set({ description: 'Only the text changes.' })
        .where('slug', 'like', 'counts-%')
        .execute();
      await assertCountersExact(db, 'an edit of no counted column');

      await db
        .updateTable('organisations')
        .set({ country_code: 'ES', region_code: 'ES51', ecosystems: ['tourism'], nace_codes: ['55.10'] })
        .where('slug', '=', 'counts-a')
        .execute();
      await assertCountersExact(db, 'a change of facet columns (NACE sections derived by a trigger)');
      await assertFacetsExact({ country: ['ES'] });

      await db
        .updateTable('organisations')
        .set({ status: 'published' })
        .where('slug', '=', 'counts-c')
        .execute();
      await db.updateTable('organisations').set({ status: 'draft' }).where('slug', '=', 'counts-b').execute();
      await assertCountersExact(db, 'publishing one and withdrawing another');

      await db.updateTable('organisations').set({ sample: true }).where('slug', '=', 'counts-a').execute();
      await assertCountersExact(db, 'a sample flag change');
      await assertFacetsExact({ country: ['ES'] }, true);

      // One statement swapping values between rows: the net change of some counters is zero.
      await db
        .updateTable('organisations')
        .set({
          type: sql`case when type = 'company' then 'startup' else 'company' end`,
        })
        .where('slug', 'in', ['counts-a', 'counts-c', 'counts-d'])
        .execute();
      await assertCountersExact(db, 'a multi-row update');

      await db.deleteFrom('organisations').where('slug', 'in', ['counts-a', 'counts-d']).execute();
      await assertCountersExact(db, 'deletes');
      await assertFacetsExact({ type: ['startup'] });
      await assertMapExact('type', 'startup');
    });

    test('a change rolled back leaves the counters as they were', async () => {
      await db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('organisations').values(org('counts-rolled-back')).execute();
          throw new Error('roll back');
        })
        .catch(() => {});
      await assertCountersExact(db, 'a rollback');
    });

    test('cluster members: the cluster filter counts the current members', async () => {
      const cluster = await db
        .selectFrom('organisations')
        .select(['id', 'slug'])
        .where('type', '=', 'cluster')
        .where('status', '=', 'published')
        .orderBy('slug')
        .executeTakeFirstOrThrow();
      const members = async () =>
        Number(
          (
            await db
              .selectFrom('cluster_members as cm')
              .innerJoin('organisations as o', 'o.id', 'cm.member_id')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('cm.cluster_id', '=', cluster.id)
              .where('o.status', '=', 'published')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await list(`cluster=${cluster.slug}`);
      assert.equal(before.total, await members());
      const joiner = await db
        .insertInto('organisations')
        .values(org('counts-member', { country_code: 'FI', region_code: null }))
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('cluster_members')
        .values({ cluster_id: cluster.id, member_id: joiner.id })
        .execute();
      const after = await list(`cluster=${cluster.slug}`);
      assert.equal(after.total, before.total + 1);
      assert.equal(after.total, await members());
      assert.equal(after.facets.country!.find((v) => v.value === 'FI')?.count, 1);
      await db.deleteFrom('cluster_members').where('member_id', '=', joiner.id).execute();
      assert.equal((await list(`cluster=${cluster.slug}`)).total, before.total);
      await assertCountersExact(db, 'membership changes');
    });

    (backend === 'postgres' ? test : () => {})(
      'concurrent transactions changing the same counters neither deadlock nor drift',
      async () => {
        const writers = Array.from({ length: 6 }, (_, i) =>
          db.transaction().execute(async (trx) => {
            // Opposite orders of the same values in half of the writers.
            const countries = i % 2 ? ['DE', 'FR', 'IT'] : ['IT', 'FR', 'DE'];
            for (const [j, c] of countries.entries()) {
              await trx
                .insertInto('organisations')
                .values(org(`counts-concurrent-${i}-${j}`, { country_code: c, region_code: null }))
                .execute();
            }
            await trx
              .updateTable('organisations')
              .set({ size_band: 'large' })
              .where('slug', 'like', `counts-concurrent-${i}-%`)
              .execute();
          }),
        );
        await Promise.all(writers);
        await assertCountersExact(db, 'concurrent writers');
      },
    );

    test('truncating the organisations empties the counters', async () => {
      await sql`truncate organisations cascade`.execute(db);
      const { expected, kept } = await expectedAndKept(db);
      assert.equal(expected.size, 0);
      assert.equal(kept.size, 0);
    });
  });
}
