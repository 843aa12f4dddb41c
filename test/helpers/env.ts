/** What the test environment offers; in CI a missing browser or PostgreSQL fails instead of skipping. */
import { existsSync } from 'node:fs';

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

export function postgresUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return url;
  if (inCI) throw new Error('CI requires PostgreSQL: set TEST_DATABASE_URL (see .ci/run)');
  return null;
}

export function chromiumPath(): string | null {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(p)) return p;
  if (inCI) throw new Error(`CI requires Chromium at ${p} (see .ci/run)`);
  return null;
}

export const SKIP_CHROMIUM =
  'Chromium not found (apt-get install chromium, or set CHROMIUM_PATH) — browser tests skipped';
