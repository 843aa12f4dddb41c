import { randomBytes } from 'node:crypto';
import { slugify } from '../../../shared/slug.ts';
import type { ImportOps, ImportRepo, NewOrg, Progress } from './import.repo.ts';
import { KeyIndex } from './key-index.ts';
import type { KeyName } from './keys.ts';
import { creationChanges, decide, duplicateOf, EMPTY, KEY_LABEL } from './match.ts';
import { type Problem, problem } from './problems.ts';
import type { ReadProgress } from './source.ts';
import { ImportFileError } from './source.ts';
import type { ReferenceData, Validated, ValidRow } from './validate.ts';

/** What an import reads: a file of the exchange format, or the CORDIS files. */
export interface ImportSource {
  bytesTotal: number;
  /** 'replace' writes every column the file has; 'fill' only fills empty ones (and participations). */
  mode: 'replace' | 'fill';
  /** Keys tried, in order, to find the organisation a row describes. */
  keyOrder: readonly KeyName[];
  /** Pass 1: reads the whole file; throws ImportFileError to refuse it before anything is written. */
  check(progress: ReadProgress): Promise<{ rowsTotal: number; notices: Problem[] }>;
  /** Pass 2: the rows, validated. */
  rows(progress: ReadProgress, ref: ReferenceData): AsyncGenerator<Validated>;
  /** Problems known only once every row has been read. */
  finalNotices?(): Problem[];
}

export interface RunOptions {
  jobId: string;
  userId: string | null;
  dryRun: boolean;
  batchSize?: number;
  signal?: AbortSignal;
  /** Called after the check and after every batch. */
  onProgress?: (p: Progress & { rowsTotal: number | null; phase: 'checking' | 'importing' }) => void;
}

export interface RunResult extends Progress {
  status: 'done' | 'failed';
  rowsTotal: number | null;
  error: string | null;
}

/** Problems kept on the job row itself (the rest are in import_problems). */
export const JOB_PROBLEMS_KEPT = 1000;

class BatchError extends Error {}

/**
 * Runs one import job: a checking pass that refuses a bad file before any write, then batches, each in
 * one transaction with the job's counters, so a crash leaves only whole batches and a job row that says
 * how far it got. A dry run does the same lookups and writes only the job's progress and problems.
 */
