#!/usr/bin/env node
// Builds the browser app into dist/client with Vite. `--if-stale` skips the build when
// dist/client/index.html is newer than every source file the bundle is made from (used by `npm start`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'dist', 'client', 'index.html');
const ifStale = process.argv.includes('--if-stale');

/** Newest modification time (ms) of a file or of every file below a folder; 0 when it does not exist. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function sourcePaths() {
  const featuresDir = join(root, 'src', 'features');
  const uiDirs = existsSync(featuresDir)
    ? readdirSync(featuresDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(featuresDir, entry.name, 'ui'))
    : [];
  return [join(root, 'src', 'client'), join(root, 'src', 'shared'), ...uiDirs, join(root, 'vite.config.ts')];
}

if (ifStale && existsSync(output)) {
  const built = statSync(output).mtimeMs;
  const newestSource = Math.max(...sourcePaths().map(newestMtime));
  if (newestSource < built) {
    console.log('build-client: dist/client is up to date, skipping the build');
    process.exit(0);
  }
}

const started = Date.now();
const { build } = await import('vite');
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log(`build-client: built dist/client in ${((Date.now() - started) / 1000).toFixed(1)} s`);
