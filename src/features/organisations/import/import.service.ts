import { open } from 'node:fs/promises';
import { AppError, badRequest, forbidden, notFound, unauthenticated } from '../../../server/http/errors.ts';
import type { Actor } from '../../accounts/actor.ts';
import { toCsvLine } from '../exchange-format.ts';
import { cordisSource } from './cordis.ts';
import { exchangeFileSource } from './file-source.ts';
import { canImport, type ImportAction } from './import.policy.ts';
import type { ImportRepo, JobRow } from './import.repo.ts';
import type {
  ImportJob,
  ImportJobDetail,
  ImportPreview,
  StartImportInput,
  UploadedFile,
} from './import.schemas.ts';
import { type ImportSource, runImport } from './import-run.ts';
import { PREVIEW_BYTES, previewHead } from './preview.ts';
import type { Problem } from './problems.ts';
import { ImportFileError } from './source.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The API shape of a job row, with a 0–1 progress: checking the file is the first fifth. */
export function toImportJob(j: JobRow & { created_by_name?: string | null }): ImportJob {
  const checking = j.status === 'running' && j.rows_total === null;
  const fraction = (done: number, total: number | null) => (total ? Math.min(1, done / total) : 0);
  const progress =
    j.status === 'done'
      ? 1
      : j.status === 'queued'
        ? 0
        : checking
          ? 0.2 * fraction(Number(j.bytes_done), j.bytes_total === null ? null : Number(j.bytes_total))
          : 0.2 + 0.8 * fraction(j.rows_done, j.rows_total);
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    phase:
      j.status === 'queued'
        ? 'queued'
        : j.status === 'running'
          ? checking
            ? 'checking'
            : 'importing'
          : 'finished',
    dryRun: j.dry_run,
    fileName: j.file_name,
    mapping: j.mapping ?? {},
    bytesTotal: j.bytes_total === null ? null : Number(j.bytes_total),
    bytesDone: Number(j.bytes_done),
    rowsTotal: j.rows_total,
    rowsDone: j.rows_done,
    progress: Math.round(progress * 1000) / 1000,
    created: j.created,
    updated: j.updated,
    skipped: j.skipped,
    failed: j.failed,
    problemCount: j.problem_count,
    error: j.error,
    createdBy: j.created_by && j.created_by_name ? { id: j.created_by, name: j.created_by_name } : null,
    runner: j.runner,
    createdAt: iso(j.created_at)!,
    finishedAt: iso(j.finished_at),
  };
}

export interface ImportServiceOptions {
  batchSize?: number;
  /** Where background failures are reported (the server's logger). */
  log?: (message: string, err: unknown) => void;
}

export const INTERRUPTED =
  'The server restarted while this import was running. Rows in committed batches were imported; upload the file again to finish (imported rows will be updated or skipped).';

/**
 * Import jobs of the web interface. Jobs run in this process, one at a time in the order they were
 * started, after the upload has been written to a temporary file; `remove` deletes it when the job ends.
 */
export function importService(repo: ImportRepo, opts: ImportServiceOptions = {}) {
  let queue: Promise<void> = Promise.resolve();
  const stop = new AbortController();

  const authorize = (actor: Actor | null, action: ImportAction): Actor => {
    if (!actor) throw unauthenticated();
    if (!canImport(actor, action)) throw forbidden('Only platform administrators can import organisations');
    return actor;
  };
  const find = async (id: string) => {
    const job = await repo.getJob(id);
    if (!job) throw notFound('Import');
    return job;
  };

  return {
    async start(
      actor: Actor | null,
      input: StartImportInput,
      remove: () => Promise<void>,
    ): Promise<ImportJob> {
      const admin = authorize(actor, 'start');
      if (input.kind === 'organisations' && input.participations) {
        throw badRequest('A participations file goes with the cordis kind only', {
          fields: [{ field: 'body.participations', message: 'Only for kind=cordis' }],
        });
      }
      const uploads: UploadedFile[] = [input.file, ...(input.participations ? [input.participations] : [])];
      const job = await repo.createJob({
        kind: input.kind,
        dryRun: input.dryRun,
        fileName: uploads.map((u) => u.fileName).join(' + '),
        mapping: input.kind === 'organisations' ? input.mapping : {},
        bytesTotal: uploads.reduce((s, u) => s + u.bytes, 0),
        createdBy: admin.userId,
        runner: 'server',
      });
      const run = async () => {
        try {
          if (stop.signal.aborted) {
            await repo.finish(job.id, 'failed', INTERRUPTED);
            return;
          }
          let source: ImportSource;
          try {
            source =
              input.kind === 'cordis'
                ? await cordisSource({
                    organisations: input.file.path,
                    participations: input.participations?.path ?? null,
                  })
                : await exchangeFileSource(input.file.path, input.mapping);
          } catch (e) {
            await repo.finish(job.id, 'failed', e instanceof ImportFileError ? e.message : String(e));
            return;
          }
          await runImport(repo, source, {
            jobId: job.id,
            userId: admin.userId,
            dryRun: input.dryRun,
            signal: stop.signal,
            ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
          });
        } catch (e) {
          opts.log?.(`import ${job.id} failed`, e);
          await repo.finish(job.id, 'failed', `The import stopped: ${(e as Error).message}`).catch(() => {});
        } finally {
          await remove().catch(() => {});
        }
      };
      queue = queue.then(run);
      return toImportJob({ ...job, created_by_name: admin.name });
    },

    async get(actor: Actor | null, id: string): Promise<ImportJobDetail> {
      authorize(actor, 'read');
      const job = await find(id);
      return { ...toImportJob(job), problems: (job.problems ?? []) as Problem[] };
    },

    async list(actor: Actor | null): Promise<{ items: ImportJob[] }> {
      authorize(actor, 'read');
      return { items: (await repo.listJobs(50)).map(toImportJob) };
    },

    /** The CSV report of every problem, read from the database page by page. */
    async report(
      actor: Actor | null,
      id: string,
    ): Promise<{ fileName: string; lines: AsyncGenerator<string> }> {
      authorize(actor, 'read');
      const job = await find(id);
      async function* lines() {
        yield `\ufeff${toCsvLine(['row', 'field', 'code', 'problem', 'value'])}`;
        let after = 0;
        for (;;) {
          const page = await repo.problemsAfter(job.id, after, 2000);
          for (const p of page) yield toCsvLine([p.row_number, p.field, p.code, p.message, p.value]);
          if (page.length < 2000) return;
          after = page.at(-1)!.seq;
        }
      }
      return { fileName: `import-${job.id.slice(0, 8)}-report.csv`, lines: lines() };
    },

    async preview(actor: Actor | null, file: UploadedFile): Promise<ImportPreview> {
      authorize(actor, 'start');
      const fh = await open(file.path, 'r');
      try {
        const buf = Buffer.alloc(Math.min(PREVIEW_BYTES, file.bytes));
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return previewHead(buf.subarray(0, bytesRead));
      } catch (e) {
        if (e instanceof ImportFileError) {
          throw new AppError('bad_request', 400, e.message, {
            fields: [{ field: 'body.file', message: e.message }],
          });
        }
        throw e;
      } finally {
        await fh.close();
      }
    },

    /** At start-up: jobs a previous server process left running can never finish. */
    recoverInterrupted: () => repo.failInterrupted(INTERRUPTED, 30),

    /** Resolves when every job started so far has ended (tests). */
    idle: () => queue,

    /** Stops between batches (the running job is marked failed, with how far it got) and waits for it. */
    async close() {
      stop.abort();
      await queue;
    },
  };
}
export type ImportService = ReturnType<typeof importService>;
