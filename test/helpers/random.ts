// Seeded random choices for generated test data: a failing case reproduces with its seed.
import { mulberry32 } from '../../src/core/scheduler/random.ts';

export function seededRandom(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  /** Between min and max distinct items of xs. */
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const n = min + int(max - min + 1);
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(int(pool.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, some };
}
