import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, ImportJobsTable } from '../../../server/db/schema.ts';
import type { Problem } from './problems.ts';
import { ORG_COLUMNS, type OrgValues } from './validate.ts';

export type JobRow = Selectable<ImportJobsTable>;
export type ExistingOrg = OrgValues & { id: string; status: string };
export interface NewOrg extends OrgValues {
  slug: string;
}
export interface ChangeRow {
  organisation_id: string;
  changes: Record<string, unknown>;
}
export interface Progress {
  rowsDone: number;
  bytesDone: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  problemCount: number;
}

// Column types for jsonb_to_recordset, in ORG_COLUMNS order.
const RECORD_TYPES: Record<keyof OrgValues, string> = {
  external_id: 'text',
  pic: 'text',
  name: 'text',
  acronym: 'text',
  type: 'text',
  description: 'text',
  website: 'text',
  email: 'text',
  country_code: 'text',
  region_code: 'text',
  city: 'text',
  founded_year: 'smallint',
  size_band: 'text',
  nace_codes: 'text[]',
  ecosystems: 'text[]',
  s3_areas: 'text[]',
  keywords: 'text[]',
  offers: 'text',
  seeks: 'text',
  programmes: 'text[]',
  esca_label: 'text',
  esca_year: 'smallint',
  manager_name: 'text',
  manager_email: 'text',
  participations: 'integer',
};
const recordDef = ORG_COLUMNS.map((c) => `${c} ${RECORD_TYPES[c]}`).join(', ');
const columnList = ORG_COLUMNS.join(', ');

/** SQL of the import: jobs, their problems, and the batched organisation writes. */
export function importRepo(db: Kysely<DB>): ImportRepo {
  return {
    ...importOps(db),
    /** Runs `fn` in one transaction with the queries bound to it. */
    transaction: (fn) => db.transaction().execute((trx) => fn(importOps(trx))),
  };
}

