import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toCsvLine } from '../features/organisations/exchange-format.ts';
import { importIndicators, readIndicatorFile } from '../features/regions/indicators.import.ts';
import { loadReferenceData } from '../server/bootstrap.ts';
import type { Database } from '../server/db/database.ts';

export const INDICATORS_USAGE = 'Usage: nexum import indicators FILE [--dry-run] [--report REPORT.csv]';

interface Out {
  write(s: string): unknown;
}

/**
 * `nexum import indicators FILE`: returns the exit code (0 when the file was read, even if rows were
 * refused: they are listed; 1 when the file could not be read or was refused; 2 for a usage error).
 */
export async function indicatorsCommand(
  database: Database,
  args: string[],
  out: Out,
  err: Out,
): Promise<number> {
  let path: string | null = null;
  let dryRun = false;
  let report: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--dry-run') dryRun = true;
    else if (a === '--report') report = args[++i] ?? null;
    else if (a.startsWith('--report=')) report = a.slice(9);
    else if (a.startsWith('--') || path !== null) {
      err.write(`${INDICATORS_USAGE}\n`);
      return 2;
    } else path = a;
  }
  if (!path || (args.includes('--report') && !report)) {
    err.write(`${INDICATORS_USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readIndicatorFile(resolve(path));
  } catch (e) {
    err.write(`Cannot read ${path}: ${(e as Error).message}\n`);
    return 1;
  }
  await loadReferenceData(database);
  let r: Awaited<ReturnType<typeof importIndicators>>;
  try {
    r = await importIndicators(database.db, text, { dryRun });
  } catch (e) {
    err.write(`${(e as Error).message}\n`);
    return 1;
  }
  const n = (x: number) => x.toLocaleString('en');
  out.write(
    `${dryRun ? 'dry run — would have ' : ''}created ${n(r.created)}, updated ${n(r.updated)}, unchanged ${n(r.unchanged)}, failed ${n(r.failed)} (${n(r.rows)} rows)\n`,
  );
  for (const m of r.mapped) out.write(`  mapped ${m.from} → ${m.to} (NUTS 2021) in ${n(m.rows)} rows\n`);
  if (r.newIndicators.length) out.write(`  new indicators: ${r.newIndicators.join(', ')}\n`);
  if (r.newSources.length) out.write(`  new sources: ${r.newSources.join(', ')}\n`);
  for (const p of r.problems.slice(0, 20))
    out.write(`  line ${p.row}${p.column ? ` (${p.column})` : ''}: ${p.message}\n`);
  if (r.problems.length > 20)
    out.write(
      `  … ${n(r.problems.length - 20)} more problems${report ? '' : ' (--report FILE lists them all)'}\n`,
    );
  if (report) {
    const lines = [toCsvLine(['line', 'column', 'problem'])];
    for (const p of r.problems) lines.push(toCsvLine([String(p.row), p.column ?? '', p.message]));
    writeFileSync(resolve(report), `${lines.join('\n')}\n`);
    out.write(`  report: ${resolve(report)}\n`);
  }
  return 0;
}
