export { type BoundOptions, type BoundReport, upperBound } from './bounds.ts';
export { checkSolution } from './check.ts';
export { exactSchedule } from './exact.ts';
export { firstCome } from './firstCome.ts';
export { type GenerateOptions, generateInstance } from './generate.ts';
export { scheduleMeetings } from './schedule.ts';
export type {
  Assignment,
  Instance,
  Meeting,
  Participant,
  Pinned,
  ScheduleOptions,
  ScheduleStats,
  Slot,
  Solution,
  Unscheduled,
  UnscheduledCode,
} from './types.ts';
export { type ValidationResult, validateInstance } from './validate.ts';
