/** Public data shapes of the B2B meeting scheduler (see docs/formats/meeting-schedule.md). */

export interface Slot {
  id: string;
  /** ISO 8601 date-time; the date part (first 10 characters) decides the day. */
  start: string;
  end: string;
  /** Number of tables, so the number of meetings that can run at once in this slot. */
  tables: number;
}

export interface Participant {
  id: string;
  /** Ids of slots in which this participant cannot meet anyone. */
  unavailable: string[];
}

export interface Meeting {
  id: string;
  /** Two or three distinct participant ids. */
  participants: string[];
  /** Positive weight; 1 when omitted. */
  priority: number;
}

export interface Pinned {
  meeting: string;
  slot: string;
  /** Table number, 1-based. */
  table: number;
}

export interface Instance {
  slots: Slot[];
  participants: Participant[];
  meetings: Meeting[];
  pinned: Pinned[];
}

export interface Assignment {
  meeting: string;
  slot: string;
  table: number;
}

export type UnscheduledCode =
  | 'no-common-slot'
  | 'participant-booked'
  | 'tables-full'
  | 'slots-taken'
  | 'not-attempted';

export interface Unscheduled {
  meeting: string;
  /** Stable machine-readable code; `reason` is the English explanation. */
  code: UnscheduledCode;
  reason: string;
}

export interface ScheduleStats {
  scheduled: number;
  /** Sum of the priorities of scheduled meetings (the objective). */
  weight: number;
  /** Proven upper bound on the best possible weight. */
  upperBound: number;
  ms: number;
  unscheduled: number;
  /** Participants with at least one meeting request but no scheduled meeting. */
  participantsWithoutMeetings: number;
  /** Separate runs of consecutive meetings, summed over participants and days. */
  standbyBlocks: number;
  /** Stand-by blocks before the compaction pass (same meetings, other slots). */
  standbyBlocksBeforeCompaction?: number;
  /** Weight the first-come baseline reaches on the same instance. */
  firstComeWeight?: number;
}

export interface Solution {
  assignments: Assignment[];
  unscheduled: Unscheduled[];
  stats: ScheduleStats;
}

export interface ScheduleOptions {
  /** Seed of the deterministic pseudo-random choices; the same seed gives the same schedule. */
  seed?: number;
  /**
   * Safety stop for the improvement phase. The search is bounded by a work budget so results are
   * reproducible; the clock only cuts it short on very large inputs.
   */
  timeLimitMs?: number;
  /** Let already placed meetings move to make room (ejection chains). Default true. */
  allowMoves?: boolean;
  /** Run the stand-by compaction pass. Default true. */
  compact?: boolean;
  /** Also run first-come to report stats.firstComeWeight. Default false. */
  compareFirstCome?: boolean;
}
