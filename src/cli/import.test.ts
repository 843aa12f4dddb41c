import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const ROOT = new URL('../..', import.meta.url).pathname;

/** `./bin/nexum import …` in a child process, on an embedded database in a temporary directory. */
describe('nexum import organisations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexum-cli-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const nexum = (...args: string[]) =>
    spawnSync(join(ROOT, 'bin', 'nexum'), args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: `pglite://${join(dir, 'data')}`, LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });

  test('imports a file, prints the summary and the problems, writes the report; exit code 0', () => {
    writeFileSync(
      join(dir, 'members.csv'),
      [
        'Firm,type,region,Notes',
        'CLI Alpha,company,ITC4,x',
        'CLI Beta,company,ZZ99,y',
        "'=CLI Gamma,startup,,z",
      ].join('\n'),
    );
    const r = nexum(
      'import',
      'organisations',
      'members.csv',
      '--map',
      'Firm=name,Notes=',
      '--report',
      'report.csv',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'created 2, updated 0, skipped 0, failed 1 (3 rows)\n');
    assert.match(r.stderr, /row 3, region: Unknown NUTS 2021 region code "ZZ99"/);
    const report = readFileSync(join(dir, 'report.csv'), 'utf8');
    assert.equal(
      report,
      '\ufeffrow,field,code,problem,value\r\n3,region,unknown_nuts,"Unknown NUTS 2021 region code ""ZZ99""",ZZ99\r\n',
    );

    const again = nexum('import', 'organisations', 'members.csv', '--map', 'Firm=name,Notes=', '--dry-run');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, 'dry run — would have created 0, updated 0, skipped 2, failed 1 (3 rows)\n');
  });

  test('a file it cannot import: exit code 1 and the reason; a wrong command line: exit code 2', () => {
    writeFileSync(join(dir, 'wrong.csv'), 'company,kind\nA,b\n');
    const wrong = nexum('import', 'organisations', 'wrong.csv');
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /The file has no "type" column \(required\)\. Its columns are: company, kind/);
    assert.equal(wrong.stdout, '');

    writeFileSync(
      join(dir, 'latin1.csv'),
      Buffer.concat([Buffer.from('name,type\nM'), Buffer.from([0xfc]), Buffer.from('nchen,company\n')]),
    );
    const latin1 = nexum('import', 'organisations', 'latin1.csv');
    assert.equal(latin1.status, 1);
    assert.match(latin1.stderr, /not valid UTF-8 \(line 2, byte 12\)/);

    const missing = nexum('import', 'organisations', 'no-such-file.csv');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /No file at .*no-such-file\.csv/);

    const usage = nexum('import', 'organisations');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Usage:\n {2}nexum import organisations FILE/);
  });
});
