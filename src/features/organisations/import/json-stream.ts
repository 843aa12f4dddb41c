/**
 * Streaming reader of JSON records: either one top-level array of objects (`[{…}, {…}]`) or
 * newline-delimited JSON (one object per line; any whitespace between objects is accepted). Only the
 * object being read is held in memory, capped by `maxRecordChars`; each is handed to JSON.parse whole.
 */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** The record (1 = the first object) where the problem is. */
    readonly row: number,
  ) {
    super(message);
  }
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;

type Mode = 'start' | 'array' | 'lines' | 'done';

export class JsonStreamParser {
  private mode: Mode = 'start';
  /** In array mode, between records: a comma (or the closing bracket) must come next. */
  private needSeparator = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private partsChars = 0;
  private records = 0;

  constructor(private readonly maxRecordChars = 1_000_000) {}

  get format(): 'array' | 'lines' | null {
    return this.mode === 'array' || this.mode === 'lines' ? this.mode : null;
  }

  push(chunk: string, emit: (record: Record<string, unknown>, row: number) => void): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.depth > 0) {
        i = this.scanRecord(chunk, i, emit);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      const row = this.records + 1;
      switch (this.mode) {
        case 'start':
          if (c === OPEN_BRACKET) {
            this.mode = 'array';
            i++;
            continue;
          }
          if (c === OPEN_BRACE) {
            this.mode = 'lines';
            continue;
          }
          throw new JsonSyntaxError('A JSON file must hold an array of objects or one object per line', 1);
        case 'array':
          if (this.needSeparator) {
            if (c === COMMA) this.needSeparator = false;
            else if (c === CLOSE_BRACKET) this.mode = 'done';
            else throw new JsonSyntaxError(`Expected "," or "]" after object ${this.records}`, this.records);
            i++;
            continue;
          }
          if (c === CLOSE_BRACKET && this.records === 0) {
            this.mode = 'done';
            i++;
            continue;
          }
          if (c !== OPEN_BRACE)
            throw new JsonSyntaxError(`Element ${row} of the array is not an object`, row);
          break;
        case 'lines':
          if (c !== OPEN_BRACE)
            throw new JsonSyntaxError(`Line of object ${row} does not start with "{"`, row);
          break;
        case 'done':
          throw new JsonSyntaxError('There is text after the closing "]" of the array', this.records);
      }
      // c is "{": a record starts here.
      this.depth = 0;
      i = this.scanRecord(chunk, i, emit);
    }
  }

  end(): void {
    if (this.depth > 0) {
      throw new JsonSyntaxError(`The file ends inside object ${this.records + 1}`, this.records + 1);
    }
    if (this.mode === 'array') throw new JsonSyntaxError('The array is not closed with "]"', this.records);
    if (this.mode === 'start') throw new JsonSyntaxError('The file is empty', 0);
  }

  /** Reads record text from `start` until the record closes or the chunk ends; returns the next index. */
  private scanRecord(
    chunk: string,
    start: number,
    emit: (record: Record<string, unknown>, row: number) => void,
  ): number {
    const n = chunk.length;
    let i = start;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) {
          this.parts.push(chunk.slice(start, i + 1));
          this.finish(emit);
          return i + 1;
        }
      }
    }
    this.parts.push(chunk.slice(start, n));
    this.partsChars += n - start;
    if (this.partsChars > this.maxRecordChars) {
      const row = this.records + 1;
      throw new JsonSyntaxError(
        `Object ${row} is longer than ${this.maxRecordChars.toLocaleString('en')} characters`,
        row,
      );
    }
    return n;
  }

  private finish(emit: (record: Record<string, unknown>, row: number) => void): void {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.partsChars = 0;
    this.records += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new JsonSyntaxError(
        `Object ${this.records} is not valid JSON: ${(e as Error).message}`,
        this.records,
      );
    }
    if (this.mode === 'array') this.needSeparator = true;
    emit(value as Record<string, unknown>, this.records);
  }
}
