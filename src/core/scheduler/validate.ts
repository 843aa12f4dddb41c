import type { Instance, Meeting, Participant, Pinned, Slot } from './types.ts';

export type ValidationResult = { ok: true; instance: Instance } | { ok: false; problems: string[] };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const show = (x: unknown) => (typeof x === 'string' ? `'${x}'` : JSON.stringify(x));

/**
 * Checks an instance read from JSON and names every problem precisely (path and offending id),
 * so an organiser can fix the file. On success returns a normalised copy (priority defaults to 1,
 * pinned to []).
 */
export function validateInstance(input: unknown): ValidationResult {
  const problems: string[] = [];
  if (!isObject(input)) return { ok: false, problems: ['the instance must be a JSON object'] };
  for (const key of ['slots', 'participants', 'meetings'] as const) {
    if (!Array.isArray(input[key])) problems.push(`'${key}' must be an array`);
  }
  if (input.pinned !== undefined && !Array.isArray(input.pinned)) problems.push(`'pinned' must be an array`);
  if (problems.length > 0) return { ok: false, problems };

  const slots: Slot[] = [];
  const slotById = new Map<string, Slot>();
  for (const [i, raw] of (input.slots as unknown[]).entries()) {
    const at = `slots[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    const { id, start, end, tables } = raw;
    if (!isId(id)) {
      problems.push(`${at}.id must be a non-empty string`);
      continue;
    }
    if (slotById.has(id)) {
      problems.push(`duplicate slot id '${id}'`);
      continue;
    }
    const s = Date.parse(String(start));
    const e = Date.parse(String(end));
    if (typeof start !== 'string' || Number.isNaN(s) || !/^\d{4}-\d{2}-\d{2}/.test(start))
      problems.push(`slot '${id}': start ${show(start)} is not an ISO date-time`);
    if (typeof end !== 'string' || Number.isNaN(e))
      problems.push(`slot '${id}': end ${show(end)} is not an ISO date-time`);
    else if (!Number.isNaN(s) && e <= s)
      problems.push(`slot '${id}': end ${end} is not after start ${start}`);
    if (typeof tables !== 'number' || !Number.isInteger(tables) || tables < 1)
      problems.push(`slot '${id}': tables must be an integer >= 1, got ${show(tables)}`);
    const slot = { id, start: String(start), end: String(end), tables: Number(tables) };
    slotById.set(id, slot);
    slots.push(slot);
  }
  // Slots may overlap (parallel sessions with different slot lengths): a participant then meets in
  // at most one of them, which the solver and checkSolution enforce over time.

  const participants: Participant[] = [];
  const participantIds = new Set<string>();
  for (const [i, raw] of (input.participants as unknown[]).entries()) {
    const at = `participants[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    const { id, unavailable = [] } = raw;
    if (!isId(id)) {
      problems.push(`${at}.id must be a non-empty string`);
      continue;
    }
    if (participantIds.has(id)) {
      problems.push(`duplicate participant id '${id}'`);
      continue;
    }
    participantIds.add(id);
    if (!Array.isArray(unavailable)) {
      problems.push(`participant '${id}': unavailable must be an array of slot ids`);
      continue;
    }
    for (const sid of unavailable) {
      if (!isId(sid) || !slotById.has(sid))
        problems.push(`participant '${id}': unknown slot id ${show(sid)} in unavailable`);
    }
    participants.push({ id, unavailable: [...new Set(unavailable.filter(isId))] });
  }

  const meetings: Meeting[] = [];
  const meetingById = new Map<string, Meeting>();
  for (const [i, raw] of (input.meetings as unknown[]).entries()) {
    const at = `meetings[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    const { id, participants: who, priority = 1 } = raw;
    if (!isId(id)) {
      problems.push(`${at}.id must be a non-empty string`);
      continue;
    }
    if (meetingById.has(id)) {
      problems.push(`duplicate meeting id '${id}'`);
      continue;
    }
    if (!Array.isArray(who)) {
      problems.push(`meeting '${id}': participants must be an array of participant ids`);
      continue;
    }
    if (who.length < 2 || who.length > 3)
      problems.push(`meeting '${id}' has ${who.length} participant(s); a meeting needs 2 or 3`);
    for (const pid of who) {
      if (!isId(pid) || !participantIds.has(pid))
        problems.push(`unknown participant id ${show(pid)} in meeting '${id}'`);
    }
    if (new Set(who).size !== who.length) problems.push(`meeting '${id}' lists the same participant twice`);
    if (typeof priority !== 'number' || !Number.isFinite(priority) || priority <= 0)
      problems.push(`meeting '${id}': priority must be a positive number, got ${show(priority)}`);
    const meeting = { id, participants: who.map(String), priority: Number(priority) };
    meetingById.set(id, meeting);
    meetings.push(meeting);
  }

  const pinned: Pinned[] = [];
  for (const [i, raw] of ((input.pinned ?? []) as unknown[]).entries()) {
    const at = `pinned[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    const { meeting, slot, table } = raw;
    if (!isId(meeting) || !meetingById.has(meeting)) {
      problems.push(`${at}: unknown meeting id ${show(meeting)}`);
      continue;
    }
    if (!isId(slot) || !slotById.has(slot)) {
      problems.push(`${at}: unknown slot id ${show(slot)}`);
      continue;
    }
    const tables = slotById.get(slot)!.tables;
    if (typeof table !== 'number' || !Number.isInteger(table) || table < 1 || table > tables) {
      problems.push(`${at}: table ${show(table)} does not exist in slot '${slot}' (1..${tables})`);
      continue;
    }
    pinned.push({ meeting, slot, table });
  }
  checkPins(pinned, meetingById, slotById, participants, problems);

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, instance: { slots, participants, meetings, pinned } };
}

function checkPins(
  pinned: Pinned[],
  meetingById: Map<string, Meeting>,
  slotById: Map<string, Slot>,
  participants: Participant[],
  problems: string[],
): void {
  const away = new Map(participants.map((p) => [p.id, new Set(p.unavailable)]));
  const seenMeeting = new Set<string>();
  const seenTable = new Map<string, string>();
  const seenPerson = new Map<string, { meeting: string; start: number; end: number }[]>();
  for (const pin of pinned) {
    if (seenMeeting.has(pin.meeting)) {
      problems.push(`meeting '${pin.meeting}' is pinned more than once`);
      continue;
    }
    seenMeeting.add(pin.meeting);
    const tableKey = `${pin.slot}\u0000${pin.table}`;
    const other = seenTable.get(tableKey);
    if (other)
      problems.push(
        `pinned meetings '${other}' and '${pin.meeting}' share table ${pin.table} in slot '${pin.slot}'`,
      );
    seenTable.set(tableKey, pin.meeting);
    for (const pid of meetingById.get(pin.meeting)!.participants) {
      if (away.get(pid)?.has(pin.slot))
        problems.push(
          `pinned meeting '${pin.meeting}': participant '${pid}' is unavailable in slot '${pin.slot}'`,
        );
      const slot = slotById.get(pin.slot)!;
      const start = Date.parse(slot.start);
      const end = Date.parse(slot.end);
      const mine = seenPerson.get(pid) ?? [];
      const clash = mine.find((x) => x.start < end && start < x.end);
      if (clash)
        problems.push(
          `pinned meetings '${clash.meeting}' and '${pin.meeting}' both need participant '${pid}' at the same time (slot '${pin.slot}')`,
        );
      mine.push({ meeting: pin.meeting, start, end });
      seenPerson.set(pid, mine);
    }
  }
}
