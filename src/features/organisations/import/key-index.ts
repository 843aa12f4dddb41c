/**
 * Remembers which row first had a key, in 12 bytes per key: a 64-bit hash of the key (two independent
 * 32-bit lanes) and the row number, in typed arrays with open addressing. The import keeps every key of
 * the file to find duplicates; strings would cost ten times as much and grow with the file. Two
 * different keys collide with a probability of about n²/2⁶⁵ (10⁻⁹ for a million keys).
 */
export class KeyIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Int32Array;
  private used = 0;

  constructor(capacity = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.rows = new Int32Array(size);
  }

  get size(): number {
    return this.used;
  }

  /** The row recorded for `key`, or undefined. */
  get(key: string): number | undefined {
    const [h, l] = hash64(key);
    const slot = this.find(h, l);
    return this.rows[slot] ? this.rows[slot] : undefined;
  }

  /** Records `row` (≥ 1) for `key` unless the key is already there. */
  set(key: string, row: number): void {
    if ((this.used + 1) * 2 > this.rows.length) this.grow();
    const [h, l] = hash64(key);
    const slot = this.find(h, l);
    if (this.rows[slot]) return;
    this.hi[slot] = h;
    this.lo[slot] = l;
    this.rows[slot] = row;
    this.used++;
  }

  private find(h: number, l: number): number {
    const mask = this.rows.length - 1;
    let slot = (h ^ (l * 0x9e3779b1)) & mask;
    while (this.rows[slot] && (this.hi[slot] !== h || this.lo[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(rows.length * 2);
    this.lo = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      if (!rows[i]) continue;
      const slot = this.find(hi[i]!, lo[i]!);
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}

/** cyrb53's two 32-bit lanes, unmixed into 53 bits: a 64-bit hash of a string. */
export function hash64(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
