// `npm test`: one run of Node's test runner over every test file (unit, API, browser), so the closing
// `# pass` / `# fail` lines count everything. API tests run on PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set; browser tests need Chromium. In CI both are required (see .ci/run).
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['src', 'test'];
const only = process.argv.slice(2);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out;
}

let files = roots.flatMap((r) => walk(join(root, r), [])).sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (!files.length) {
  console.error('no test files found');
  process.exit(1);
}

// Outside CI the PostgreSQL suites are not registered without a server (CI requires one: see
// test/helpers/env.ts); said once here, where it is seen, rather than in every file.
const inCI = process.env.CI === 'true' || process.env.CI === '1';
if (!process.env.TEST_DATABASE_URL && !inCI) {
  console.log(
    '# PostgreSQL not available (set TEST_DATABASE_URL=postgres://… to run these tests on it): PGlite only',
  );
}

const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...files];
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
