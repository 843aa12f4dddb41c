/**
 * One problem of an import: which row (CSV rows as a spreadsheet numbers them, the header being row 1;
 * JSON objects from 1; 0 for the file as a whole), which column, a stable code the web client
 * translates, and an English message for the API, the command line and the CSV report.
 */
export interface Problem {
  row: number;
  field: string;
  code: ProblemCode;
  message: string;
  /** The offending value, shortened, when there is one. */
  value?: string;
  /** For duplicates: the earlier row with the same key or organisation. */
  other?: number;
}

export type ProblemCode =
  | 'required'
  | 'too_long'
  | 'invalid'
  | 'unknown_value'
  | 'unknown_nuts'
  | 'unknown_nace'
  | 'region_country'
  | 'field_count'
  | 'duplicate'
  | 'same_organisation'
  | 'key_taken'
  | 'ambiguous'
  | 'ignored_column'
  | 'not_imported';

export const PROBLEM_CODES: readonly ProblemCode[] = [
  'required',
  'too_long',
  'invalid',
  'unknown_value',
  'unknown_nuts',
  'unknown_nace',
  'region_country',
  'field_count',
  'duplicate',
  'same_organisation',
  'key_taken',
  'ambiguous',
  'ignored_column',
  'not_imported',
];

export const shorten = (v: string, max = 120) => (v.length > max ? `${v.slice(0, max - 1)}…` : v);

export function problem(
  row: number,
  field: string,
  code: ProblemCode,
  message: string,
  value?: unknown,
  other?: number,
): Problem {
  const p: Problem = { row, field, code, message };
  if (value !== undefined && value !== null && value !== '') p.value = shorten(String(value));
  if (other !== undefined) p.other = other;
  return p;
}
