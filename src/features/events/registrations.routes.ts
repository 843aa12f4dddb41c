import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import {
  eventRefParams,
  listRegistrationsQuery,
  registerBody,
  registrationListSchema,
  registrationParams,
  registrationSchema,
  registrationSettingsBody,
  registrationStateSchema,
  updateRegistrationBody,
} from './registrations.schemas.ts';
import type { RegistrationsService } from './registrations.service.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** Registration for events: the participant's own registration, and the organisers' list and decisions. */
export function registrationsRoutes(
  app: FastifyInstance,
  deps: { registrations: RegistrationsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Registrations'];
  const s = deps.registrations;

  r.get('/api/v1/events/:id/registration', {
    schema: {
      operationId: 'getRegistrationState',
      tags,
      summary: 'Whether registration is open, seats taken, and your own registration (if signed in)',
      params: eventRefParams,
      response: { 200: registrationStateSchema, ...errors },
    },
    handler: async (req) => s.state(req.actor, req.params.id),
  });
  r.post('/api/v1/events/:id/registrations', {
    schema: {
      operationId: 'registerForEvent',
      tags,
      summary: 'Register for a published event: confirmed while seats last, then waiting list',
      description:
        'With organiser approval the registration starts pending. 409 with details.reason: draft, cancelled, past, not_yet_open, closed, already_registered or rejected.',
      params: eventRefParams,
      body: registerBody,
      response: { 201: registrationSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.register(req.actor, req.params.id, req.body)),
  });
  r.get('/api/v1/events/:id/registrations', {
    schema: {
      operationId: 'listRegistrations',
      tags,
      summary: 'Every registration of the event, by name, with counts (organisers)',
      params: eventRefParams,
      querystring: listRegistrationsQuery,
      response: { 200: registrationListSchema, ...errors },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.list(req.actor, req.params.id, f, page, pageSize);
    },
  });
  r.put('/api/v1/events/:id/registration-settings', {
    schema: {
      operationId: 'updateRegistrationSettings',
      tags,
      summary: 'Capacity, organiser approval and registration window (organisers)',
      description: 'Raising the capacity (or removing it) promotes from the waiting list at once.',
      params: eventRefParams,
      body: registrationSettingsBody,
      response: { 200: registrationStateSchema, ...errors },
    },
    handler: async (req) => s.settings(req.actor, req.params.id, req.body),
  });
  r.get('/api/v1/events/:id/registrations/export.csv', {
    schema: {
      operationId: 'exportParticipants',
      tags,
      summary: 'Confirmed participants as CSV, with only consented fields (organisers)',
      description:
        'Columns: name, organisation, category, country, email. The e-mail is filled only for participants who agreed to share their contact details.',
      params: eventRefParams,
      response: { 200: z.string().describe('text/csv; charset=utf-8'), ...errors },
    },
    handler: async (req, reply) => {
      const { csv, slug } = await s.exportCsv(req.actor, req.params.id);
      return reply
        .header('Content-Disposition', `attachment; filename="${slug}-participants.csv"`)
        .header('Cache-Control', 'private, no-store')
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  });
  r.get('/api/v1/registrations/:id', {
    schema: {
      operationId: 'getRegistration',
      tags,
      summary: 'One registration (its participant, or the event’s organisers)',
      params: registrationParams,
      response: { 200: registrationSchema, ...errors },
    },
    handler: async (req) => s.get(req.actor, req.params.id),
  });
  r.patch('/api/v1/registrations/:id', {
    schema: {
      operationId: 'updateRegistration',
      tags,
      summary: 'Change your answers and consents (the participant only)',
      params: registrationParams,
      body: updateRegistrationBody,
      response: { 200: registrationSchema, ...errors },
    },
    handler: async (req) => s.update(req.actor, req.params.id, req.body),
  });
  for (const [action, summary] of [
    ['cancel', 'Cancel (the participant or organisers); the seat goes to the first on the waiting list'],
    [
      'approve',
      'Approve a pending registration: confirmed if a seat is free, else waiting list (organisers)',
    ],
    ['reject', 'Decline a pending or waitlisted registration (organisers)'],
  ] as const) {
    r.post(`/api/v1/registrations/:id/${action}`, {
      schema: {
        operationId: `${action}Registration`,
        tags,
        summary,
        params: registrationParams,
        response: { 200: registrationSchema, ...errors },
      },
      handler: async (req) => s[action](req.actor, req.params.id),
    });
  }
}
