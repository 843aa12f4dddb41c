// A columnar index of facet values for counting: every row's values of each column as small integer
// ids (a dictionary per column), multi-valued columns in compressed rows (offsets + ids). Counting a
// filter over 100 000 rows is one pass over typed arrays. Pure: the caller loads the rows and decides
// when the index is current.

export type ColumnKind = 'scalar' | 'multi';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
}

/** One row as loaded: its key (a positive integer) and each column's value(s), in the specs' order. */
export interface IndexRow {
  key: number;
  values: readonly (string | null | readonly string[])[];
}

interface Column {
  kind: ColumnKind;
  /** id → value; id 0 is "no value". */
  dict: string[];
  byValue: Map<string, number>;
  /** scalar: one id per row; multi: the ids of row r are ids[offsets[r]] … ids[offsets[r + 1] - 1]. */
  ids: Uint16Array | Uint32Array;
  offsets: Int32Array | null;
}

/** Rows pass when one of their values of `column` is in `values` (a prefix, for `prefix` columns). */
export interface Condition {
  column: string;
  values: readonly string[];
  prefix?: boolean;
}

export interface CountQuery {
  /** The rows to count (indexes from rowsOf), or null for every row. */
  rows: Int32Array | null;
  /** Conditions every counted row passes (no facet owns them). */
  base: readonly Condition[];
  /** Each facet's filter: a row passes it when it passes any of its conditions. */
  filters: readonly { facet: string; any: readonly Condition[] }[];
  /** What to count: the values of `column` under the name `facet`. */
  facets: readonly { facet: string; column: string }[];
  /**
   * true: a facet with a filter counts the rows passing every other facet's filter (the values a user
   * can add to the selection); false: every facet counts only the rows passing every filter.
   */
  disjunctive: boolean;
}

export interface CountResult {
  /** Rows passing every condition and filter. */
  total: number;
  counts: Map<string, Map<string, number>>;
}

export class FacetIndex {
  readonly size: number;
  private readonly columns = new Map<string, Column>();
  /** Row + 1 of each key (keys are small positive integers: a dense table, 0 where there is no row). */
  private readonly rowOfKey: Int32Array;

  constructor(specs: readonly ColumnSpec[], rows: readonly IndexRow[]) {
    this.size = rows.length;
    let maxKey = 0;
    for (const row of rows) {
      if (!Number.isInteger(row.key) || row.key < 1) throw new Error(`facet index: bad key ${row.key}`);
      maxKey = Math.max(maxKey, row.key);
    }
    this.rowOfKey = new Int32Array(maxKey + 1);
    rows.forEach((row, r) => {
      this.rowOfKey[row.key] = r + 1;
    });
    specs.forEach((spec, c) => {
      this.columns.set(spec.name, buildColumn(spec.kind, rows, c));
    });
  }

  /** Row indexes of `keys`; keys the index does not hold are left out (and counted in `missing`). */
  rowsOf(keys: ArrayLike<number>): { rows: Int32Array; missing: number } {
    const out = new Int32Array(keys.length);
    let n = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const r = key > 0 && key < this.rowOfKey.length ? this.rowOfKey[key]! : 0;
      if (r > 0) out[n++] = r - 1;
    }
    return { rows: out.subarray(0, n), missing: keys.length - n };
  }

  count(q: CountQuery): CountResult {
    const base = q.base.map((c) => this.matcher(c));
    const filters = q.filters.map((f) => f.any.map((c) => this.matcher(c)));
    const filterOf = new Map(q.filters.map((f, i) => [f.facet, i]));
    const counted = q.facets.map((f) => {
      const column = this.column(f.column);
      return {
        facet: f.facet,
        column,
        own: filterOf.get(f.facet) ?? -1,
        tally: new Int32Array(column.dict.length),
      };
    });
    let total = 0;
    const n = q.rows ? q.rows.length : this.size;
    for (let i = 0; i < n; i++) {
      const r = q.rows ? q.rows[i]! : i;
      let ok = true;
      for (let b = 0; b < base.length && ok; b++) ok = base[b]!(r);
      if (!ok) continue;
      let failed = 0;
      let failedFilter = -1;
      for (let f = 0; f < filters.length && failed < 2; f++) {
        const any = filters[f]!;
        let pass = false;
        for (let c = 0; c < any.length && !pass; c++) pass = any[c]!(r);
        if (!pass) {
          failed++;
          failedFilter = f;
        }
      }
      if (failed === 0) total++;
      else if (failed > 1 || !q.disjunctive) continue;
      for (const c of counted) {
        if (failed === 1 && c.own !== failedFilter) continue;
        const col = c.column;
        if (col.offsets) {
          for (let k = col.offsets[r]!; k < col.offsets[r + 1]!; k++) c.tally[col.ids[k]!]!++;
        } else {
          const id = col.ids[r]!;
          if (id !== 0) c.tally[id]!++;
        }
      }
    }
    const counts = new Map<string, Map<string, number>>();
    for (const c of counted) {
      const values = new Map<string, number>();
      for (let id = 1; id < c.tally.length; id++) {
        if (c.tally[id]! > 0) values.set(c.column.dict[id]!, c.tally[id]!);
      }
      counts.set(c.facet, values);
    }
    return { total, counts };
  }

  private column(name: string): Column {
    const column = this.columns.get(name);
    if (!column) throw new Error(`facet index: no column ${name}`);
    return column;
  }

  /** A row test for a condition: a table of the wanted ids, then one lookup per value of the row. */
  private matcher(c: Condition): (r: number) => boolean {
    const col = this.column(c.column);
    const wanted = new Uint8Array(col.dict.length);
    if (c.prefix) {
      for (let id = 1; id < col.dict.length; id++) {
        if (c.values.some((p) => col.dict[id]!.startsWith(p))) wanted[id] = 1;
      }
    } else {
      for (const v of c.values) {
        const id = col.byValue.get(v);
        if (id !== undefined) wanted[id] = 1;
      }
    }
    const { ids, offsets } = col;
    if (offsets) {
      return (r) => {
        for (let k = offsets[r]!; k < offsets[r + 1]!; k++) if (wanted[ids[k]!]) return true;
        return false;
      };
    }
    return (r) => wanted[ids[r]!] === 1;
  }
}

function buildColumn(kind: ColumnKind, rows: readonly IndexRow[], c: number): Column {
  const dict = [''];
  const byValue = new Map<string, number>();
  const idOf = (v: string) => {
    let id = byValue.get(v);
    if (id === undefined) {
      id = dict.length;
      dict.push(v);
      byValue.set(v, id);
    }
    return id;
  };
  if (kind === 'scalar') {
    const raw = rows.map((row) => {
      const v = row.values[c];
      return typeof v === 'string' ? idOf(v) : 0;
    });
    return {
      kind,
      dict,
      byValue,
      ids: dict.length <= 0xffff ? Uint16Array.from(raw) : Uint32Array.from(raw),
      offsets: null,
    };
  }
  const offsets = new Int32Array(rows.length + 1);
  const flat: number[] = [];
  rows.forEach((row, r) => {
    const v = row.values[c];
    // A value twice in one row counts once.
    const seen = new Set<number>();
    for (const item of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
      const id = idOf(item);
      if (!seen.has(id)) {
        seen.add(id);
        flat.push(id);
      }
    }
    offsets[r + 1] = flat.length;
  });
  return {
    kind,
    dict,
    byValue,
    ids: dict.length <= 0xffff ? Uint16Array.from(flat) : Uint32Array.from(flat),
    offsets,
  };
}