function importOps(db: Kysely<DB> | Transaction<DB>) {
  return {
    createJob: (job: {
      kind: 'organisations' | 'cordis';
      dryRun: boolean;
      fileName: string | null;
      mapping: Record<string, string>;
      bytesTotal: number | null;
      createdBy: string | null;
      runner: 'server' | 'cli';
    }) =>
      db
        .insertInto('import_jobs')
        .values({
          kind: job.kind,
          dry_run: job.dryRun,
          file_name: job.fileName,
          mapping: JSON.stringify(job.mapping),
          bytes_total: job.bytesTotal,
          created_by: job.createdBy,
          runner: job.runner,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    getJob: (id: string) =>
      db
        .selectFrom('import_jobs as j')
        .selectAll('j')
        .select((eb) =>
          eb
            .selectFrom('users as u')
            .select('u.name')
            .whereRef('u.id', '=', 'j.created_by')
            .as('created_by_name'),
        )
        .where('j.id', '=', id)
        .executeTakeFirst(),
    listJobs: (limit: number) =>
      db
        .selectFrom('import_jobs as j')
        .selectAll('j')
        .select((eb) =>
          eb
            .selectFrom('users as u')
            .select('u.name')
            .whereRef('u.id', '=', 'j.created_by')
            .as('created_by_name'),
        )
        .orderBy('j.created_at', 'desc')
        .limit(limit)
        .execute(),
    markRunning: (id: string) =>
      db
        .updateTable('import_jobs')
        .set({ status: 'running', updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    setChecked: (id: string, rowsTotal: number, bytesDone: number) =>
      db
        .updateTable('import_jobs')
        .set({ rows_total: rowsTotal, bytes_done: bytesDone, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    setBytesDone: (id: string, bytesDone: number) =>
      db
        .updateTable('import_jobs')
        .set({ bytes_done: bytesDone, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    /** The counters after a batch, and the problems it adds to the first 1000 kept on the job. */
    saveProgress: (id: string, p: Progress, firstProblems: Problem[]) =>
      db
        .updateTable('import_jobs')
        .set({
          rows_done: p.rowsDone,
          bytes_done: p.bytesDone,
          created: p.created,
          updated: p.updated,
          skipped: p.skipped,
          failed: p.failed,
          problem_count: p.problemCount,
          updated_at: new Date(),
          ...(firstProblems.length
            ? { problems: sql`problems || ${JSON.stringify(firstProblems)}::jsonb` as never }
            : {}),
        })
        .where('id', '=', id)
        .execute(),
    finish: (id: string, status: 'done' | 'failed', error: string | null) =>
      db
        .updateTable('import_jobs')
        .set({ status, error, finished_at: new Date(), updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    /** Jobs a stopped server left behind; command-line jobs only once they have been silent a while. */
    failInterrupted: async (message: string, cliSilentMinutes: number) => {
      const r = await db
        .updateTable('import_jobs')
        .set({ status: 'failed', error: message, finished_at: new Date(), updated_at: new Date() })
        .where('status', 'in', ['queued', 'running'])
        .where((eb) =>
          eb.or([
            eb('runner', '=', 'server'),
            eb('updated_at', '<', sql<Date>`now() - make_interval(mins => ${cliSilentMinutes})`),
          ]),
        )
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    insertProblems: async (jobId: string, firstSeq: number, problems: Problem[]) => {
      if (!problems.length) return;
      const rows = problems.map((p, i) => ({
        seq: firstSeq + i,
        row_number: p.row,
        field: p.field,
        code: p.code,
        message: p.message,
        value: p.value ?? null,
      }));
      await sql`insert into import_problems (job_id, seq, row_number, field, code, message, value)
        select ${jobId}::uuid, seq, row_number, field, code, message, value
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as v(seq integer, row_number integer, field text, code text, message text, value text)`.execute(db);
    },
    problemsAfter: (jobId: string, afterSeq: number, limit: number) =>
      db
        .selectFrom('import_problems')
        .select(['seq', 'row_number', 'field', 'code', 'message', 'value'])
        .where('job_id', '=', jobId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),

    regionCodes: async () =>
      new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code)),
    naceCodes: async () =>
      new Set((await db.selectFrom('nace_codes').select('code').execute()).map((r) => r.code)),

    /** Every organisation holding one of the keys. */
    findByKeys: async (keys: { externalIds: string[]; pics: string[]; websites: string[] }) => {
      if (!keys.externalIds.length && !keys.pics.length && !keys.websites.length) return [];
      // One index lookup per key: the planner's guesses for "= any(500 values)" on a table that grew
      // since its last ANALYZE turn into sequential scans; a join on unnest() stays a nested loop.
      const cols = sql.raw(`o.id, o.status, ${ORG_COLUMNS.map((c) => `o.${c}`).join(', ')}`);
      const r = await sql<ExistingOrg>`
        select ${cols} from unnest(${keys.externalIds}::text[]) as k(v)
          join organisations o on o.external_id = k.v
        union all
        select ${cols} from unnest(${keys.pics}::text[]) as k(v) join organisations o on o.pic = k.v
        union all
        select ${cols} from unnest(${keys.websites}::text[]) as k(v)
          join organisations o on nexum_website_key(o.website) = k.v`.execute(db);
      const byId = new Map(r.rows.map((o) => [o.id, o]));
      return [...byId.values()];
    },
    /** Organisations whose name equals one of `names`, accents and case aside; with the name asked. */
    findByNames: async (names: string[]) => {
      if (!names.length) return [];
      const cols = sql.raw(`o.id, o.status, ${ORG_COLUMNS.map((c) => `o.${c}`).join(', ')}`);
      const r = await sql<ExistingOrg & { asked: string }>`
        select k.v as asked, ${cols} from unnest(${names}::text[]) as k(v)
          join organisations o on nexum_unaccent(lower(o.name)) = nexum_unaccent(lower(k.v))`.execute(db);
      return r.rows;
    },
    takenSlugs: async (candidates: string[]) => {
      if (!candidates.length) return new Set<string>();
      const r = await sql<{ slug: string }>`select o.slug from unnest(${candidates}::text[]) as k(v)
        join organisations o on o.slug = k.v`.execute(db);
      return new Set(r.rows.map((x) => x.slug));
    },
    /** Inserts published, real (not sample) organisations; returns their ids by slug. */
    insertOrganisations: async (rows: NewOrg[], createdBy: string | null) => {
      if (!rows.length) return new Map<string, string>();
      const r = await sql<{ id: string; slug: string }>`insert into organisations
          (slug, ${sql.raw(columnList)}, status, sample, published_at, created_by)
        select slug, ${sql.raw(columnList)}, 'published', false, now(), ${createdBy}::uuid
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(slug text, ${sql.raw(recordDef)})
        returning id, slug`.execute(db);
      return new Map(r.rows.map((x) => [x.slug, x.id]));
    },
    /** Writes the merged values of existing organisations. */
    updateOrganisations: async (rows: (OrgValues & { id: string })[]) => {
      if (!rows.length) return;
      const set = ORG_COLUMNS.map((c) => `${c} = v.${c}`).join(', ');
      await sql`update organisations o set ${sql.raw(set)}, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, ${sql.raw(recordDef)})
        where o.id = v.id`.execute(db);
    },
    insertChanges: async (userId: string | null, rows: ChangeRow[]) => {
      if (!rows.length) return;
      await sql`insert into organisation_changes (organisation_id, user_id, action, changes)
        select organisation_id, ${userId}::uuid, 'import', changes
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(organisation_id uuid, changes jsonb)`.execute(
        db,
      );
    },
  };
}
export type ImportOps = ReturnType<typeof importOps>;
export type ImportRepo = ImportOps & {
  transaction<T>(fn: (r: ImportOps) => Promise<T>): Promise<T>;
};
