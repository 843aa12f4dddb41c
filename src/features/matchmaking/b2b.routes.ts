import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPrivateFile } from '../../server/http/download.ts';
import { errorBodySchema } from '../../server/http/errors.ts';
import {
  acceptBody,
  b2bEventParams,
  b2bOverviewSchema,
  b2bRequestParams,
  blockedBody,
  dashboardSchema,
  meetingListSchema,
  meetingSchema,
  outcomeBody,
  participantListSchema,
  participantSchema,
  participantsQuery,
  previewBody,
  profileBody,
  publishBody,
  requestBody,
  requestListSchema,
  requestSchema,
  scheduleRunSchema,
  settingsBody,
  tablePlanSchema,
} from './b2b.schemas.ts';
import type { B2bService } from './b2b.service.ts';
import type { MeetingsService } from './meetings.service.ts';
import type { ScheduleService } from './schedule.service.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
const pdf = z.string().meta({ format: 'binary' }).describe('application/pdf');
const sendPdf = (reply: FastifyReply, bytes: Buffer, name: string) =>
  sendPrivateFile(reply, { bytes, fileName: name, type: 'application/pdf' }, 'inline');

export interface B2bDeps {
  b2b: B2bService;
  b2bSchedule: ScheduleService;
  b2bMeetings: MeetingsService;
}

