import { z } from 'zod';

const slugOrId = z.string().min(1).max(120);
export const b2bEventParams = z.object({ id: slugOrId });
export const b2bRequestParams = z.object({ id: slugOrId, requestId: z.uuid() });

export const b2bModeSchema = z.enum(['first_come', 'scheduler']);
export const requestStatusSchema = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'expired']);
/** A colleague's answer to being invited to a meeting: only an accepted one is in it. */
export const teamStatusSchema = z.enum(['pending', 'accepted', 'declined']);
export const outcomeSchema = z.enum(['held', 'no_show', 'follow_up', 'cooperation']);
export const categorySchema = z.enum(['cluster', 'policymaker', 'company', 'startup', 'research', 'other']);
/** A slot: `<sessionId>@<ISO start>` (see slots.ts). */
export const slotKeySchema = z
  .string()
  .regex(/^[0-9a-f-]{36}@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'A slot key: <sessionId>@<ISO start>');

/** The most people one meeting can hold: the scheduler's limit (docs/formats/meeting-schedule.md). */
export const MAX_MEETING_PARTICIPANTS = 3;

export const slotSchema = z
  .object({
    key: z.string(),
    sessionId: z.uuid(),
    sessionTitle: z.string(),
    room: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    tables: z.number().int(),
  })
  .meta({ id: 'B2bSlot' });

export const participantSchema = z
  .object({
    registrationId: z.uuid(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    category: categorySchema,
    countryCode: z.string().nullable(),
    organisation: z
      .object({ id: z.uuid(), slug: z.string(), name: z.string(), ecosystems: z.array(z.string()) })
      .nullable(),
    offer: z.string(),
    seek: z.string(),
    sample: z.boolean(),
  })
  .meta({ id: 'B2bParticipant' });
export type B2bParticipant = z.infer<typeof participantSchema>;

const personRef = z.object({
  registrationId: z.uuid(),
  name: z.string(),
  organisationName: z.string().nullable(),
});

export const b2bOverviewSchema = z
  .object({
    event: z.object({
      id: z.uuid(),
      slug: z.string(),
      title: z.string(),
      timeZone: z.string(),
      mode: b2bModeSchema,
      canEdit: z.boolean(),
    }),
    me: z
      .object({
        registrationId: z.uuid(),
        optedIn: z.boolean(),
        profile: participantSchema.nullable(),
        /**
         * Other users of the caller's B2B organisation who opted in at the event: the colleagues the
         * caller may invite to a meeting (empty unless the caller is a user of that organisation).
         */
        colleagues: z.array(personRef),
      })
      .nullable()
      .describe('null: the caller has no confirmed registration for the event'),
    slots: z.array(
      slotSchema.extend({
        /** For the caller: free, blocked by hand, taken by their agenda or by a meeting. */
        mine: z.enum(['free', 'blocked', 'agenda', 'meeting']).nullable(),
      }),
    ),
  })
  .meta({ id: 'B2bOverview' });

export const profileBody = z.object({
  offer: z.string().trim().max(2000).default(''),
  seek: z.string().trim().max(2000).default(''),
  organisationId: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      'An organisation the caller is a user of (403 otherwise). Default: the registration’s, if the caller is one of its users',
    ),
});

