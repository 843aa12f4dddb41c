import { scheduleMeetings, validateInstance } from '../core/scheduler/index.ts';

/**
 * `nexum schedule FILE`: prints the solution as JSON on stdout. An invalid instance prints its problems
 * on stderr and returns exit status 2 (docs/formats/meeting-schedule.md).
 */
type Sink = { write(text: string): unknown };

export function runScheduleCommand(
  input: unknown,
  out: Sink = process.stdout,
  err: Sink = process.stderr,
): number {
  const v = validateInstance(input);
  if (!v.ok) {
    err.write(`invalid instance:\n${v.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 2;
  }
  out.write(`${JSON.stringify(scheduleMeetings(v.instance), null, 2)}\n`);
  return 0;
}
