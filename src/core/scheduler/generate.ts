import { mulberry32 } from './random.ts';
import type { Instance, Meeting, Participant, Slot } from './types.ts';

export interface GenerateOptions {
  participants: number;
  /** Accepted meeting requests to produce (fewer if the caps make more impossible). */
  requests: number;
  days: number;
  slotsPerDay: number;
  tables: number;
  seed?: number;
  /** Zipf exponent of participant popularity (0 = uniform). Default 0.8. */
  zipf?: number;
  /** Mean share of slots a participant is away for, spread 0.5x..1.5x. Default 0.15. */
  unavailableShare?: number;
  /** Share of meetings with a third participant (a colleague). Default 0.05. */
  threePersonShare?: number;
  /** Most accepted requests one participant may have. Default 1.5 x slots. */
  maxPerParticipant?: number;
  /** Minutes per slot. Default 30. */
  slotMinutes?: number;
}

/**
 * Deterministic, realistic B2B event: a few very popular participants (Zipf), absences as
 * contiguous blocks (arriving late, leaving early, a second day skipped), priorities mostly 1.
 */
export function generateInstance(opts: GenerateOptions): Instance {
  const rand = mulberry32(opts.seed ?? 1);
  const zipf = opts.zipf ?? 0.8;
  const away = opts.unavailableShare ?? 0.15;
  const threeShare = opts.threePersonShare ?? 0.05;
  const minutes = opts.slotMinutes ?? 30;
  const slots: Slot[] = [];
  for (let d = 0; d < opts.days; d++) {
    const day = new Date(Date.UTC(2026, 4, 12 + d, 9, 0, 0));
    for (let k = 0; k < opts.slotsPerDay; k++) {
      const start = new Date(day.getTime() + k * minutes * 60_000);
      const end = new Date(start.getTime() + minutes * 60_000);
      slots.push({
        id: `d${d + 1}s${String(k + 1).padStart(2, '0')}`,
        start: start.toISOString(),
        end: end.toISOString(),
        tables: opts.tables,
      });
    }
  }
  const S = slots.length;
  const width = String(opts.participants).length;
  const participants: Participant[] = [];
  for (let i = 0; i < opts.participants; i++) {
    const share = away * (0.5 + rand());
    let missing = Math.round(share * S);
    const unavailable = new Set<string>();
    // One or two contiguous absences, each inside one day.
    const pieces = missing > 3 && rand() < 0.4 ? 2 : 1;
    for (let piece = 0; piece < pieces && missing > 0; piece++) {
      const len = Math.min(opts.slotsPerDay, pieces === 2 ? Math.ceil(missing / 2) : missing);
      const d = Math.floor(rand() * opts.days);
      const atStart = rand() < 0.5;
      const first = atStart ? 0 : opts.slotsPerDay - len;
      for (let k = first; k < first + len; k++) unavailable.add(slots[d * opts.slotsPerDay + k]!.id);
      missing -= len;
    }
    participants.push({ id: `p${String(i + 1).padStart(width, '0')}`, unavailable: [...unavailable] });
  }
  // Popularity: Zipf over a random ranking; demand to meet others is closer to uniform.
  const rank = participants.map((_, i) => i);
  for (let i = rank.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const cumulative = new Float64Array(opts.participants);
  let total = 0;
  for (let r = 0; r < opts.participants; r++) {
    total += 1 / (r + 1) ** zipf;
    cumulative[r] = total;
  }
  const pickPopular = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return rank[lo]!;
  };
  const cap = opts.maxPerParticipant ?? Math.round(1.5 * S);
  const load = new Int32Array(opts.participants);
  const pairs = new Set<number>();
  const meetings: Meeting[] = [];
  const mwidth = String(opts.requests).length;
  let attempts = 0;
  while (meetings.length < opts.requests && attempts < opts.requests * 50) {
    attempts++;
    const a = Math.floor(rand() * opts.participants);
    const b = pickPopular();
    if (a === b || load[a]! >= cap || load[b]! >= cap) continue;
    const key = Math.min(a, b) * opts.participants + Math.max(a, b);
    if (pairs.has(key)) continue;
    pairs.add(key);
    const ids = [a, b];
    if (rand() < threeShare) {
      const c = Math.floor(rand() * opts.participants);
      if (c !== a && c !== b && load[c]! < cap) ids.push(c);
    }
    for (const p of ids) load[p]!++;
    const roll = rand();
    const priority = roll < 0.08 ? 3 : roll < 0.3 ? 2 : 1;
    meetings.push({
      id: `m${String(meetings.length + 1).padStart(mwidth, '0')}`,
      participants: ids.map((p) => participants[p]!.id),
      priority,
    });
  }
  return { slots, participants, meetings, pinned: [] };
}
