import { z } from 'zod';
import { SESSION_TYPES, type SessionType } from '../../server/db/schema.ts';

export const sessionTypeSchema = z
  .enum(SESSION_TYPES as [SessionType, ...SessionType[]])
  .meta({ id: 'SessionType' });
export const sessionRoleSchema = z
  .enum(['speaker', 'moderator', 'panellist', 'pitcher'])
  .meta({ id: 'SessionRole' });

const instant = z.string().describe('ISO 8601 instant (UTC)');

export const agendaPersonSchema = z.object({
  personId: z.uuid(),
  slug: z.string(),
  fullName: z.string(),
  honorific: z.string().nullable(),
  jobTitle: z.string().nullable(),
  organisationName: z.string().nullable(),
  organisationSlug: z.string().nullable().optional(),
  role: sessionRoleSchema,
});

export const agendaPitchSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['startup', 'project']),
  title: z.string(),
  organisationName: z.string().nullable(),
});

export const agendaSessionSchema = z
  .object({
    id: z.uuid(),
    type: sessionTypeSchema,
    title: z.string(),
    description: z.string(),
    startsAt: instant,
    endsAt: instant,
    room: z.string().nullable(),
    capacity: z.number().int().nullable(),
    b2bSlotMinutes: z.number().int().nullable(),
    b2bTables: z.number().int().nullable(),
    timeIsEstimate: z.boolean(),
    people: z.array(agendaPersonSchema),
    pitches: z.array(agendaPitchSchema),
  })
  .meta({ id: 'AgendaSession' });

export const agendaChangeSchema = z
  .object({
    kind: z.enum(['added', 'removed', 'moved', 'renamed', 'room', 'people', 'details']),
    sessionId: z.uuid(),
    title: z.string(),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .meta({ id: 'AgendaChange' });

/** A published session as participants see it, with live seat counts for sessions that take sign-ups. */
export const publishedSessionSchema = agendaSessionSchema
  .extend({
    seatsLeft: z.number().int().nullable().describe('null: the session takes no sign-ups'),
    signedUp: z.boolean().describe('whether the caller is signed up'),
  })
  .meta({ id: 'PublishedAgendaSession' });

export const publishedAgendaSchema = z
  .object({
    eventId: z.uuid(),
    version: z.number().int().describe('0: nothing published yet'),
    latestVersion: z.number().int(),
    publishedAt: z.string().nullable(),
    timeZone: z.string(),
    sessions: z.array(publishedSessionSchema),
    changes: z.array(agendaChangeSchema).describe('what changed against the previous version'),
    canEdit: z.boolean(),
    canSignUp: z.boolean().describe('the caller has a confirmed registration for the event'),
  })
  .meta({ id: 'PublishedAgenda' });

export const clashSchema = z
  .object({
    kind: z.enum(['person', 'room']),
    sessionIds: z.tuple([z.uuid(), z.uuid()]),
    /** The person in both sessions, or the room used by both. */
    personId: z.uuid().optional(),
    name: z.string(),
  })
  .meta({ id: 'AgendaClash' });

export const draftSessionSchema = agendaSessionSchema
  .extend({ signups: z.number().int().describe('sign-ups of confirmed participants') })
  .meta({ id: 'DraftAgendaSession' });

export const draftAgendaSchema = z
  .object({
    eventId: z.uuid(),
    timeZone: z.string(),
    startsAt: instant,
    endsAt: instant,
    publishedVersion: z.number().int(),
    sessions: z.array(draftSessionSchema),
    warnings: z.array(clashSchema),
    pendingChanges: z.array(agendaChangeSchema).describe('what publishing now would change'),
  })
  .meta({ id: 'DraftAgenda' });

export const sessionSavedSchema = z.object({
  session: draftSessionSchema,
  warnings: z.array(clashSchema).describe('clashes involving this session (warnings, not errors)'),
});

export const versionListSchema = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      publishedAt: z.string(),
      changeCount: z.number().int(),
    }),
  ),
});

const dateTime = z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time with offset' });

export const sessionPeopleBody = z
  .array(z.object({ personId: z.uuid(), role: sessionRoleSchema }))
  .max(100)
  .refine(
    (list) => new Set(list.map((p) => `${p.personId}/${p.role}`)).size === list.length,
    'A person is listed twice with the same role',
  );

const sessionFields = z.object({
  type: sessionTypeSchema,
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000),
  startsAt: dateTime,
  endsAt: dateTime,
  room: z.string().trim().max(200).nullable(),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  b2bSlotMinutes: z.number().int().min(5).max(240).nullable(),
  b2bTables: z.number().int().min(1).max(10_000).nullable(),
  timeIsEstimate: z.boolean(),
  people: sessionPeopleBody,
});

export const createSessionBody = sessionFields.partial().required({
  type: true,
  title: true,
  startsAt: true,
  endsAt: true,
});
export const updateSessionBody = sessionFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export const putSessionPeopleBody = z.object({ people: sessionPeopleBody });

export const sessionParams = z.object({ id: z.string().min(1).max(120), sessionId: z.uuid() });
export const versionParams = z.object({
  id: z.string().min(1).max(120),
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export const peopleSearchQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const peopleSearchSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      fullName: z.string(),
      honorific: z.string().nullable(),
      jobTitle: z.string().nullable(),
      organisationName: z.string().nullable(),
      sample: z.boolean(),
    }),
  ),
});

export const signupSchema = z.object({
  sessionId: z.uuid(),
  signedUp: z.boolean(),
  seatsLeft: z.number().int(),
});

export type AgendaSession = z.infer<typeof agendaSessionSchema>;
export type DraftSession = z.infer<typeof draftSessionSchema>;
export type AgendaClash = z.infer<typeof clashSchema>;
export type PublishedAgenda = z.infer<typeof publishedAgendaSchema>;
export type DraftAgenda = z.infer<typeof draftAgendaSchema>;
export type SessionInput = z.infer<typeof updateSessionBody>;
export type SessionPersonInput = z.infer<typeof sessionPeopleBody>[number];

export const signupListSchema = z.object({
  items: z.array(
    z.object({ name: z.string(), organisationName: z.string().nullable(), signedUpAt: z.string() }),
  ),
});
