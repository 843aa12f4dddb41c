import { FREE, type ScheduleState } from './state.ts';

export interface CompactLimits {
  budget: number;
  deadline: number;
}

/**
 * Cuts stand-by time without dropping any meeting: moves a meeting to another slot, or swaps two
 * meetings' slots, whenever that lowers the number of separate runs of meetings its participants
 * have in a day. Table counts per slot never grow, so capacity and availability stay valid.
 */
export function compactStandby(state: ScheduleState, rand: () => number, limits: CompactLimits): number {
  const model = state.model;
  const { S, M, slotPrev, slotNext, parts, pinnedSlot, feasible, avail, overlapping } = model;
  const busy = state.busy;
  const isBusy = (p: number, s: number) => s >= 0 && busy[p * S + s]! >= 0;
  // Change in p's block count when p stops meeting in s and starts meeting in t instead.
  const shift = (p: number, s: number, t: number): number => {
    const i = p * S + s;
    const held = busy[i]!;
    let d = (isBusy(p, slotPrev[s]!) ? 1 : 0) + (isBusy(p, slotNext[s]!) ? 1 : 0) - 1;
    busy[i] = FREE;
    d += 1 - (isBusy(p, slotPrev[t]!) ? 1 : 0) - (isBusy(p, slotNext[t]!) ? 1 : 0);
    busy[i] = held;
    return d;
  };
  const inMeeting = (p: number, m: number) => parts[m]!.includes(p);
  let improved = 0;
  let work = 0;
  const order = Int32Array.from({ length: M }, (_, i) => i);
  for (let pass = 0; pass < 30; pass++) {
    let changes = 0;
    for (let i = M - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    for (const m of order) {
      const s = state.slotOf[m]!;
      if (s < 0 || pinnedSlot[m]! >= 0) continue;
      if (work > limits.budget || ((work & 1023) === 0 && performance.now() > limits.deadline))
        return improved;
      let bestDelta = 0;
      let bestSlot = -1;
      let bestPartner = -1;
      for (const t of feasible[m]!) {
        if (t === s) continue;
        work++;
        if (overlapping[t]!.length > 0 || overlapping[s]!.length > 0) {
          // Where slots overlap, only plain moves, checked by the state's own rule (m itself aside).
          if (state.used[t]! >= model.slotTables[t]!) continue;
          if (!parts[m]!.every((p) => state.freeAt(p, t, m))) continue;
          let delta = 0;
          for (const p of parts[m]!) delta += shift(p, s, t);
          if (delta < bestDelta) {
            bestDelta = delta;
            bestSlot = t;
            bestPartner = -1;
          }
          continue;
        }
        let partner = -1;
        let blocked = false;
        for (const p of parts[m]!) {
          const b = busy[p * S + t]!;
          if (b < 0) continue;
          if (partner >= 0 && partner !== b) blocked = true;
          partner = b;
        }
        if (blocked) continue;
        let delta = 0;
        if (partner < 0) {
          if (state.used[t]! >= model.slotTables[t]!) continue;
          for (const p of parts[m]!) delta += shift(p, s, t);
        } else {
          if (pinnedSlot[partner]! >= 0) continue;
          let ok = true;
          for (const p of parts[partner]!) {
            if (inMeeting(p, m)) continue;
            if (!avail[p * S + s] || busy[p * S + s] !== FREE) ok = false;
          }
          if (!ok) continue;
          for (const p of parts[m]!) if (!inMeeting(p, partner)) delta += shift(p, s, t);
          for (const p of parts[partner]!) if (!inMeeting(p, m)) delta += shift(p, t, s);
        }
        if (delta < bestDelta) {
          bestDelta = delta;
          bestSlot = t;
          bestPartner = partner;
        }
      }
      if (bestSlot < 0) continue;
      if (bestPartner >= 0) {
        state.remove(bestPartner);
        state.move(m, bestSlot);
        state.place(bestPartner, s);
      } else {
        state.move(m, bestSlot);
      }
      improved -= bestDelta;
      changes++;
    }
    if (changes === 0) break;
  }
  return improved;
}
