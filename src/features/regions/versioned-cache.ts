/**
 * Results computed from regional data, kept in memory while the data stay the same: each read asks
 * the database for the data version (one cheap lookup, migration 0016) and rebuilds on a change.
 * Concurrent reads share one build; a failed build is not kept.
 *
 * The counter moves when a write statement runs, a moment before its transaction commits, so a value
 * built just after a move may miss that write. Such values are kept only `settleMs` from the moment
 * the version was first seen, then built once more; `maxAgeMs` bounds every value's life.
 */
export interface VersionedCacheOptions {
  settleMs?: number;
  maxAgeMs?: number;
  /** Entries kept at most; the oldest goes first. */
  maxEntries?: number;
  now?: () => number;
}

const DEFAULT_SETTLE_MS = 5_000;
const DEFAULT_MAX_AGE_MS = 10 * 60_000;

export function versionedCache<V>(version: () => Promise<string>, o: VersionedCacheOptions = {}) {
  const settle = o.settleMs ?? DEFAULT_SETTLE_MS;
  const maxAge = o.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const maxEntries = o.maxEntries ?? 100;
  const now = o.now ?? Date.now;
  const entries = new Map<string, { version: string; expires: number; value: Promise<V> }>();
  let seen = { version: '', since: 0 };

  return {
    async get(key: string, build: () => Promise<V>): Promise<V> {
      const v = await version();
      const t = now();
      if (v !== seen.version) seen = { version: v, since: t };
      const hit = entries.get(key);
      if (hit && hit.version === v && t < hit.expires) return hit.value;
      const expires = t - seen.since < settle ? seen.since + settle : t + maxAge;
      const entry = { version: v, expires, value: build() };
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
export type VersionedCache<V> = ReturnType<typeof versionedCache<V>>;