/** B2B matchmaking of an event: /api/v1/events/{id}/b2b/… (docs/b2b.md). */
export function b2bRoutes(app: FastifyInstance, deps: B2bDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['B2B meetings'];
  const base = '/api/v1/events/:id/b2b';
  const { b2b, b2bSchedule: sched, b2bMeetings: meetings } = deps;
  const params = b2bEventParams;
  const reqParams = b2bRequestParams;

  r.get(base, {
    schema: {
      operationId: 'getB2b',
      tags,
      summary: 'The event’s B2B set-up for the caller: mode, slots and their own availability, opt-in',
      params,
      response: { 200: b2bOverviewSchema, ...errors },
    },
    handler: async (req) => b2b.overview(req.actor, req.params.id),
  });
  r.put(`${base}/profile`, {
    schema: {
      operationId: 'setB2bProfile',
      tags,
      summary: 'Opt in to B2B meetings, or update the event profile (confirmed participants)',
      params,
      body: profileBody,
      response: { 200: participantSchema, ...errors },
    },
    handler: async (req) => b2b.setProfile(req.actor, req.params.id, req.body),
  });
  r.delete(`${base}/profile`, {
    schema: {
      operationId: 'optOutOfB2b',
      tags,
      summary: 'Opt out: no longer listed nor requested (requests and meetings stay)',
      params,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await b2b.optOut(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  });
  r.get(`${base}/participants`, {
    schema: {
      operationId: 'listB2bParticipants',
      tags,
      summary: 'Opted-in participants, filtered by category, country, ecosystem and free text',
      params,
      querystring: participantsQuery,
      response: { 200: participantListSchema, ...errors },
    },
    handler: async (req) => b2b.participants(req.actor, req.params.id, req.query),
  });
  r.get(`${base}/requests`, {
    schema: {
      operationId: 'listB2bRequests',
      tags,
      summary: 'The caller’s incoming and outgoing meeting requests',
      params,
      response: { 200: requestListSchema, ...errors },
    },
    handler: async (req) => b2b.requests(req.actor, req.params.id),
  });
  r.post(`${base}/requests`, {
    schema: {
      operationId: 'createB2bRequest',
      tags,
      summary: 'Ask an opted-in participant for a meeting, with a message, an optional expiry and colleagues',
      params,
      body: requestBody,
      response: { 201: requestSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await b2b.createRequest(req.actor, req.params.id, req.body)),
  });
  r.post(`${base}/requests/:requestId/accept`, {
    schema: {
      operationId: 'acceptB2bRequest',
      tags,
      summary: 'Accept a request (addressee); in first-come mode with the slot the meeting takes',
      params: reqParams,
      body: acceptBody,
      response: { 200: requestSchema, ...errors },
    },
    handler: async (req) => b2b.accept(req.actor, req.params.id, req.params.requestId, req.body),
  });
  r.post(`${base}/requests/:requestId/decline`, {
    schema: {
      operationId: 'declineB2bRequest',
      tags,
      summary: 'Decline a request (addressee)',
      params: reqParams,
      response: { 200: requestSchema, ...errors },
    },
    handler: async (req) => b2b.decline(req.actor, req.params.id, req.params.requestId),
  });
  r.post(`${base}/requests/:requestId/withdraw`, {
    schema: {
      operationId: 'withdrawB2bRequest',
      tags,
      summary: 'Withdraw a request (requester); a scheduled meeting is cancelled',
      params: reqParams,
      response: { 200: requestSchema, ...errors },
    },
    handler: async (req) => b2b.withdraw(req.actor, req.params.id, req.params.requestId),
  });
  r.post(`${base}/requests/:requestId/team/accept`, {
    schema: {
      operationId: 'acceptB2bTeamInvitation',
      tags,
      summary:
        'Accept being invited to a meeting as a colleague; booked into its slot if it has one and you are free',
      params: reqParams,
      response: { 200: requestSchema, ...errors },
    },
    handler: async (req) => b2b.answerTeam(req.actor, req.params.id, req.params.requestId, 'accepted'),
  });
  r.post(`${base}/requests/:requestId/team/decline`, {
    schema: {
      operationId: 'declineB2bTeamInvitation',
      tags,
      summary: 'Decline being invited to a meeting as a colleague',
      params: reqParams,
      response: { 200: requestSchema, ...errors },
    },
    handler: async (req) => b2b.answerTeam(req.actor, req.params.id, req.params.requestId, 'declined'),
  });
  r.post(`${base}/requests/:requestId/leave`, {
    schema: {
      operationId: 'leaveB2bMeeting',
      tags,
      summary:
        'Leave a meeting: a colleague leaves its team (the meeting stays); the requester or the addressee leaving cancels it',
      params: reqParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await b2b.leave(req.actor, req.params.id, req.params.requestId);
      return reply.status(204).send(null);
    },
  });
  r.put(`${base}/requests/:requestId/outcome`, {
    schema: {
      operationId: 'recordB2bOutcome',
      tags,
      summary: 'Record what came of a meeting (people in it, once it has started)',
      params: reqParams,
      body: outcomeBody,
      response: { 200: meetingSchema, ...errors },
    },
    handler: async (req) => meetings.recordOutcome(req.actor, req.params.id, req.params.requestId, req.body),
  });
  r.put(`${base}/blocked`, {
    schema: {
      operationId: 'setB2bBlockedSlots',
      tags,
      summary: 'The slots in which the caller does not want meetings (replaces the list)',
      params,
      body: blockedBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await b2b.setBlocked(req.actor, req.params.id, req.body.slots);
      return reply.status(204).send(null);
    },
  });
  r.get(`${base}/meetings`, {
    schema: {
      operationId: 'listMyB2bMeetings',
      tags,
      summary: 'The caller’s scheduled meetings: time, table, partners, message',
      params,
      response: { 200: meetingListSchema, ...errors },
    },
    handler: async (req) => meetings.mine(req.actor, req.params.id),
  });
  r.get(`${base}/meetings.pdf`, {
    schema: {
      operationId: 'myB2bMeetingsPdf',
      tags,
      summary: 'The caller’s meetings as a PDF',
      params,
      response: { 200: pdf, ...errors },
    },
    handler: async (req, reply) =>
      sendPdf(reply, await meetings.pdf(req.actor, req.params.id), 'my-meetings.pdf'),
  });
  r.put(`${base}/settings`, {
    schema: {
      operationId: 'setB2bSettings',
      tags,
      summary: 'Choose how meetings get slots: first come (on accept) or the scheduler (organisers)',
      params,
      body: settingsBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await b2b.setMode(req.actor, req.params.id, req.body.mode);
      return reply.status(204).send(null);
    },
  });
  r.get(`${base}/dashboard`, {
    schema: {
      operationId: 'getB2bDashboard',
      tags,
      summary:
        'Requests, meetings, load, participants without meetings, unscheduled with reasons (organisers)',
      params,
      response: { 200: dashboardSchema, ...errors },
    },
    handler: async (req) => sched.dashboard(req.actor, req.params.id),
  });
  r.post(`${base}/schedule/preview`, {
    schema: {
      operationId: 'previewB2bSchedule',
      tags,
      summary: 'Run the scheduler over all accepted requests; participants see nothing yet (organisers)',
      params,
      body: previewBody,
      response: { 200: scheduleRunSchema, ...errors },
    },
    handler: async (req) => sched.preview(req.actor, req.params.id, req.body.allowMoves),
  });
  r.post(`${base}/schedule/publish`, {
    schema: {
      operationId: 'publishB2bSchedule',
      tags,
      summary: 'Publish the latest preview: its meetings replace the published ones (organisers)',
      params,
      body: publishBody,
      response: { 200: scheduleRunSchema, ...errors },
    },
    handler: async (req) => sched.publish(req.actor, req.params.id, req.body.runId),
  });
  r.get(`${base}/table-plan`, {
    schema: {
      operationId: 'getB2bTablePlan',
      tags,
      summary: 'Per slot: table → participants (organisers)',
      params,
      response: { 200: tablePlanSchema, ...errors },
    },
    handler: async (req) => sched.tablePlan(req.actor, req.params.id),
  });
  r.get(`${base}/table-plan.pdf`, {
    schema: {
      operationId: 'b2bTablePlanPdf',
      tags,
      summary: 'The table plan as a printable PDF (organisers)',
      params,
      response: { 200: pdf, ...errors },
    },
    handler: async (req, reply) =>
      sendPdf(reply, await sched.tablePlanPdf(req.actor, req.params.id), 'table-plan.pdf'),
  });
}
