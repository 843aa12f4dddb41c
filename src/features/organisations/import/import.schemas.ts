import { z } from 'zod';
import { EXCHANGE_COLUMNS } from '../exchange-format.ts';
import { PROBLEM_CODES, type ProblemCode } from './problems.ts';

/** A file the multipart parser has written to a temporary path (see import.routes.ts). */
export interface UploadedFile {
  path: string;
  fileName: string;
  bytes: number;
}
const isUploaded = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && typeof (v as UploadedFile).path === 'string';
const fileField = (description: string) =>
  z
    .custom<UploadedFile>(isUploaded, 'Choose a file to upload')
    .meta({ type: 'string', format: 'binary', description });

export const importKindSchema = z
  .enum(['organisations', 'cordis'])
  .describe('organisations: the exchange format (CSV or JSON); cordis: the CORDIS H2020 organisations file');

const mappingSchema = z.record(z.string().max(200), z.union([z.enum(EXCHANGE_COLUMNS), z.literal('')]));

export const startImportBody = z
  .object({
    kind: importKindSchema.default('organisations'),
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('Check the file and report, without changing the directory'),
    mapping: z
      .string()
      .max(100_000)
      .default('{}')
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'The mapping must be a JSON object' });
          return z.NEVER;
        }
      })
      .pipe(mappingSchema)
      .describe('JSON object: file column → exchange column ("" ignores the column)'),
    file: fileField('The file: CSV or JSON (may be gzip-compressed); for cordis, the organisations CSV'),
    participations: fileField('cordis only: the participations CSV').optional(),
  })
  .meta({ id: 'StartImport' });

export const previewBody = z
  .object({
    file: fileField('The beginning of the file (the first megabyte is enough)'),
  })
  .meta({ id: 'ImportPreviewRequest' });

export const problemSchema = z
  .object({
    row: z
      .number()
      .int()
      .describe('CSV: the row as a spreadsheet numbers it (header = 1); JSON: the object; 0: the file'),
    field: z.string().describe('The exchange column, or "" for the whole row'),
    code: z.enum(PROBLEM_CODES as [ProblemCode, ...ProblemCode[]]),
    message: z.string(),
    value: z.string().optional(),
    other: z.number().int().optional().describe('For duplicates: the earlier row'),
  })
  .meta({ id: 'ImportProblem' });

export const importJobSchema = z
  .object({
    id: z.uuid(),
    kind: importKindSchema,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    phase: z.enum(['queued', 'checking', 'importing', 'finished']),
    dryRun: z.boolean(),
    fileName: z.string().nullable(),
    mapping: z.record(z.string(), z.string()),
    bytesTotal: z.number().int().nullable(),
    bytesDone: z.number().int(),
    rowsTotal: z.number().int().nullable().describe('Known once the file has been checked'),
    rowsDone: z.number().int(),
    progress: z.number().min(0).max(1).describe('0–1, for a progress bar'),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int().describe('Unchanged rows and duplicates'),
    failed: z.number().int(),
    problemCount: z.number().int(),
    error: z.string().nullable().describe('Why the job stopped or the file was refused'),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    runner: z.enum(['server', 'cli']),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });

export const importJobDetailSchema = importJobSchema
  .extend({
    problems: z.array(problemSchema).describe('The first 1000 problems; report.csv has them all'),
  })
  .meta({ id: 'ImportJobDetail' });

export const importJobListSchema = z.object({ items: z.array(importJobSchema) });
export const importJobParams = z.object({ id: z.uuid() });

export const importPreviewSchema = z
  .object({
    format: z.enum(['csv', 'json']),
    columns: z.array(z.string()).describe('The header row, or the keys of the first object'),
    suggested: z.record(z.string(), z.string()).describe('A mapping pre-filled by column name'),
    examples: z.record(z.string(), z.string()).describe('A value of each column from the first row'),
    targets: z.array(z.enum(EXCHANGE_COLUMNS)),
    required: z.array(z.enum(EXCHANGE_COLUMNS)),
  })
  .meta({ id: 'ImportPreview' });

export type ImportJob = z.infer<typeof importJobSchema>;
export type ImportJobDetail = z.infer<typeof importJobDetailSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type StartImportInput = z.output<typeof startImportBody>;
