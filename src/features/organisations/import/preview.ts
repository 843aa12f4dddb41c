import { constants, gunzipSync } from 'node:zlib';
import { EXCHANGE_COLUMNS } from '../exchange-format.ts';
import { CsvStreamParser, detectDelimiter, isBlankRecord } from './csv-stream.ts';
import type { ImportPreview } from './import.schemas.ts';
import { JsonStreamParser } from './json-stream.ts';
import { REQUIRED_COLUMNS, suggestMapping } from './mapping.ts';
import { shorten } from './problems.ts';
import { ImportFileError, invalidUtf8Offset } from './source.ts';
import { unescapeFormula } from './validate.ts';

/** How much of a file the mapping step needs: the header and a first row. */
export const PREVIEW_BYTES = 1024 * 1024;

/**
 * The columns of a file from its first bytes, for the mapping step: the header (or the keys of the
 * first JSON object), a mapping pre-filled by name, and an example value per column.
 */
export function previewHead(head: Buffer): ImportPreview {
  let bytes = head;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, PREVIEW_BYTES);
    } catch {
      throw new ImportFileError('The compressed (.gz) file is damaged.');
    }
  }
  let text: string;
  try {
    // stream: true tolerates a character cut in two at the end of the head.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    const at = invalidUtf8Offset(bytes);
    throw new ImportFileError(
      `The file is not valid UTF-8 (byte ${at + 1}). Save it as UTF-8 — in a spreadsheet, "CSV UTF-8" — and try again.`,
    );
  }
  const first = text.replace(/^[\s\ufeff]+/, '')[0];
  if (first === undefined) throw new ImportFileError('The file is empty.');
  const base = { targets: [...EXCHANGE_COLUMNS], required: [...REQUIRED_COLUMNS] };

  if (first === '[' || first === '{') {
    let firstObject: Record<string, unknown> | null = null;
    try {
      new JsonStreamParser(PREVIEW_BYTES * 2).push(text, (o) => {
        firstObject ??= o;
      });
    } catch (e) {
      if (!firstObject) throw new ImportFileError((e as Error).message);
    }
    if (!firstObject)
      throw new ImportFileError('The first object of the file is incomplete or too long to preview.');
    const obj = firstObject as Record<string, unknown>;
    const columns = Object.keys(obj);
    const examples = Object.fromEntries(
      columns.map((c) => {
        const v = obj[c];
        return [
          c,
          shorten(
            Array.isArray(v)
              ? v.join('; ')
              : v === null || v === undefined
                ? ''
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : String(v),
            80,
          ),
        ];
      }),
    );
    return { format: 'json', columns, suggested: suggestMapping(columns), examples, ...base };
  }

  const records: string[][] = [];
  try {
    const parser = new CsvStreamParser(PREVIEW_BYTES * 2, detectDelimiter(text.replace(/^[\s\ufeff]+/, '')));
    parser.push(text, (r) => {
      if (!isBlankRecord(r) && records.length < 2) records.push(r);
    });
  } catch (e) {
    throw new ImportFileError((e as Error).message);
  }
  const header = records[0];
  if (!header) throw new ImportFileError('The header row is incomplete or longer than a megabyte.');
  const columns = header.map((h) => h.trim());
  const row = records[1] ?? [];
  const examples = Object.fromEntries(
    columns.map((c, i) => [c, shorten(unescapeFormula(row[i] ?? '').trim(), 80)]),
  );
  return { format: 'csv', columns, suggested: suggestMapping(columns), examples, ...base };
}
