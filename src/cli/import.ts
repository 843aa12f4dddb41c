import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { toCsvLine } from '../features/organisations/exchange-format.ts';
import { cordisSource, findCordisFiles } from '../features/organisations/import/cordis.ts';
import { exchangeFileSource } from '../features/organisations/import/file-source.ts';
import { importRepo } from '../features/organisations/import/import.repo.ts';
import { type ImportSource, type RunResult, runImport } from '../features/organisations/import/import-run.ts';
import { type ColumnMapping, parseMapArgument } from '../features/organisations/import/mapping.ts';
import { ImportFileError } from '../features/organisations/import/source.ts';
import { loadReferenceData } from '../server/bootstrap.ts';
import type { Database } from '../server/db/database.ts';

export const IMPORT_USAGE = `Usage:
  nexum import organisations FILE [--dry-run] [--map "Column=target,…"] [--report REPORT.csv]
  nexum import cordis DIR [--dry-run] [--report REPORT.csv]

FILE is CSV or JSON (an array of objects, or one object per line) in the exchange format
(docs/formats/organisations.md), optionally gzip-compressed. --map maps the file's columns to exchange
columns ("Column=" ignores one). --dry-run checks and counts without writing. DIR holds the CORDIS H2020
organisations and participations files (h2020_organisations*.csv.gz, h2020_participations.csv.gz).`;

interface Out {
  write(s: string): unknown;
}

export interface ImportArgs {
  kind: 'organisations' | 'cordis';
  path: string;
  dryRun: boolean;
  mapping: ColumnMapping;
  report: string | null;
}

/** Parses the arguments after `import`; throws ImportFileError with the usage on a mistake. */
export function parseImportArgs(args: string[]): ImportArgs {
  const [kind, ...rest] = args;
  if (kind !== 'organisations' && kind !== 'cordis') throw new ImportFileError(IMPORT_USAGE);
  let path: string | null = null;
  let dryRun = false;
  let mapping: ColumnMapping = {};
  let report: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--dry-run') dryRun = true;
    else if (a === '--map' || a.startsWith('--map=')) {
      const value = a === '--map' ? rest[++i] : a.slice(6);
      if (value === undefined) throw new ImportFileError('--map needs a value');
      mapping = { ...mapping, ...parseMapArgument(value) };
    } else if (a === '--report' || a.startsWith('--report=')) {
      report = a === '--report' ? (rest[++i] ?? null) : a.slice(9);
      if (!report) throw new ImportFileError('--report needs a file name');
    } else if (a.startsWith('--')) throw new ImportFileError(`Unknown option ${a}\n\n${IMPORT_USAGE}`);
    else if (path === null) path = a;
    else
      throw new ImportFileError(
        `One ${kind === 'cordis' ? 'directory' : 'file'} at a time\n\n${IMPORT_USAGE}`,
      );
  }
  if (!path) throw new ImportFileError(IMPORT_USAGE);
  if (kind === 'cordis' && Object.keys(mapping).length)
    throw new ImportFileError('--map is for organisations files only');
  return { kind, path: resolve(path), dryRun, mapping, report: report ? resolve(report) : null };
}

export function summaryLine(
  r: Pick<RunResult, 'created' | 'updated' | 'skipped' | 'failed' | 'rowsDone'>,
  dryRun: boolean,
) {
  const n = (x: number) => x.toLocaleString('en');
  return `${dryRun ? 'dry run — would have ' : ''}created ${n(r.created)}, updated ${n(r.updated)}, skipped ${n(r.skipped)}, failed ${n(r.failed)} (${n(r.rowsDone)} rows)`;
}

/**
 * `nexum import organisations|cordis …`: the same job and code path as an upload in the web interface
 * (the job is listed there too). Returns the exit code: 0 when the job ran to the end (rows may have
 * failed: see the problems), 1 when the file was refused or the import stopped, 2 for a usage error.
 */
export async function importCommand(
  database: Database,
  argv: string[],
  io: { out: Out; err: Out; progress?: boolean },
  opts: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    io.err.write(`${(e as Error).message}\n`);
    return 2;
  }
  await loadReferenceData(database);
  const repo = importRepo(database.db);
  let source: ImportSource;
  let fileName = args.path;
  try {
    if (args.kind === 'cordis') {
      const files = findCordisFiles(args.path);
      fileName = [files.organisations, files.participations].filter(Boolean).join(' + ');
      source = await cordisSource(files);
    } else source = await exchangeFileSource(args.path, args.mapping);
  } catch (e) {
    const message =
      e instanceof ImportFileError
        ? e.message
        : (e as { code?: string }).code === 'ENOENT'
          ? `No file at ${args.path}`
          : `Cannot read ${args.path}: ${(e as Error).message}`;
    io.err.write(`${message}\n`);
    return 1;
  }
  const job = await repo.createJob({
    kind: args.kind,
    dryRun: args.dryRun,
    fileName,
    mapping: args.mapping,
    bytesTotal: source.bytesTotal,
    createdBy: null,
    runner: 'cli',
  });
  let last = 0;
  const result = await runImport(repo, source, {
    jobId: job.id,
    userId: null,
    dryRun: args.dryRun,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onProgress: (p) => {
      if (!io.progress || Date.now() - last < 2000) return;
      last = Date.now();
      io.err.write(
        p.phase === 'checking'
          ? `checked the file: ${p.rowsTotal?.toLocaleString('en')} rows\n`
          : `${p.rowsDone.toLocaleString('en')} of ${p.rowsTotal?.toLocaleString('en')} rows\n`,
      );
    },
  });

  const problems = await repo.problemsAfter(job.id, 0, 20);
  for (const p of problems) {
    io.err.write(
      `${p.row_number ? `row ${p.row_number}` : 'file'}${p.field ? `, ${p.field}` : ''}: ${p.message}\n`,
    );
  }
  if (result.problemCount > problems.length) {
    io.err.write(
      `… and ${(result.problemCount - problems.length).toLocaleString('en')} more problems${args.report ? '' : ' (--report FILE.csv lists them all)'}\n`,
    );
  }
  if (args.report) await writeReport(repo, job.id, args.report);
  if (result.status === 'failed') {
    io.err.write(`${result.error}\n`);
    if (result.rowsDone) io.out.write(`${summaryLine(result, args.dryRun)} before stopping\n`);
    return 1;
  }
  io.out.write(`${summaryLine(result, args.dryRun)}\n`);
  return 0;
}

async function writeReport(repo: ReturnType<typeof importRepo>, jobId: string, path: string) {
  const out = createWriteStream(path);
  out.write(`\ufeff${toCsvLine(['row', 'field', 'code', 'problem', 'value'])}`);
  let after = 0;
  for (;;) {
    const page = await repo.problemsAfter(jobId, after, 2000);
    for (const p of page) out.write(toCsvLine([p.row_number, p.field, p.code, p.message, p.value]));
    if (page.length < 2000) break;
    after = page.at(-1)!.seq;
  }
  out.end();
  await finished(out);
}
