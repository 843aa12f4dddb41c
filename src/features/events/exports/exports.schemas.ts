import { z } from 'zod';

export const exportLangQuery = z.object({
  lang: z
    .enum(['en', 'it'])
    .optional()
    .describe('Language of labels (session types, roles); default: the locale cookie, then the account’s'),
});

export const personCalendarParams = z.object({
  id: z.string().min(1).max(120).describe('Event id or slug'),
  personId: z.string().min(1).max(120).describe('Person id or slug'),
});

// Any string: a malformed token is answered like an unknown one (404), never with a hint.
export const calendarFeedParams = z.object({ token: z.string().max(200) });

const frabPerson = z.object({
  id: z.number().int(),
  guid: z.string(),
  name: z.string(),
  public_name: z.string(),
  role: z.string().optional(),
  biography: z.string().nullable(),
});

const frabLink = z.object({ title: z.string(), url: z.string(), type: z.string() });

const frabEvent = z.object({
  id: z.number().int(),
  guid: z.string(),
  date: z.string().describe('Start, ISO 8601 with the event zone’s offset'),
  start: z.string().describe('HH:MM in the event’s zone'),
  duration: z.string().describe('HH:MM'),
  room: z.string(),
  slug: z.string(),
  url: z.string(),
  title: z.string(),
  subtitle: z.string(),
  track: z.string().nullable(),
  type: z.string(),
  language: z.string(),
  abstract: z.string(),
  description: z.string(),
  logo: z.string().nullable(),
  persons: z.array(frabPerson),
  links: z.array(frabLink),
  attachments: z.array(frabLink),
  recording_license: z.string(),
  do_not_record: z.boolean(),
});

export const frabScheduleSchema = z
  .object({
    $schema: z.string(),
    generator: z.object({ name: z.string(), version: z.string() }),
    schedule: z.object({
      url: z.string(),
      version: z.string().describe('The published agenda version ("0": none published)'),
      base_url: z.string(),
      conference: z.object({
        acronym: z.string(),
        title: z.string(),
        start: z.string(),
        end: z.string(),
        daysCount: z.number().int(),
        timeslot_duration: z.string(),
        time_zone_name: z.string(),
        url: z.string(),
        rooms: z.array(z.object({ name: z.string(), guid: z.string() })),
        days: z.array(
          z.object({
            index: z.number().int(),
            date: z.string(),
            day_start: z.string(),
            day_end: z.string(),
            rooms: z.record(z.string(), z.array(frabEvent)),
          }),
        ),
      }),
    }),
  })
  .meta({ id: 'FrabSchedule' });