export async function runImport(
  repo: ImportRepo,
  source: ImportSource,
  opts: RunOptions,
): Promise<RunResult> {
  const batchSize = opts.batchSize ?? 500;
  const p: Progress = {
    rowsDone: 0,
    bytesDone: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    problemCount: 0,
  };
  let rowsTotal: number | null = null;
  const report = (phase: 'checking' | 'importing') => opts.onProgress?.({ ...p, rowsTotal, phase });
  await repo.markRunning(opts.jobId);

  // Pass 1.
  const reading: ReadProgress = { bytes: 0 };
  let lastSaved = Date.now();
  const ticker = setInterval(() => {
    if (Date.now() - lastSaved < 1000) return;
    lastSaved = Date.now();
    void repo.setBytesDone(opts.jobId, reading.bytes).catch(() => {});
  }, 1000);
  let notices: Problem[];
  try {
    const checked = await source.check(reading);
    rowsTotal = checked.rowsTotal;
    notices = checked.notices;
  } catch (e) {
    clearInterval(ticker);
    const message =
      e instanceof ImportFileError ? e.message : `The file could not be read: ${(e as Error).message}`;
    await repo.finish(opts.jobId, 'failed', message);
    return { ...p, status: 'failed', rowsTotal, error: message };
  } finally {
    clearInterval(ticker);
  }
  await repo.setChecked(opts.jobId, rowsTotal, reading.bytes);
  report('checking');

  // Pass 2.
  const ref: ReferenceData = { regions: await repo.regionCodes(), nace: await repo.naceCodes() };
  // Every key seen so far and the organisations already matched: memory stays small as files grow.
  const firstRowOf: Record<KeyName, KeyIndex> = {
    externalId: new KeyIndex(),
    pic: new KeyIndex(),
    website: new KeyIndex(),
    name: new KeyIndex(),
  };
  const matched = new KeyIndex();
  let pending: ValidRow[] = [];
  let pendingProblems: Problem[] = [...notices];
  let pendingRows = 0;
  let pendingFailed = 0;
  let pendingSkipped = 0;
  let firstPendingRow = 0;
  const progress: ReadProgress = { bytes: 0 };

  const flush = async () => {
    if (!pendingRows && !pendingProblems.length) return;
    const rows = pending;
    let outcome: Awaited<ReturnType<typeof writeBatch>> | null = null;
    for (let attempt = 1; outcome === null; attempt++) {
      try {
        outcome = await repo.transaction((r) => writeBatch(r, rows));
      } catch (e) {
        // A concurrent edit took a slug or key between our lookup and our insert: look again.
        if ((e as { code?: string }).code === '23505' && attempt < 3) continue;
        const last = rows.at(-1)?.row ?? firstPendingRow;
        throw new BatchError(
          `Stopped at rows ${firstPendingRow}–${last}: the database refused this batch (${(e as Error).message}). ${p.rowsDone} rows before it were processed and committed; nothing of this batch was written. Fix the file and import it again: rows already imported will be updated or skipped.`,
        );
      }
    }
    for (const [id, row] of outcome.matched) matched.set(id, row);
    Object.assign(p, outcome.progress);
    pending = [];
    pendingProblems = [];
    pendingRows = 0;
    pendingFailed = 0;
    pendingSkipped = 0;
    report('importing');
  };

  // One batch: look the rows up, decide, write; returns the counters as committed.
  const writeBatch = async (r: ImportOps, rows: ValidRow[]) => {
    const existing = await r.findByKeys({
      externalIds: rows.flatMap((v) => (v.keys.externalId ? [v.keys.externalId] : [])),
      pics: rows.flatMap((v) => (v.keys.pic ? [v.keys.pic] : [])),
      websites: source.keyOrder.includes('website')
        ? rows.flatMap((v) => (v.keys.website ? [v.keys.website] : []))
        : [],
    });
    const named = source.keyOrder.includes('name')
      ? await r.findByNames(rows.flatMap((v) => (v.keys.name && v.values.name ? [v.values.name] : [])))
      : [];
    const { creates, updates, ...d } = decide(
      rows,
      { existing, named },
      {
        keyOrder: source.keyOrder,
        mode: source.mode,
        matchedBefore: (id) => matched.get(id),
      },
    );
    const problems = [...pendingProblems, ...d.problems];
    let { created, updated } = p;
    const failed = p.failed + pendingFailed + d.failed;
    const skipped = p.skipped + pendingSkipped + d.skipped;

    if (!opts.dryRun) {
      const news = await withSlugs(r, creates);
      const ids = await r.insertOrganisations(news, opts.userId);
      await r.updateOrganisations(updates.map((u) => u.merged));
      await r.insertChanges(opts.userId, [
        // The shape of every change-log entry (changes.repo.ts): field → { before, after }.
        ...news.map((n) => ({ organisation_id: ids.get(n.slug)!, changes: creationChanges(n) })),
        ...updates.map((u) => ({ organisation_id: u.merged.id, changes: u.changes })),
      ]);
    }
    created += creates.length;
    updated += updates.length;
    await r.insertProblems(opts.jobId, p.problemCount + 1, problems);
    const kept = Math.max(0, Math.min(problems.length, JOB_PROBLEMS_KEPT - p.problemCount));
    const next: Progress = {
      rowsDone: p.rowsDone + pendingRows,
      bytesDone: progress.bytes,
      created,
      updated,
      skipped,
      failed,
      problemCount: p.problemCount + problems.length,
    };
    await r.saveProgress(opts.jobId, next, problems.slice(0, kept));
    return { progress: next, matched: d.matched };
  };

  try {
    for await (const v of source.rows(progress, ref)) {
      if (opts.signal?.aborted)
        throw new BatchError(
          `The server stopped during the import, after ${p.rowsDone} rows; the rows before were committed. Import the file again: imported rows will be updated or skipped.`,
        );
      if (!pendingRows) firstPendingRow = v.ok ? v.value.row : (v.problems[0]?.row ?? 0);
      pendingRows++;
      if (!v.ok) {
        pendingProblems.push(...v.problems);
        pendingFailed++;
      } else {
        const dup = duplicateOf(v.value.keys, firstRowOf, source.keyOrder);
        if (dup) {
          pendingProblems.push(
            problem(
              v.value.row,
              KEY_LABEL[dup.key],
              'duplicate',
              `Same ${KEY_LABEL[dup.key]} as row ${dup.row}: skipped`,
              dup.key === 'name' ? v.value.values.name : dup.value,
              dup.row,
            ),
          );
          pendingSkipped++;
        } else {
          for (const k of source.keyOrder) {
            const key = v.value.keys[k];
            if (key) firstRowOf[k].set(key, v.value.row);
          }
          pending.push(v.value);
        }
      }
      if (pendingRows >= batchSize) await flush();
    }
    pendingProblems.push(...(source.finalNotices?.() ?? []));
    await flush();
  } catch (e) {
    const message =
      e instanceof BatchError || e instanceof ImportFileError
        ? e.message
        : `The import stopped: ${(e as Error).message}`;
    await repo.finish(opts.jobId, 'failed', message);
    return { ...p, status: 'failed', rowsTotal, error: message };
  }
  await repo.finish(opts.jobId, 'done', null);
  return { ...p, status: 'done', rowsTotal, error: null };
}

/** Slugs for new organisations: the name's, else -2 … -5, else a random suffix. */
async function withSlugs(r: ImportOps, rows: ValidRow[]): Promise<NewOrg[]> {
  const bases = rows.map((v) => slugify(v.values.name ?? '', 70));
  const candidates = bases.flatMap((b) => [b, `${b}-2`, `${b}-3`, `${b}-4`, `${b}-5`]);
  const taken = await r.takenSlugs([...new Set(candidates)]);
  return rows.map((v, i) => {
    const base = bases[i]!;
    let slug = [base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].find((s) => !taken.has(s));
    while (!slug || taken.has(slug)) slug = `${base}-${randomBytes(3).toString('hex')}`;
    taken.add(slug);
    return { ...EMPTY, ...v.values, slug } as NewOrg;
  });
}
