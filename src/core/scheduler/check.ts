import type { Instance, Solution } from './types.ts';

/**
 * Independent check of a solution against its instance (shares no code with the solver):
 * returns every violated rule, empty when the schedule is valid.
 */
export function checkSolution(instance: Instance, solution: Solution): string[] {
  const errors: string[] = [];
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  const meetings = new Map(instance.meetings.map((m) => [m.id, m]));
  const away = new Map(instance.participants.map((p) => [p.id, new Set(p.unavailable)]));
  const seen = new Set<string>();
  const table = new Set<string>();
  const person = new Map<string, { meeting: string; slot: string; start: number; end: number }[]>();
  let weight = 0;
  for (const a of solution.assignments) {
    const m = meetings.get(a.meeting);
    const slot = slots.get(a.slot);
    if (!m || !slot) {
      errors.push(`assignment of unknown meeting '${a.meeting}' or slot '${a.slot}'`);
      continue;
    }
    if (seen.has(a.meeting)) errors.push(`meeting '${a.meeting}' is scheduled twice`);
    seen.add(a.meeting);
    weight += m.priority;
    if (!Number.isInteger(a.table) || a.table < 1 || a.table > slot.tables)
      errors.push(
        `meeting '${a.meeting}' at table ${a.table}, slot '${a.slot}' has tables 1..${slot.tables}`,
      );
    const tk = `${a.slot}|${a.table}`;
    if (table.has(tk)) errors.push(`table ${a.table} of slot '${a.slot}' is used twice`);
    table.add(tk);
    for (const p of m.participants) {
      if (away.get(p)?.has(a.slot))
        errors.push(`participant '${p}' is unavailable in slot '${a.slot}' (meeting '${a.meeting}')`);
      const list = person.get(p) ?? [];
      list.push({
        meeting: a.meeting,
        slot: a.slot,
        start: Date.parse(slot.start),
        end: Date.parse(slot.end),
      });
      person.set(p, list);
    }
  }
  // Nobody is in two meetings at once: compared over time, since slots of parallel sessions overlap.
  for (const [p, list] of person) {
    list.sort((x, y) => x.start - y.start);
    let latest = list[0];
    for (const cur of list.slice(1)) {
      if (latest && cur.start < latest.end)
        errors.push(
          `participant '${p}' has meetings '${latest.meeting}' (slot '${latest.slot}') and '${cur.meeting}' (slot '${cur.slot}') at the same time`,
        );
      if (!latest || cur.end > latest.end) latest = cur;
    }
  }
  for (const pin of instance.pinned) {
    const a = solution.assignments.find((x) => x.meeting === pin.meeting);
    if (!a || a.slot !== pin.slot || a.table !== pin.table)
      errors.push(`pinned meeting '${pin.meeting}' is not at slot '${pin.slot}', table ${pin.table}`);
  }
  const listed = new Set(solution.unscheduled.map((u) => u.meeting));
  for (const m of instance.meetings) {
    if (!seen.has(m.id) && !listed.has(m.id))
      errors.push(`meeting '${m.id}' is neither scheduled nor listed as unscheduled`);
  }
  for (const u of solution.unscheduled)
    if (!u.reason) errors.push(`unscheduled meeting '${u.meeting}' has no reason`);
  if (Math.abs(weight - solution.stats.weight) > 1e-6)
    errors.push(`stats.weight ${solution.stats.weight} != ${weight}`);
  if (solution.stats.upperBound < weight - 1e-6)
    errors.push(`stats.upperBound ${solution.stats.upperBound} < weight ${weight}`);
  return errors;
}
