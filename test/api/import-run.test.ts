/** The import engine against a real database: upsert keys, idempotency, dry runs, refusals, batches. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { exchangeFileSource } from '../../src/features/organisations/import/file-source.ts';
import { importRepo } from '../../src/features/organisations/import/import.repo.ts';
import { runImport } from '../../src/features/organisations/import/import-run.ts';
import { websiteKey } from '../../src/features/organisations/import/keys.ts';
import type { ColumnMapping } from '../../src/features/organisations/import/mapping.ts';
import type { Database } from '../../src/server/db/database.ts';
import { backends, testDatabase } from '../helpers/db.ts';

const HEADER = 'external_id,pic,name,type,website,region,nace_codes,keywords,description';

for (const backend of backends()) {
  describe(`import engine (${backend})`, () => {
    let database: Database;
    let dir: string;
    let n = 0;
    before(async () => {
      database = await testDatabase(backend);
      dir = mkdtempSync(join(tmpdir(), 'nexum-import-run-'));
    });
    after(async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const file = (content: string | Buffer, ext = 'csv') => {
      const path = join(dir, `f${++n}.${ext}`);
      writeFileSync(path, content);
      return path;
    };
    const run = async (
      path: string,
      opts: { dryRun?: boolean; mapping?: ColumnMapping; batchSize?: number } = {},
    ) => {
      const repo = importRepo(database.db);
      const job = await repo.createJob({
        kind: 'organisations',
        dryRun: !!opts.dryRun,
        fileName: path,
        mapping: opts.mapping ?? {},
        bytesTotal: null,
        createdBy: null,
        runner: 'cli',
      });
      const result = await runImport(repo, await exchangeFileSource(path, opts.mapping ?? {}), {
        jobId: job.id,
        userId: null,
        dryRun: !!opts.dryRun,
        ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
      });
      const row = (await repo.getJob(job.id))!;
      const problems = await repo.problemsAfter(job.id, 0, 100_000);
      return { result, job: row, problems: problems.map((p) => `${p.row_number}:${p.field}:${p.code}`) };
    };
    const count = async (where = sql`true`) =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from organisations where ${where}`.execute(
            database.db,
          )
        ).rows[0]!.n,
      );
    const org = (externalId: string) =>
      database.db
        .selectFrom('organisations')
        .selectAll()
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow();
    const changesOf = async (id: string) =>
      (
        await database.db
          .selectFrom('organisation_changes')
          .select(['action', 'changes'])
          .where('organisation_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((c) => ({ action: c.action, changes: c.changes }));

    test('creates published, real organisations; a second run of the same file changes nothing', async () => {
      const path = file(
        [
          HEADER,
          'run-a,,Alpha Robotics,company,https://alpha.example.org,ITC4,28.99;C,robots;AI,"Builds ""robots""."',
          'run-b,111111111,Beta Lab,research_centre,,DE21,,,',
          ',,Gamma Uni,university,gamma.example.org/,,,,',
        ].join('\r\n'),
      );
      const before = await count();
      const first = await run(path);
      assert.equal(first.result.status, 'done', first.result.error ?? '');
      assert.deepEqual(
        [first.result.created, first.result.updated, first.result.skipped, first.result.failed],
        [3, 0, 0, 0],
      );
      assert.equal(await count(), before + 3);
      const alpha = await org('run-a');
      assert.equal(alpha.status, 'published');
      assert.equal(alpha.sample, false);
      assert.equal(alpha.slug, 'alpha-robotics');
      assert.equal(alpha.country_code, 'IT');
      assert.deepEqual(alpha.nace_sections, ['C']);
      assert.equal(alpha.description, 'Builds "robots".');
      const log = await changesOf(alpha.id);
      assert.equal(log.length, 1);
      assert.equal(log[0]!.action, 'import');
      assert.deepEqual((log[0]!.changes as Record<string, unknown>).name, {
        before: null,
        after: 'Alpha Robotics',
      });

      const again = await run(path);
      assert.deepEqual(
        [again.result.created, again.result.updated, again.result.skipped, again.result.failed],
        [0, 0, 3, 0],
      );
      assert.equal(await count(), before + 3, 'no duplicates');
      assert.equal((await changesOf(alpha.id)).length, 1, 'an unchanged row writes no change');
      assert.equal(await count(sql`name = 'Gamma Uni'`), 1, 'matched by website the second time');
    });

    test('an update writes only the columns the file has, logging before and after', async () => {
      const path = file(
        ['external_id,name,type,keywords', 'run-a,Alpha Robotics SpA,company,robots;AI;cobots'].join('\n'),
      );
      const r = await run(path);
      assert.deepEqual([r.result.created, r.result.updated], [0, 1]);
      const alpha = await org('run-a');
      assert.equal(alpha.name, 'Alpha Robotics SpA');
      assert.equal(alpha.website, 'https://alpha.example.org', 'a column not in the file is kept');
      assert.equal(alpha.region_code, 'ITC4');
      const last = (await changesOf(alpha.id)).at(-1)!;
      assert.deepEqual(last.changes, {
        name: { before: 'Alpha Robotics', after: 'Alpha Robotics SpA' },
        keywords: { before: ['robots', 'AI'], after: ['robots', 'AI', 'cobots'] },
      });
    });

    test('keys in order: PIC, then the website however it is written, matching existing profiles', async () => {
      const polimi = await database.db
        .selectFrom('organisations')
        .selectAll()
        .where('slug', '=', 'politecnico-di-milano')
        .executeTakeFirstOrThrow();
      const path = file(
        [
          'pic,name,type,website,city',
          '111111111,Beta Laboratory,research_centre,,Munich',
          `,${polimi.name},university,HTTP://WWW.POLIMI.IT/,Milano Leonardo`,
        ].join('\n'),
      );
      const r = await run(path);
      assert.deepEqual([r.result.created, r.result.updated, r.result.failed], [0, 2, 0], r.problems.join());
      assert.equal((await org('run-b')).name, 'Beta Laboratory');
      const after = await database.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', polimi.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.city, 'Milano Leonardo');
      assert.equal(after.website, 'https://www.polimi.it', 'the stored address is kept as it was');
      assert.equal(after.founded_year, polimi.founded_year);
    });

    test('rows without external id, PIC or website are matched by name (and country) the next time', async () => {
      const path = file(
        ['name,type,country,city', 'Plain Name Srl,company,IT,Bergamo', 'Plàin Twin,company,,'].join('\n'),
      );
      const first = await run(path);
      assert.deepEqual([first.result.created, first.result.failed], [2, 0], first.problems.join());
      const edited = file(
        ['name,type,country,city', 'PLAIN NAME SRL,company,IT,Brescia', 'plain twin,company,,'].join('\n'),
      );
      const second = await run(edited);
      assert.deepEqual(
        [second.result.created, second.result.updated, second.result.skipped],
        [0, 2, 0],
        second.problems.join(),
      );
      assert.equal(await count(sql`name = 'PLAIN NAME SRL' and city = 'Brescia'`), 1);
      assert.equal(
        await count(sql`lower(name) in ('plain twin', 'plàin twin')`),
        1,
        'accents and case aside, one organisation',
      );
      // The same name in another country is another organisation.
      const elsewhere = await run(file(['name,type,country', 'Plain Name Srl,company,FR'].join('\n')));
      assert.equal(elsewhere.result.created, 1);
      const ambiguous = await run(file(['name,type', 'Plain Name Srl,company'].join('\n')));
      assert.deepEqual([ambiguous.result.failed], [1]);
      assert.deepEqual(ambiguous.problems, ['2:name:ambiguous']);
      const dup = await run(file(['name,type', 'Fresh Name,company', 'FRESH name,company'].join('\n')));
      assert.deepEqual([dup.result.created, dup.result.skipped], [1, 1]);
      assert.deepEqual(dup.problems, ['3:name:duplicate']);
    });

    test('a dry run reports the same counts and writes nothing', async () => {
      const path = file(
        [
          HEADER,
          'dry-1,,Dry One,company,,,,,',
          'run-a,,Alpha Robotics SpA,company,,,,,',
          'dry-2,,Dry Two,spaceship,,,,,',
        ].join('\n'),
      );
      const organisations = await count();
      const changes = Number(
        (await sql<{ n: number }>`select count(*)::int as n from organisation_changes`.execute(database.db))
          .rows[0]!.n,
      );
      const dry = await run(path, { dryRun: true });
      assert.deepEqual(
        [dry.result.created, dry.result.updated, dry.result.skipped, dry.result.failed],
        [1, 1, 0, 1],
      );
      assert.equal(dry.job.dry_run, true);
      assert.equal(dry.job.status, 'done');
      assert.equal(await count(), organisations);
      assert.equal(
        Number(
          (await sql<{ n: number }>`select count(*)::int as n from organisation_changes`.execute(database.db))
            .rows[0]!.n,
        ),
        changes,
      );
      assert.equal((await org('run-a')).website, 'https://alpha.example.org', 'the update was not applied');
      assert.deepEqual(dry.problems, ['4:type:unknown_value']);
    });

    test('bad rows fail with row, field and problem while the other rows are imported', async () => {
      const path = file(
        [
          HEADER,
          'bad-1,,Bad Region,company,,ZZ99,,,',
          'bad-2,,Bad Nace,company,,,10.11;99.99,,',
          'good-1,,Good One,company,,ITC4,10.11,,',
          'bad-3,,Bad Web,company,not a website,,,,',
          'bad-4,1234,,company,,,,,',
          'good-2,,Good Two,other,,,,,',
        ].join('\n'),
      );
      const r = await run(path);
      assert.deepEqual([r.result.created, r.result.failed], [2, 4]);
      assert.deepEqual(r.problems, [
        '2:region:unknown_nuts',
        '3:nace_codes:unknown_nace',
        '5:website:invalid',
        '6:pic:invalid',
        '6:name:required',
      ]);
      assert.equal(await count(sql`external_id like 'bad-%'`), 0);
      assert.equal(await count(sql`external_id like 'good-%'`), 2);
    });

    test('duplicate keys in one file: the later row is reported and skipped', async () => {
      const path = file(
        [
          'external_id,pic,name,type,website',
          'dup-1,222222222,First,company,https://dup.example.org',
          'dup-1,,Second,company,',
          ',222222222,Third,company,',
          ',,Fourth,company,http://DUP.example.org/',
          'dup-5,,Fifth,company,',
        ].join('\n'),
      );
      const r = await run(path);
      assert.deepEqual([r.result.created, r.result.skipped], [2, 3]);
      assert.deepEqual(r.problems, ['3:external_id:duplicate', '4:pic:duplicate', '5:website:duplicate']);
      assert.equal((await org('dup-1')).name, 'First');
    });

    test('two rows naming one organisation by different keys: the second is skipped', async () => {
      const path = file(
        ['external_id,pic,name,type', 'dup-1,,First again,company', ',222222222,Third again,company'].join(
          '\n',
        ),
      );
      const r = await run(path);
      assert.deepEqual([r.result.updated, r.result.skipped], [1, 1]);
      assert.deepEqual(r.problems, ['3::same_organisation']);
    });

    test('a key that belongs to another organisation fails the row instead of taking it', async () => {
      const path = file(
        ['external_id,pic,name,type', 'run-a,222222222,Alpha Robotics SpA,company'].join('\n'),
      );
      const r = await run(path);
      assert.deepEqual([r.result.updated, r.result.failed], [0, 1]);
      assert.deepEqual(r.problems, ['2:pic:key_taken']);
      assert.equal((await org('run-a')).pic, null);
    });

    test('invalid UTF-8 refuses the whole file before anything is written', async () => {
      const path = file(
        Buffer.concat([
          Buffer.from(`${HEADER}\nenc-1,,Fine,company,,,,,\n`.repeat(1)),
          Buffer.from('enc-2,,M'),
          Buffer.from([0xfc]),
          Buffer.from('nchen,company,,,,,\n'),
        ]),
      );
      const r = await run(path, { batchSize: 1 });
      assert.equal(r.result.status, 'failed');
      assert.match(r.job.error ?? '', /not valid UTF-8 \(line 3/);
      assert.equal(r.job.rows_done, 0);
      assert.equal(await count(sql`external_id like 'enc-%'`), 0);
    });

    test('missing required columns refuse the file; a mapping supplies them', async () => {
      const path = file(['Firm,Kind,Notes', 'Mapped Co,startup,hello'].join('\n'));
      const refused = await run(path);
      assert.equal(refused.result.status, 'failed');
      assert.match(refused.job.error ?? '', /no "name" or "type" columns/);
      const mapped = await run(path, { mapping: { Firm: 'name', Kind: 'type' } });
      assert.equal(mapped.result.status, 'done');
      assert.equal(mapped.result.created, 1);
      assert.deepEqual(mapped.problems, ['1:Notes:ignored_column']);
      assert.equal(await count(sql`name = 'Mapped Co' and type = 'startup'`), 1);
    });

    test('JSON arrays and NDJSON import like CSV', async () => {
      const array = file(
        JSON.stringify([
          {
            external_id: 'json-1',
            name: 'Json One',
            type: 'company',
            keywords: ['a', 'b'],
            founded_year: 1990,
          },
          { external_id: 'json-2', name: 'Json Two', type: 'cluster', region: 'ITC4' },
        ]),
        'json',
      );
      const r = await run(array);
      assert.deepEqual([r.result.created, r.result.failed], [2, 0], r.problems.join());
      assert.deepEqual((await org('json-1')).keywords, ['a', 'b']);
      const lines = file(
        '{"external_id":"json-1","name":"Json One","type":"company","founded_year":1991}\n{"name":"x"}\n',
        'ndjson',
      );
      const l = await run(lines);
      assert.deepEqual([l.result.updated, l.result.failed], [1, 1]);
      assert.deepEqual(l.problems, ['2:type:required']);
      assert.equal((await org('json-1')).founded_year, 1991);
    });

    test('a batch the database refuses leaves no half batch and says how far the import got', async () => {
      await database.exec(`create function pg_temp_refuse() returns trigger language plpgsql as $$
        begin if new.name = 'BOOM' then raise exception 'refused by test trigger'; end if; return new; end $$;
        create trigger refuse_boom before insert on organisations for each row execute function pg_temp_refuse();`);
      try {
        const rows = ['b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6', 'b-7'].map(
          (id) => `${id},,${id === 'b-5' ? 'BOOM' : `Batch ${id}`},company,,,,,`,
        );
        const r = await run(file([HEADER, ...rows].join('\n')), { batchSize: 3 });
        assert.equal(r.result.status, 'failed');
        assert.match(
          r.job.error ?? '',
          /Stopped at rows 5–7: the database refused this batch \(.*refused by test trigger.*\)\. 3 rows before it were processed/,
        );
        assert.equal(r.job.rows_done, 3);
        assert.equal(r.job.created, 3);
        assert.equal(r.job.status, 'failed');
        assert.deepEqual(
          (
            await database.db
              .selectFrom('organisations')
              .select('external_id')
              .where('external_id', 'like', 'b-%')
              .orderBy('external_id')
              .execute()
          ).map((o) => o.external_id),
          ['b-1', 'b-2', 'b-3'],
        );
      } finally {
        await database.exec('drop trigger refuse_boom on organisations; drop function pg_temp_refuse();');
      }
    });

    test('the job keeps the first 1000 problems; the problems table has all of them', async () => {
      const rows = Array.from({ length: 1100 }, (_, i) => `many-${i},,Many ${i},spaceship,,,,,`);
      const r = await run(file([HEADER, ...rows].join('\n')), { batchSize: 500 });
      assert.equal(r.result.failed, 1100);
      assert.equal(r.job.problem_count, 1100);
      assert.equal((r.job.problems as unknown[]).length, 1000);
      assert.equal(r.problems.length, 1100);
      assert.equal(r.problems.at(-1), '1101:type:unknown_value');
    });

    test('the database computes the same website key as the import', async () => {
      const urls = [
        'https://www.polimi.it',
        'HTTPS://WWW.Polimi.IT/',
        'http://x.org/A/B//',
        ' x.org ',
        'https://',
        'ftp://Host.example/path?q=1',
        'www.example.org',
      ];
      for (const url of urls) {
        const r = await sql<{ k: string | null }>`select nexum_website_key(${url}) as k`.execute(database.db);
        assert.equal(r.rows[0]!.k, websiteKey(url), url);
      }
    });
  });
}
