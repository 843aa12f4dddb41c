import type { ImportSource } from './import-run.ts';
import { type ColumnMapping, type ResolvedMapping, resolveMapping } from './mapping.ts';
import { type Problem, problem } from './problems.ts';
import { fileSize, ImportFileError, openRecords, type ReadProgress } from './source.ts';
import { validateRecord } from './validate.ts';

/** A CSV or JSON file in the exchange format (docs/formats/organisations.md), with a column mapping. */
export async function exchangeFileSource(
  path: string,
  mapping: ColumnMapping,
  opts: { maxRecordChars?: number } = {},
): Promise<ImportSource> {
  const bytesTotal = await fileSize(path);
  const open = (progress: ReadProgress) =>
    openRecords(path, { progress, ...(opts.maxRecordChars ? { maxRecordChars: opts.maxRecordChars } : {}) });
  return {
    bytesTotal,
    mode: 'replace',
    keyOrder: ['externalId', 'pic', 'website', 'name'],
    async check(progress) {
      const stream = await open(progress);
      let resolved: ResolvedMapping | null = null;
      let rows = 0;
      for await (const _ of stream.records) {
        resolved ??= resolveMapping(stream.columns, mapping);
        rows++;
      }
      resolved ??= resolveMapping(stream.columns, mapping);
      if (rows === 0)
        throw new ImportFileError('The file has no rows to import (only a header, or nothing).');
      const headerRow = stream.format === 'csv' ? 1 : 0;
      const notices: Problem[] = resolved.ignored.map((c) =>
        problem(
          headerRow,
          c,
          'ignored_column',
          'Not a column of the exchange format and not mapped: ignored',
        ),
      );
      return { rowsTotal: rows, notices };
    },
    async *rows(progress, ref) {
      const stream = await open(progress);
      let resolved: ResolvedMapping | null = null;
      for await (const rec of stream.records) {
        resolved ??= resolveMapping(stream.columns, mapping);
        yield validateRecord(rec, resolved, ref, { csv: stream.format === 'csv' });
      }
    },
  };
}
