/**
 * Streaming RFC 4180 CSV parser: text arrives in chunks of any size (a quote, a doubled quote or a CRLF
 * may be split between two chunks) and complete records come out as soon as they end. Quoted fields
 * may hold commas, quotes ("") and line breaks; a leading byte-order mark is dropped; lines end in
 * CRLF, LF or CR. Lenient where spreadsheets are: a quote inside an unquoted field is kept as text.
 * Memory is bounded by the longest record, which `maxRecordChars` caps (an unclosed quote would
 * otherwise swallow the rest of the file).
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** The record (1 = the first line of the file) where the problem is. */
    readonly row: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvStreamParser {
  private field = '';
  private record: string[] = [];
  private recordChars = 0;
  private quoted = false;
  /** A quote closed the quoted part, or starts a doubled quote: the next character decides. */
  private quotePending = false;
  /** The last chunk ended with CR: a LF starting the next one belongs to the same line break. */
  private crPending = false;
  private started = false;
  /** Records started so far (blank ones included), so `row` numbers match a spreadsheet's rows. */
  private rows = 0;

  private readonly delimiter: number;

  /** `delimiter`: ',' as RFC 4180 says, or ';' as spreadsheets in much of Europe write it. */
  constructor(
    private readonly maxRecordChars = 1_000_000,
    delimiter: ',' | ';' = ',',
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Feeds a chunk; `emit` receives each finished record with its row number (blank records too). */
  push(chunk: string, emit: (record: string[], row: number) => void): void {
    let i = 0;
    const n = chunk.length;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.crPending && i < n) {
      this.crPending = false;
      if (chunk.charCodeAt(i) === LF) i++;
    }
    while (i < n) {
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (chunk.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.quoted = false;
          continue;
        }
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          this.field += chunk.slice(i);
          i = n;
        } else {
          this.field += chunk.slice(i, q);
          i = q + 1;
          this.quotePending = true;
        }
        this.checkSize();
        continue;
      }
      // Unquoted: copy up to the next special character in one slice.
      let j = i;
      let c = 0;
      while (j < n) {
        c = chunk.charCodeAt(j);
        if (c === this.delimiter || c === QUOTE || c === LF || c === CR) break;
        j++;
      }
      if (j > i) this.field += chunk.slice(i, j);
      if (j >= n) {
        this.checkSize();
        break;
      }
      i = j + 1;
      if (c === this.delimiter) {
        this.endField();
      } else if (c === QUOTE) {
        if (this.field === '') this.quoted = true;
        else this.field += '"';
      } else {
        this.endField();
        this.endRecord(emit);
        if (c === CR) {
          if (i < n) {
            if (chunk.charCodeAt(i) === LF) i++;
          } else this.crPending = true;
        }
      }
    }
  }

  /** Ends the input: emits a last record without a line break, refuses an unclosed quote. */
  end(emit: (record: string[], row: number) => void): void {
    if (this.quoted && !this.quotePending) {
      throw new CsvSyntaxError(
        `Row ${this.rows + 1} opens a quoted field that is never closed (a missing ")`,
        this.rows + 1,
      );
    }
    this.quoted = false;
    this.quotePending = false;
    if (this.field !== '' || this.record.length > 0) {
      this.endField();
      this.endRecord(emit);
    }
  }

  private endField(): void {
    this.record.push(this.field);
    this.recordChars += this.field.length;
    this.field = '';
  }

  private endRecord(emit: (record: string[], row: number) => void): void {
    this.rows += 1;
    const r = this.record;
    this.record = [];
    this.recordChars = 0;
    emit(r, this.rows);
  }

  private checkSize(): void {
    if (this.recordChars + this.field.length > this.maxRecordChars) {
      throw new CsvSyntaxError(
        `Row ${this.rows + 1} is longer than ${this.maxRecordChars.toLocaleString('en')} characters${this.quoted ? ' (probably a quoted field that is never closed)' : ''}`,
        this.rows + 1,
      );
    }
  }
}

/**
 * The delimiter of a CSV file from its header line: ';' when it has more semicolons than commas outside
 * quotes (a spreadsheet saving "CSV" with a European list separator), ',' otherwise.
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** A record of one empty field: a blank line. */
export const isBlankRecord = (r: readonly string[]) => r.length === 0 || (r.length === 1 && r[0] === '');
