import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { partnersCommand } from './partners.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (f: string) => join(root, 'test/fixtures/partners', f);
const args = [
  'recommend',
  '--history',
  fixture('participations.csv'),
  '--programme-parts',
  fixture('programme_parts.csv'),
  '--queries',
  fixture('queries.json'),
];

function capture() {
  let text = '';
  return { stream: { write: (s: string) => (text += s) }, text: () => text };
}

test('partners recommend prints one JSON line per query, never the query organisation', () => {
  const out = capture();
  const err = capture();
  assert.equal(partnersCommand(args, out.stream, err.stream), 0);
  const lines = out
    .text()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.deepEqual(lines[0], { id: 'q1', ranked: ['200', '300', '400', '500', '600'] });
  assert.equal(lines[1].id, 'q2');
  assert.deepEqual(lines[1].ranked.slice(0, 2), ['500', '600']);
  assert.equal(err.text(), '');
});

test('bin/nexum partners recommend runs end to end', () => {
  const text = execFileSync(join(root, 'bin/nexum'), ['partners', ...args], { encoding: 'utf8' });
  assert.equal(text.trim().split('\n').length, 2);
});

test('bad arguments exit with 2 and say why', () => {
  const out = capture();
  const err = capture();
  assert.equal(partnersCommand(['recommend', '--history'], out.stream, err.stream), 2);
  assert.match(err.text(), /Usage/);
  assert.equal(
    partnersCommand([...args.slice(0, 5), '--queries', fixture('missing.json')], out.stream, err.stream),
    2,
  );
  assert.equal(out.text(), '');
});
