/** Import jobs over HTTP: uploads, progress, reports, previews; platform administrators only. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { INTERRUPTED } from '../../src/features/organisations/import/import.service.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

/** A multipart/form-data body: text fields first, then files. */
function multipart(
  fields: Record<string, string>,
  files: Record<string, { name: string; content: string | Buffer }>,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----nexum-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const [k, f] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const CSV = [
  'external_id,name,type,region,nace_codes,website',
  'api-1,API Alpha,company,ITC4,10.11,https://api-alpha.example.org',
  'api-2,API Beta,research_centre,ZZ99,,',
  'api-3,API Gamma,university,,99.99,',
  'api-4,API Delta,cluster,DE21,,',
].join('\n');

function assertError(res: LightMyRequestResponse, status: number, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json();
  assert.equal(typeof body.error.message, 'string');
  if (code) assert.equal(body.error.code, code);
  return body.error as {
    code: string;
    message: string;
    details?: { fields?: { field: string; message: string }[] };
  };
}

for (const backend of backends()) {
  describe(`import API (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    let user: string;
    before(async () => {
      t = await testApp(backend);
      admin = (await t.user({ admin: true, name: 'Import Admin' })).cookie;
      user = (await t.user()).cookie;
    });
    after(() => t.close());

    const upload = (
      fields: Record<string, string>,
      files: Record<string, { name: string; content: string | Buffer }>,
      cookie: string | null = admin,
      url = '/api/v1/imports',
    ) => {
      const m = multipart(fields, files);
      return t.request({
        method: 'POST',
        url,
        payload: m.payload,
        headers: m.headers,
        ...(cookie ? { cookie } : {}),
      });
    };
    const waitFor = async (id: string) => {
      const seen = new Set<string>();
      for (let i = 0; i < 600; i++) {
        const res = await t.request({ method: 'GET', url: `/api/v1/imports/${id}`, cookie: admin });
        assert.equal(res.statusCode, 200, res.body);
        const job = res.json();
        seen.add(job.phase);
        assert.ok(job.progress >= 0 && job.progress <= 1);
        if (job.status === 'done' || job.status === 'failed') return { job, phases: seen };
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the import did not finish');
    };

    test('an administrator uploads a CSV: 202 with the job, then progress to the end and the problems', async () => {
      const res = await upload(
        { kind: 'organisations', dryRun: 'false' },
        { file: { name: 'members.csv', content: CSV } },
      );
      assert.equal(res.statusCode, 202, res.body);
      const started = res.json();
      assert.ok(['queued', 'running'].includes(started.status));
      assert.equal(started.fileName, 'members.csv');
      assert.equal(started.dryRun, false);
      assert.equal(started.createdBy.name, 'Import Admin');
      const { job } = await waitFor(started.id);
      assert.equal(job.status, 'done', job.error);
      assert.equal(job.phase, 'finished');
      assert.equal(job.progress, 1);
      assert.deepEqual(
        [job.rowsTotal, job.rowsDone, job.created, job.updated, job.skipped, job.failed],
        [4, 4, 2, 0, 0, 2],
      );
      assert.deepEqual(
        job.problems.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code]),
        [
          [3, 'region', 'unknown_nuts'],
          [4, 'nace_codes', 'unknown_nace'],
        ],
      );
      assert.match(job.problems[0].message, /ZZ99/);
      const alpha = await t.request({ method: 'GET', url: '/api/v1/organisations?q=API%20Alpha' });
      assert.equal(alpha.json().items[0]?.name, 'API Alpha');
    });

    test('the report is a CSV of every problem; the list shows recent jobs', async () => {
      const list = await t.request({ method: 'GET', url: '/api/v1/imports', cookie: admin });
      assert.equal(list.statusCode, 200);
      const job = list.json().items[0];
      assert.equal(job.fileName, 'members.csv');
      assert.ok(!('problems' in job), 'the list leaves the problems out');
      const report = await t.request({
        method: 'GET',
        url: `/api/v1/imports/${job.id}/report.csv`,
        cookie: admin,
      });
      assert.equal(report.statusCode, 200);
      assert.match(String(report.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(
        String(report.headers['content-disposition']),
        /attachment; filename="import-.*-report\.csv"/,
      );
      const lines = report.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0], 'row,field,code,problem,value');
      assert.equal(lines.length, 3);
      assert.match(
        lines[1]!,
        /^3,region,unknown_nuts,Unknown NUTS 2021 region code ""ZZ99""|^3,region,unknown_nuts,"Unknown NUTS 2021 region code ""ZZ99""",ZZ99$/,
      );
    });

    test('a second upload of the same file updates nothing and creates no duplicates', async () => {
      const res = await upload({ kind: 'organisations' }, { file: { name: 'members.csv', content: CSV } });
      const { job } = await waitFor(res.json().id);
      assert.deepEqual([job.created, job.updated, job.skipped, job.failed], [0, 0, 2, 2]);
      const list = await t.request({ method: 'GET', url: '/api/v1/organisations?q=API%20Alpha' });
      assert.equal(list.json().total, 1);
    });

    test('a dry run counts without writing; a mapping renames columns; gzip is accepted', async () => {
      const csv = 'Company,Kind\nDry Run Co,startup\n';
      const res = await upload(
        { kind: 'organisations', dryRun: 'true', mapping: JSON.stringify({ Company: 'name', Kind: 'type' }) },
        { file: { name: 'dry.csv.gz', content: gzipSync(csv) } },
      );
      assert.equal(res.statusCode, 202, res.body);
      const { job } = await waitFor(res.json().id);
      assert.equal(job.status, 'done', job.error);
      assert.deepEqual([job.dryRun, job.created], [true, 1]);
      assert.deepEqual(job.mapping, { Company: 'name', Kind: 'type' });
      const list = await t.request({ method: 'GET', url: '/api/v1/organisations?q=Dry%20Run%20Co' });
      assert.equal(list.json().total, 0);
    });

    test('a file in a bad encoding is refused as a whole, with the reason on the job', async () => {
      const latin1 = Buffer.concat([
        Buffer.from('name,type\nM'),
        Buffer.from([0xfc]),
        Buffer.from('nchen Co,company\n'),
      ]);
      const res = await upload({}, { file: { name: 'latin1.csv', content: latin1 } });
      assert.equal(res.statusCode, 202);
      const { job } = await waitFor(res.json().id);
      assert.equal(job.status, 'failed');
      assert.match(job.error, /not valid UTF-8/);
      assert.deepEqual([job.rowsDone, job.created], [0, 0]);
    });

    test('the uploaded file is removed when the job ends', async () => {
      const token = `Temp Co ${Math.random().toString(36).slice(2)}`;
      const uploads = () =>
        readdirSync(tmpdir())
          .filter((d) => d.startsWith('nexum-import-'))
          .flatMap((d) => {
            try {
              return readdirSync(join(tmpdir(), d)).map((f) => join(tmpdir(), d, f));
            } catch {
              return [];
            }
          })
          .filter((f) => {
            try {
              return readFileSync(f, 'utf8').includes(token);
            } catch {
              return false;
            }
          });
      // Held in the queue behind a job that waits, the upload is on disk…
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const started = t.services.imports.start(
        (await t.services.accounts.authenticateSession(admin.split('=')[1]!))!,
        {
          kind: 'organisations',
          dryRun: true,
          mapping: {},
          file: { path: '/nonexistent', fileName: 'x', bytes: 0 },
        },
        () => gate,
      );
      await started;
      const res = await upload({}, { file: { name: 'x.csv', content: `name,type\n${token},other\n` } });
      assert.equal(res.statusCode, 202);
      assert.equal(uploads().length, 1, 'the upload waits on disk for its turn');
      release();
      await waitFor(res.json().id);
      await t.services.imports.idle();
      // …and gone once its job has ended.
      assert.deepEqual(uploads(), []);
    });

    test('bad fields are 400 with the field named; nothing is started', async () => {
      const cases: [Record<string, string>, Record<string, { name: string; content: string }>, string][] = [
        [{ kind: 'spaceship' }, { file: { name: 'a.csv', content: CSV } }, 'body.kind'],
        [{ mapping: '{not json' }, { file: { name: 'a.csv', content: CSV } }, 'body.mapping'],
        [
          { mapping: JSON.stringify({ Company: 'nom' }) },
          { file: { name: 'a.csv', content: CSV } },
          'body.mapping.Company',
        ],
        [{ dryRun: 'maybe' }, { file: { name: 'a.csv', content: CSV } }, 'body.dryRun'],
        [{ kind: 'organisations' }, {}, 'body.file'],
        [
          { kind: 'organisations' },
          { file: { name: 'a.csv', content: CSV }, participations: { name: 'p.csv', content: 'pic,type\n' } },
          'body.participations',
        ],
      ];
      const count = async () =>
        (await t.request({ method: 'GET', url: '/api/v1/imports', cookie: admin })).json().items.length;
      const jobs = await count();
      for (const [fields, files, field] of cases) {
        const error = assertError(await upload(fields, files), 400);
        const named = (error.details?.fields ?? []).map((f) => f.field);
        assert.ok(named.includes(field), `expected ${field} in ${JSON.stringify(error)}`);
      }
      const json = await t.request({
        method: 'POST',
        url: '/api/v1/imports',
        cookie: admin,
        payload: { kind: 'organisations' },
      });
      assertError(json, 400);
      assert.equal(await count(), jobs);
    });

    test('only platform administrators: 401 for visitors, 403 for other users, on every route', async () => {
      const jobId = (await t.request({ method: 'GET', url: '/api/v1/imports', cookie: admin })).json()
        .items[0].id;
      for (const [cookie, status, code] of [
        [null, 401, 'unauthenticated'],
        [user, 403, 'forbidden'],
      ] as const) {
        assertError(await upload({}, { file: { name: 'a.csv', content: CSV } }, cookie), status, code);
        assertError(
          await upload({}, { file: { name: 'a.csv', content: CSV } }, cookie, '/api/v1/imports/preview'),
          status,
          code,
        );
        for (const url of [
          '/api/v1/imports',
          `/api/v1/imports/${jobId}`,
          `/api/v1/imports/${jobId}/report.csv`,
        ]) {
          assertError(await t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) }), status, code);
        }
      }
    });

    test('unknown jobs are 404, malformed ids 400', async () => {
      assertError(
        await t.request({
          method: 'GET',
          url: '/api/v1/imports/00000000-0000-4000-8000-000000000000',
          cookie: admin,
        }),
        404,
        'not_found',
      );
      assertError(await t.request({ method: 'GET', url: '/api/v1/imports/nope', cookie: admin }), 400);
      assertError(
        await t.request({
          method: 'GET',
          url: '/api/v1/imports/00000000-0000-4000-8000-000000000000/report.csv',
          cookie: admin,
        }),
        404,
      );
    });

    test('preview: the header, a suggested mapping and example values, from the head of a file', async () => {
      const res = await upload(
        {},
        {
          file: {
            name: 'head.csv',
            content:
              '\ufeffCompany name,Type,Web site,Notes\r\nAcme,company,acme.example.org,"long\nnote"\r\nBe',
          },
        },
        admin,
        '/api/v1/imports/preview',
      );
      assert.equal(res.statusCode, 200, res.body);
      const p = res.json();
      assert.equal(p.format, 'csv');
      assert.deepEqual(p.columns, ['Company name', 'Type', 'Web site', 'Notes']);
      assert.deepEqual(p.suggested, {
        'Company name': 'name',
        Type: 'type',
        'Web site': 'website',
        Notes: '',
      });
      assert.deepEqual(p.examples, {
        'Company name': 'Acme',
        Type: 'company',
        'Web site': 'acme.example.org',
        Notes: 'long\nnote',
      });
      assert.ok(p.targets.includes('nace_codes'));
      assert.deepEqual(p.required, ['name', 'type']);
      const json = await upload(
        {},
        { file: { name: 'a.json', content: '[{"name":"A","kind":"x"},' } },
        admin,
        '/api/v1/imports/preview',
      );
      assert.deepEqual(json.json().columns, ['name', 'kind']);
      const semi = await upload(
        {},
        { file: { name: 's.csv', content: 'Nome;Tipo;Città\nAcme, Srl;company;Milano\n' } },
        admin,
        '/api/v1/imports/preview',
      );
      assert.deepEqual(semi.json().examples, { Nome: 'Acme, Srl', Tipo: 'company', Città: 'Milano' });
      assert.deepEqual(semi.json().suggested, { Nome: 'name', Tipo: 'type', Città: 'city' });
      const bad = await upload(
        {},
        { file: { name: 'b.csv', content: Buffer.from([0x6e, 0xfc, 0x0a]) } },
        admin,
        '/api/v1/imports/preview',
      );
      assert.match(assertError(bad, 400).message, /not valid UTF-8/);
    });

    test('a preview larger than its limit is 413 with a clear message', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024, 'a');
      const res = await upload(
        {},
        { file: { name: 'big.csv', content: big } },
        admin,
        '/api/v1/imports/preview',
      );
      assert.match(assertError(res, 413, 'payload_too_large').message, /larger than the 2 MB/);
    });

    test('jobs a stopped server left running are failed at start-up, command-line jobs still running are not', async () => {
      const db = t.database.db;
      const [server, cli] = (await Promise.all(
        (['server', 'cli'] as const).map((runner) =>
          db
            .insertInto('import_jobs')
            .values({ kind: 'organisations', status: 'running', runner, file_name: `${runner}.csv` })
            .returning('id')
            .executeTakeFirstOrThrow(),
        ),
      )) as [{ id: string }, { id: string }];
      assert.ok((await t.services.imports.recoverInterrupted()) >= 1);
      const s = (
        await t.request({ method: 'GET', url: `/api/v1/imports/${server.id}`, cookie: admin })
      ).json();
      assert.equal(s.status, 'failed');
      assert.equal(s.error, INTERRUPTED);
      assert.ok(s.finishedAt);
      const c = (await t.request({ method: 'GET', url: `/api/v1/imports/${cli.id}`, cookie: admin })).json();
      assert.equal(c.status, 'running');
      assert.equal(c.runner, 'cli');
    });

    test('the routes are in the OpenAPI document, the upload as multipart/form-data', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      const post = spec.paths['/api/v1/imports'].post;
      assert.equal(post.operationId, 'startImport');
      const ref = post.requestBody.content['multipart/form-data'].schema.$ref as string;
      const body = spec.components.schemas[ref.split('/').at(-1)!];
      assert.deepEqual(body.properties.file, {
        type: 'string',
        format: 'binary',
        description: body.properties.file.description,
      });
      assert.deepEqual(body.required, ['file']);
      assert.ok(spec.paths['/api/v1/imports/{id}/report.csv'].get.responses['200'].content['text/csv']);
      for (const op of ['listImports', 'getImport', 'previewImport', 'getImportReport']) {
        assert.ok(JSON.stringify(spec.paths).includes(`"operationId":"${op}"`), op);
      }
    });
  });
}
