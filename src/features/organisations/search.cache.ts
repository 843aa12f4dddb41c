/**
 * Aggregates (facet counts, map counts) of one directory version, keyed by filter: those the database's
 * counters cannot give (words, several facet filters) take milliseconds to tens of milliseconds to count
 * from the rows; until the directory changes (its version moves), they are reused. Entries also expire
 * after `ttlMs`, which bounds the one race the version cannot see (a read during the instant of a
 * commit), and the least recently used go first beyond `maxEntries`.
 */
export class VersionedCache<V> {
  private version: string | null = null;
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly opts: { maxEntries: number; ttlMs: number; now?: () => number } = {
      maxEntries: 500,
      ttlMs: 30_000,
    },
  ) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** Drops everything when the directory's version differs from the one the entries were computed at. */
  sync(version: string): void {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.opts.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: Map order is the recency order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Stores a value computed at `version`, unless the directory has moved on since. */
  set(key: string, value: V, version: string): void {
    if (version !== this.version) return;
    this.entries.set(key, { value, at: this.now() });
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
