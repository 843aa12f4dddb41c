import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { CsvStreamParser, CsvSyntaxError, detectDelimiter, isBlankRecord } from './csv-stream.ts';
import { JsonStreamParser, JsonSyntaxError } from './json-stream.ts';

/** A file the import refuses as a whole, before writing anything: bad encoding, structure or columns. */
export class ImportFileError extends Error {}

export type FileFormat = 'csv' | 'json';

const CHUNK = 256 * 1024;

async function head(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const isGzip = (b: Buffer) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Offset of the first byte that is not valid UTF-8 in `b`, or -1. */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

export interface ReadProgress {
  /** Bytes of the file read so far (compressed bytes for a .gz file). */
  bytes: number;
}

/**
 * The file as text, chunk by chunk: gunzipped when it is gzip, decoded as UTF-8 with a fatal decoder.
 * Invalid UTF-8 or a NUL character refuse the file, naming the line.
 */
export async function* textChunks(path: string, progress?: ReadProgress): AsyncGenerator<string> {
  const gzip = isGzip(await head(path, 2));
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  if (progress) raw.on('data', (d) => (progress.bytes += d.length));
  let bytes: NodeJS.ReadableStream = raw;
  if (gzip) {
    const gunzip = createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    bytes = raw.pipe(gunzip);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let offset = 0;
  try {
    for await (const b of bytes as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(b, { stream: true });
      } catch {
        const at = Math.max(0, invalidUtf8Offset(b));
        let lines = line;
        for (let k = 0; k < at; k++) if (b[k] === 10) lines++;
        throw new ImportFileError(
          `The file is not valid UTF-8 (line ${lines}, byte ${offset + at + 1}). Save it as UTF-8 — in a spreadsheet, "CSV UTF-8" — and try again.`,
        );
      }
      const nul = text.indexOf('\u0000');
      if (nul >= 0) {
        throw new ImportFileError(
          `The file contains a NUL character (line ${line + countLines(text, nul)}): it is not a text file.`,
        );
      }
      line += countLines(text, text.length);
      offset += b.length;
      if (text) yield text;
    }
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      throw new ImportFileError(
        'The file is not valid UTF-8: it ends in the middle of a character. Save it as UTF-8 and try again.',
      );
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw new ImportFileError('The compressed (.gz) file is damaged or incomplete.');
    }
    throw e;
  } finally {
    raw.destroy();
  }
}

function countLines(text: string, until: number): number {
  let n = 0;
  let i = text.indexOf('\n');
  while (i >= 0 && i < until) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

/** JSON when the first character is "[" or "{", CSV otherwise (with its delimiter). */
export async function detectFormat(path: string): Promise<{ format: FileFormat; delimiter: ',' | ';' }> {
  for await (const text of textChunks(path)) {
    const first = text.replace(/^[\s\ufeff]+/, '');
    if (first === '') continue;
    if (first[0] === '[' || first[0] === '{') return { format: 'json', delimiter: ',' };
    return { format: 'csv', delimiter: detectDelimiter(first) };
  }
  return { format: 'csv', delimiter: ',' };
}

export const fileSize = async (path: string) => (await stat(path)).size;

/** One record of the file: its row number and its values keyed by the file's own column names. */
export interface SourceRecord {
  row: number;
  values: Record<string, unknown>;
  /** CSV only: how many fields the line had, when it differs from the header. */
  fieldCount?: number;
}

export interface RecordStream {
  format: FileFormat;
  /** The CSV header, or the keys of the first JSON object; set before the first record is yielded. */
  columns: string[];
  records: AsyncGenerator<SourceRecord>;
}

/**
 * Records of a CSV or JSON file, streamed. CSV rows are numbered as a spreadsheet shows them (the header
 * is row 1); JSON objects from 1. Syntax errors become ImportFileError.
 */
export async function openRecords(
  path: string,
  opts: { progress?: ReadProgress; maxRecordChars?: number } = {},
): Promise<RecordStream> {
  const { format, delimiter } = await detectFormat(path);
  const stream: RecordStream = { format, columns: [], records: undefined as never };
  stream.records =
    format === 'csv'
      ? csvRecords(path, stream, { ...opts, delimiter })
      : jsonRecords(path, stream, opts.progress, opts);
  return stream;
}

async function* csvRecords(
  path: string,
  stream: RecordStream,
  opts: { progress?: ReadProgress; maxRecordChars?: number; delimiter: ',' | ';' },
): AsyncGenerator<SourceRecord> {
  const parser = new CsvStreamParser(opts.maxRecordChars, opts.delimiter);
  let header: string[] | null = null;
  const ready: SourceRecord[] = [];
  const emit = (r: string[], row: number) => {
    if (!header) {
      if (isBlankRecord(r)) return;
      header = r.map((h) => h.trim());
      stream.columns = header;
      return;
    }
    if (isBlankRecord(r)) return;
    const values: Record<string, unknown> = {};
    const h = header;
    for (let k = 0; k < h.length; k++) values[h[k]!] = r[k] ?? '';
    ready.push(r.length === h.length ? { row, values } : { row, values, fieldCount: r.length });
  };
  try {
    for await (const text of textChunks(path, opts.progress)) {
      parser.push(text, emit);
      for (const r of ready) yield r;
      ready.length = 0;
    }
    parser.end(emit);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ImportFileError(e.message);
    throw e;
  }
  if (!header) throw new ImportFileError('The file is empty: it has no header row.');
  while (ready.length) yield ready.shift()!;
}

async function* jsonRecords(
  path: string,
  stream: RecordStream,
  progress: ReadProgress | undefined,
  opts: { maxRecordChars?: number },
): AsyncGenerator<SourceRecord> {
  const parser = new JsonStreamParser(opts.maxRecordChars);
  const ready: SourceRecord[] = [];
  const emit = (value: Record<string, unknown>, row: number) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new JsonSyntaxError(`Object ${row} is not an object`, row);
    }
    if (row === 1) stream.columns = Object.keys(value);
    ready.push({ row, values: value });
  };
  try {
    for await (const text of textChunks(path, progress)) {
      parser.push(text, emit);
      for (const r of ready) yield r;
      ready.length = 0;
    }
    parser.end();
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new ImportFileError(e.message);
    throw e;
  }
  while (ready.length) yield ready.shift()!;
}