export const participantsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: categorySchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  ecosystem: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});
export const participantListSchema = z.object({
  items: z.array(participantSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({ countries: z.array(z.string()), ecosystems: z.array(z.string()) }),
});

export const requestBody = z.object({
  addresseeId: z.uuid({ message: 'The registration id of the participant to meet' }),
  message: z.string().trim().max(1000).default(''),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  /** Users of the requester's organisation invited along: each one joins once they accept. */
  teamIds: z
    .array(z.uuid())
    .max(MAX_MEETING_PARTICIPANTS - 2)
    .default([]),
});
export const acceptBody = z.object({
  /** first_come mode: the slot the meeting takes. */
  slot: slotKeySchema.optional(),
  teamIds: z
    .array(z.uuid())
    .max(MAX_MEETING_PARTICIPANTS - 2)
    .default([]),
});
export const outcomeBody = z.object({
  outcome: outcomeSchema,
  note: z.string().trim().max(1000).default(''),
});
export const blockedBody = z.object({ slots: z.array(slotKeySchema).max(500) });
export const settingsBody = z.object({ mode: b2bModeSchema });

const meetingSlot = z.object({
  sessionId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  table: z.number().int(),
  room: z.string().nullable(),
});

export const requestSchema = z
  .object({
    id: z.uuid(),
    status: requestStatusSchema,
    direction: z
      .enum(['incoming', 'outgoing', 'team'])
      .describe('team: the caller is a colleague invited to the meeting'),
    message: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    requester: personRef,
    addressee: personRef,
    team: z.array(personRef.extend({ side: z.enum(['requester', 'addressee']), status: teamStatusSchema })),
    meeting: meetingSlot.nullable(),
    /** first_come: slots free for everyone in the meeting (only for a pending incoming request). */
    freeSlots: z.array(z.string()),
  })
  .meta({ id: 'B2bRequest' });
export type B2bRequest = z.infer<typeof requestSchema>;
export const requestListSchema = z.object({
  incoming: z.array(requestSchema),
  outgoing: z.array(requestSchema),
  /** Requests the caller is invited to as a colleague, with their own answer in `team`. */
  team: z.array(requestSchema),
});

export const meetingSchema = z
  .object({
    requestId: z.uuid(),
    sessionId: z.uuid(),
    startsAt: z.string(),
    endsAt: z.string(),
    table: z.number().int(),
    room: z.string().nullable(),
    message: z.string(),
    partners: z.array(personRef.extend({ email: z.string().nullable() })),
    myOutcome: outcomeSchema.nullable(),
    myRole: z
      .enum(['requester', 'addressee', 'colleague'])
      .describe('The caller’s place: the requester or addressee leaving cancels the meeting'),
    outcomeOpen: z.boolean().describe('The meeting has started, so an outcome can be recorded'),
  })
  .meta({ id: 'B2bMeeting' });
export type B2bMeeting = z.infer<typeof meetingSchema>;
export const meetingListSchema = z.object({ timeZone: z.string(), items: z.array(meetingSchema) });

export const unscheduledSchema = z.object({
  requestId: z.uuid(),
  code: z.string(),
  reason: z.string(),
  participants: z.array(personRef),
});
export const runStatsSchema = z.object({
  scheduled: z.number(),
  weight: z.number(),
  upperBound: z.number(),
  ms: z.number(),
  unscheduled: z.number(),
  participantsWithoutMeetings: z.number(),
  standbyBlocks: z.number(),
  firstComeWeight: z.number().optional(),
  pinned: z.number().int(),
  moved: z.number().int().describe('Published meetings this run puts elsewhere'),
});
export const scheduleRunSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    allowMoves: z.boolean(),
    publishedAt: z.string().nullable(),
    stale: z.boolean().describe('Requests, slots or availability changed since this run'),
    stats: runStatsSchema,
    unscheduled: z.array(unscheduledSchema),
  })
  .meta({ id: 'B2bScheduleRun' });
export type ScheduleRun = z.infer<typeof scheduleRunSchema>;
export const previewBody = z.object({ allowMoves: z.boolean().default(false) });
export const publishBody = z.object({ runId: z.uuid() });

/** What a run stores in b2b_schedule_runs.result. */
export interface ScheduleRunResult {
  assignments: { requestId: string; sessionId: string; startsAt: string; endsAt: string; table: number }[];
  unscheduled: { requestId: string; code: string; reason: string }[];
  stats: z.infer<typeof runStatsSchema>;
}

export const dashboardSchema = z
  .object({
    mode: b2bModeSchema,
    optedIn: z.number().int(),
    requests: z.object({
      pending: z.number().int(),
      accepted: z.number().int(),
      declined: z.number().int(),
      withdrawn: z.number().int(),
      expired: z.number().int(),
    }),
    scheduled: z.number().int(),
    slots: z.number().int(),
    tables: z.number().int(),
    outcomes: z.object({
      held: z.number().int(),
      no_show: z.number().int(),
      follow_up: z.number().int(),
      cooperation: z.number().int(),
    }),
    load: z.array(
      personRef.extend({ sent: z.number().int(), received: z.number().int(), scheduled: z.number().int() }),
    ),
    withoutMeetings: z.array(personRef),
    unscheduled: z.array(unscheduledSchema),
    lastRun: scheduleRunSchema.nullable(),
  })
  .meta({ id: 'B2bDashboard' });

export const tablePlanSchema = z
  .object({
    timeZone: z.string(),
    slots: z.array(
      slotSchema.extend({
        meetings: z.array(z.object({ table: z.number().int(), participants: z.array(personRef) })),
      }),
    ),
  })
  .meta({ id: 'B2bTablePlan' });
export type TablePlan = z.infer<typeof tablePlanSchema>;
