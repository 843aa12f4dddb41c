import { z } from 'zod';
import { criteriaSchema, criterionSchema } from '../calls/calls.schemas.ts';

const dateTime = z.iso
  .datetime({ offset: true, message: 'An ISO 8601 date-time with offset' })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 2000 && year <= 2200;
  }, 'A date between the years 2000 and 2200');

export const pitchCallSchema = z
  .object({
    eventId: z.uuid(),
    description: z.string(),
    criteria: z.array(criterionSchema),
    opensAt: z.string().nullable().describe('ISO 8601 instant; null: open from the start'),
    closesAt: z.string().nullable().describe('ISO 8601 instant; submissions, edits and withdrawals end then'),
    acceptingSubmissions: z.boolean(),
    canManage: z.boolean().describe('The event’s organisers: the call, decisions, placement, ranking'),
    canJudge: z.boolean().describe('Jurors and organisers score submissions'),
  })
  .meta({ id: 'PitchCall' });

export const putPitchCallBody = z
  .object({
    description: z.string().max(20_000).default(''),
    criteria: criteriaSchema,
    opensAt: dateTime.nullable().default(null),
    closesAt: dateTime.nullable().default(null),
  })
  .refine((v) => !v.opensAt || !v.closesAt || Date.parse(v.closesAt) > Date.parse(v.opensAt), {
    message: 'The call must close after it opens',
    path: ['closesAt'],
  });

const httpsUrl = z.url({ protocol: /^https$/, message: 'An https:// address' }).max(500);

const pitchFields = z.object({
  kind: z.enum(['startup', 'project']),
  title: z.string().trim().min(1).max(300),
  summary: z.string().max(5000).default(''),
  organisationId: z.uuid().nullable().default(null),
  videoUrl: z
    .union([httpsUrl, z.literal('')])
    .nullable()
    .default(null),
  presenterPersonId: z.uuid().nullable().default(null),
});
export const createPitchBody = pitchFields;
export const updatePitchBody = z
  .object({
    kind: z.enum(['startup', 'project']),
    title: z.string().trim().min(1).max(300),
    summary: z.string().max(5000),
    organisationId: z.uuid().nullable(),
    videoUrl: z.union([httpsUrl, z.literal('')]).nullable(),
    presenterPersonId: z.uuid().nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');

export const pitchParams = z.object({ id: z.uuid() });

export const pitchSchema = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    kind: z.enum(['startup', 'project']),
    title: z.string(),
    summary: z.string(),
    organisation: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
    /** Only for the submitter, the jury and the organisers. */
    deck: z
      .object({ url: z.string(), fileName: z.string().nullable(), byteSize: z.number().int() })
      .nullable(),
    videoUrl: z.string().nullable(),
    presenter: z.object({ id: z.uuid(), slug: z.string(), fullName: z.string() }).nullable(),
    status: z.enum(['submitted', 'accepted', 'rejected', 'withdrawn']),
    session: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
    position: z.number().int(),
    sample: z.boolean(),
    createdAt: z.string(),
    canEdit: z.boolean().describe('The submitter may still edit, replace the deck or withdraw'),
  })
  .meta({ id: 'Pitch' });

export const pitchListSchema = z.object({ items: z.array(pitchSchema) });

const scoreMap = z.record(z.string(), z.number().int().min(0).max(10));

export const juryPitchSchema = pitchSchema
  .extend({
    myScore: z.object({ scores: scoreMap, comment: z.string() }).nullable(),
    /** Organisers only (null for jurors): the ranking and every juror's scores. */
    ranking: z
      .object({
        rank: z.number().int().nullable(),
        score: z.number().nullable(),
        reviewCount: z.number().int(),
        criterionAverages: z.record(z.string(), z.number()),
        scores: z.array(
          z.object({
            juror: z.object({ id: z.uuid(), name: z.string() }),
            scores: scoreMap,
            comment: z.string(),
            weightedScore: z.number(),
          }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'JuryPitch' });

export const juryListSchema = z.object({
  items: z.array(juryPitchSchema),
  /** The event's pitching sessions, where accepted pitches can be placed (organisers). */
  sessions: z.array(z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), endsAt: z.string() })),
});

export const scorePitchBody = z.object({
  scores: scoreMap.describe('A score 0..10 for every criterion key of the pitch call'),
  comment: z.string().max(5000).default(''),
});

export const pitchDecisionBody = z.object({
  status: z.enum(['accepted', 'rejected', 'submitted']).describe('"submitted" undoes a decision'),
});

export const pitchPlacementBody = z.object({
  sessionId: z.uuid().nullable().describe('A pitching session of the same event; null takes it out'),
  position: z.number().int().min(0).max(999).default(0),
});

export type PitchCall = z.infer<typeof pitchCallSchema>;
export type Pitch = z.infer<typeof pitchSchema>;
export type JuryPitch = z.infer<typeof juryPitchSchema>;
