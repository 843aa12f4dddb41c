// `nexum partners recommend`: ranks likely partners for each query from a participation history
// (docs/formats/partner-recommendations.md).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  buildHistory,
  type Participation,
  type PartnerQuery,
  type ProgrammePart,
  recommendPartners,
} from '../core/recommender/index.ts';
import { parseCsv } from '../features/regions/csv.ts';

interface Out {
  write(s: string): unknown;
}

/** A file's text, gunzipped when it is gzip-compressed. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

function columns(rows: string[][], path: string, wanted: string[]): number[] {
  const header = (rows[0] ?? []).map((h) => h.trim());
  return wanted.map((w) => {
    const i = header.indexOf(w);
    if (i < 0) throw new Error(`${path}: no "${w}" column (header: ${header.join(',')})`);
    return i;
  });
}

/** Participations in the format of CORDIS h2020_participations.csv(.gz): rcn, role, pic, start_date… */
export function readParticipations(path: string): Participation[] {
  const rows = parseCsv(readText(path));
  const [rcn, role, pic, start] = columns(rows, path, ['rcn', 'role', 'pic', 'start_date']) as [
    number,
    number,
    number,
    number,
  ];
  const out: Participation[] = [];
  for (const r of rows.slice(1)) {
    if (!r[rcn] || !r[pic]) continue;
    out.push({ project: r[rcn]!, pic: r[pic]!, role: r[role] ?? '', start: r[start] ?? '' });
  }
  return out;
}

/** Programme parts in the format of h2020_programme_parts.csv(.gz): rcn, programme_part. */
export function readProgrammeParts(path: string): ProgrammePart[] {
  const rows = parseCsv(readText(path));
  const [rcn, part] = columns(rows, path, ['rcn', 'programme_part']) as [number, number];
  return rows.slice(1).flatMap((r) => (r[rcn] && r[part] ? [{ project: r[rcn]!, part: r[part]! }] : []));
}

interface QueryLine {
  id: string;
  query: PartnerQuery;
}

export function parseQueries(input: unknown): QueryLine[] {
  if (!Array.isArray(input)) throw new Error('queries: expected a JSON array');
  return input.map((q, i) => {
    const o = q as { id?: unknown; organisation?: unknown; programmeParts?: unknown };
    if (!o || typeof o !== 'object') throw new Error(`queries[${i}]: expected an object`);
    if (typeof o.id !== 'string' && typeof o.id !== 'number') throw new Error(`queries[${i}].id: required`);
    if (typeof o.organisation !== 'string' && typeof o.organisation !== 'number')
      throw new Error(`queries[${i}].organisation: a PIC is required`);
    const parts = o.programmeParts ?? [];
    if (!Array.isArray(parts) || parts.some((p) => typeof p !== 'string'))
      throw new Error(`queries[${i}].programmeParts: expected an array of strings`);
    return { id: String(o.id), query: { organisation: String(o.organisation), programmeParts: parts } };
  });
}

const USAGE =
  'Usage: nexum partners recommend --history PARTICIPATIONS.csv[.gz] --programme-parts PARTS.csv[.gz] --queries QUERIES.json';

/** Runs the command; returns the exit code (2: bad arguments or input). */
export function partnersCommand(args: string[], out: Out, err: Out): number {
  const [sub, ...rest] = args;
  if (sub !== 'recommend') {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const k = rest[i]!;
    const v = rest[i + 1];
    if (!['--history', '--programme-parts', '--queries'].includes(k) || v === undefined) {
      err.write(`Unknown or incomplete option "${k}".\n${USAGE}\n`);
      return 2;
    }
    opts[k] = v;
  }
  if (!opts['--history'] || !opts['--programme-parts'] || !opts['--queries']) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  let queries: QueryLine[];
  let participations: Participation[];
  let parts: ProgrammePart[];
  try {
    queries = parseQueries(JSON.parse(readText(opts['--queries'])));
    participations = readParticipations(opts['--history']);
    parts = readProgrammeParts(opts['--programme-parts']);
  } catch (e) {
    err.write(`${(e as Error).message}\n`);
    return 2;
  }
  const history = buildHistory(participations, parts);
  for (const { id, query } of queries) {
    const ranked = recommendPartners(history, query).map((r) => r.pic);
    out.write(`${JSON.stringify({ id, ranked })}\n`);
  }
  return 0;
}
