import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canApplication, canCall } from './calls.policy.ts';
import { type ApplicationRow, type CallRow, type CallsRepo, HOST_APPLICANT_TYPES } from './calls.repo.ts';
import type { Criterion, HostApplication, HostCall, RankedApplication } from './calls.schemas.ts';
import { rank, type Scores, scoreSheetProblems, weightedScore } from './ranking.ts';
import { regionTimeZone, templateSessions } from './template.ts';

const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });

const iso = (d: Date | string) => new Date(d).toISOString();
const criteriaOf = (call: { criteria: unknown }) => (call.criteria ?? []) as Criterion[];

function accepting(call: { status: string; deadline: Date | string }, now = Date.now()): boolean {
  return call.status === 'open' && now < new Date(call.deadline).getTime();
}

function toCall(c: CallRow, actor: Actor | null) {
  return {
    id: c.id,
    title: c.title,
    body: c.body,
    criteria: criteriaOf(c),
    deadline: iso(c.deadline),
    status: c.status,
    acceptingApplications: accepting(c),
    sample: c.sample,
    canManage: canCall(actor, 'manage'),
  };
}

const ref = (a: ApplicationRow) => ({ organisationId: a.organisation_id, applicantId: a.applicant_id });

function toApplication(a: ApplicationRow, actor: Actor | null): HostApplication {
  return {
    id: a.id,
    callId: a.call_id,
    callTitle: a.call_title,
    organisation: { id: a.organisation_id, slug: a.org_slug, name: a.org_name, type: a.org_type },
    applicant: a.applicant_id && a.applicant_name ? { id: a.applicant_id, name: a.applicant_name } : null,
    region: { code: a.region_code, name: a.region_name, countryCode: a.region_country },
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    theme: a.theme,
    venue: a.venue,
    motivation: a.motivation,
    letter: a.letter_file_id
      ? {
          url: `/api/v1/call-applications/${a.id}/letter`,
          fileName: a.letter_name,
          byteSize: a.letter_size ?? 0,
        }
      : null,
    status: a.status,
    event:
      a.event_id && a.event_slug ? { id: a.event_id, slug: a.event_slug, title: a.event_title ?? '' } : null,
    sample: a.sample,
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
    canEdit:
      canApplication(actor, 'edit', ref(a)) &&
      a.status === 'submitted' &&
      accepting({ status: a.call_status, deadline: a.call_deadline }),
  };
}

export function callsService(repo: CallsRepo) {
  async function readableCall(actor: Actor | null, id: string) {
    const call = await repo.findCall(id);
    if (!call || !canCall(actor, 'read', call)) throw notFound('Call');
    return call;
  }

  async function readableApplication(actor: Actor | null, id: string) {
    if (!actor) throw unauthenticated();
    const a = await repo.findApplication(id);
    if (!a || !canApplication(actor, 'read', ref(a))) throw notFound('Application');
    return { actor, a };
  }

  /** The application its applicant side may still change: submitted, and the call still accepting. */
  async function editableApplication(actor: Actor | null, id: string) {
    const { actor: who, a } = await readableApplication(actor, id);
    if (!canApplication(who, 'edit', ref(a))) throw forbidden('Only the applicant changes an application');
    if (a.status !== 'submitted') throw conflict(`The application is ${a.status}`);
    if (!accepting({ status: a.call_status, deadline: a.call_deadline }))
      throw conflict('The call no longer accepts changes: its deadline has passed or it is closed');
    return { actor: who, a };
  }

  async function get(actor: Actor | null, id: string): Promise<HostCall> {
    const call = await readableCall(actor, id);
    const eligible = actor ? await repo.eligibleOrganisations(actor.userId) : [];
    return { ...toCall(call, actor), eligibleOrganisations: eligible };
  }

  async function application(actor: Actor | null, id: string) {
    const { actor: who, a } = await readableApplication(actor, id);
    return toApplication(a, who);
  }

  async function checkRegion(code: string) {
    const r = await repo.region(code);
    // Extra-Regio codes (…ZZ) have no territory to host anything.
    if (r?.level !== 2 || code.endsWith('ZZ')) throw fieldError('regionCode', 'Not a NUTS 2 region');
  }

  return {
    async list(actor: Actor | null, status: 'open' | 'closed' | 'draft' | 'all') {
      const wanted = status === 'all' ? (['open', 'closed', 'draft'] as const) : ([status] as const);
      const visible = wanted.filter((s) => canCall(actor, 'read', { status: s }));
      const rows = visible.length ? await repo.listCalls(visible) : [];
      return { items: rows.map((c) => toCall(c, actor)) };
    },

    get,

    async create(
      actor: Actor | null,
      input: {
        title: string;
        body: string;
        criteria: Criterion[];
        deadline: string;
        status: CallRow['status'];
      },
    ) {
      if (!actor) throw unauthenticated();
      if (!canCall(actor, 'manage')) throw forbidden('Only platform administrators open calls');
      const { id } = await repo.insertCall({
        title: input.title,
        body: input.body,
        criteria: JSON.stringify(input.criteria),
        deadline: input.deadline,
        status: input.status,
        created_by: actor.userId,
      });
      return get(actor, id);
    },

    async update(
      actor: Actor | null,
      id: string,
      input: Partial<{
        title: string;
        body: string;
        criteria: Criterion[];
        deadline: string;
        status: CallRow['status'];
      }>,
    ) {
      if (!actor) throw unauthenticated();
      const call = await readableCall(actor, id);
      if (!canCall(actor, 'manage')) throw forbidden('Only platform administrators edit calls');
      if (input.criteria) {
        // Reviews hold a score per criterion key: changing the keys under them would corrupt the ranking.
        const before = criteriaOf(call)
          .map((c) => c.key)
          .sort()
          .join();
        const after = input.criteria
          .map((c) => c.key)
          .sort()
          .join();
        if (before !== after && (await repo.reviewCount(id)) > 0)
          throw conflict('Applications have been reviewed: the criteria keys can no longer change');
      }
      await repo.updateCall(id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.criteria !== undefined ? { criteria: JSON.stringify(input.criteria) } : {}),
        ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      });
      return get(actor, id);
    },

    async mine(actor: Actor | null, callId: string) {
      if (!actor) throw unauthenticated();
      await readableCall(actor, callId);
      const adminOf = [...actor.organisationRoles].filter(([, r]) => r === 'admin').map(([id]) => id);
      const rows = await repo.myApplications(callId, actor.userId, adminOf);
      return { items: rows.map((a) => toApplication(a, actor)) };
    },

    async apply(
      actor: Actor | null,
      callId: string,
      input: {
        organisationId: string;
        regionCode: string;
        startsOn: string;
        endsOn: string;
        theme: string;
        venue: string;
        motivation: string;
      },
    ) {
      if (!actor) throw unauthenticated();
      const call = await readableCall(actor, callId);
      const org = await repo.organisation(input.organisationId);
      if (!org) throw fieldError('organisationId', 'Unknown organisation');
      if (actor.organisationRoles.get(org.id) !== 'admin')
        throw forbidden('Only an admin of the organisation applies on its behalf');
      if (!(HOST_APPLICANT_TYPES as readonly string[]).includes(org.type))
        throw forbidden('Public authorities, clusters, innovation hubs and associations apply to host');
      if (org.status !== 'published')
        throw fieldError('organisationId', 'The organisation must be published in the directory');
      if (!accepting(call))
        throw conflict('The call is not accepting applications: it is closed or past its deadline');
      await checkRegion(input.regionCode);
      let id: string;
      try {
        ({ id } = await repo.insertApplication({
          call_id: callId,
          organisation_id: org.id,
          applicant_id: actor.userId,
          region_code: input.regionCode,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          theme: input.theme,
          venue: input.venue,
          motivation: input.motivation,
        }));
      } catch (e) {
        if ((e as { code?: string }).code === '23505')
          throw conflict('This organisation has already applied to this call: edit that application');
        throw e;
      }
      return application(actor, id);
    },

    application,

    async updateApplication(
      actor: Actor | null,
      id: string,
      input: Partial<{
        regionCode: string;
        startsOn: string;
        endsOn: string;
        theme: string;
        venue: string;
        motivation: string;
      }>,
    ) {
      const { actor: who, a } = await editableApplication(actor, id);
      if (input.regionCode) await checkRegion(input.regionCode);
      const startsOn = input.startsOn ?? a.starts_on;
      const endsOn = input.endsOn ?? a.ends_on;
      if (endsOn < startsOn) throw fieldError('endsOn', 'The end date is before the start date');
      await repo.updateApplication(a.id, {
        ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
        ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
        ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
        ...(input.theme !== undefined ? { theme: input.theme } : {}),
        ...(input.venue !== undefined ? { venue: input.venue } : {}),
        ...(input.motivation !== undefined ? { motivation: input.motivation } : {}),
      });
      return application(who, a.id);
    },

    async withdraw(actor: Actor | null, id: string) {
      const { actor: who, a } = await editableApplication(actor, id);
      await repo.updateApplication(a.id, { status: 'withdrawn' });
      return application(who, a.id);
    },

    /** Checked before the upload is read, so a refused caller never streams 10 MB. */
    letterEditable: (actor: Actor | null, id: string) => editableApplication(actor, id),

    async putLetter(actor: Actor, id: string, file: { bytes: Buffer; fileName: string }) {
      await repo.setLetter(id, file, actor.userId);
      return application(actor, id);
    },

    async letter(actor: Actor | null, id: string) {
      const { actor: who, a } = await readableApplication(actor, id);
      if (!canApplication(who, 'letter', ref(a)) || !a.letter_file_id) throw notFound('Letter of support');
      const file = await repo.file(a.letter_file_id);
      if (!file) throw notFound('Letter of support');
      return file;
    },

    async ranking(actor: Actor | null, callId: string): Promise<{ items: RankedApplication[] }> {
      if (!actor) throw unauthenticated();
      const call = await readableCall(actor, callId);
      if (!canCall(actor, 'review')) throw forbidden('Only platform administrators see the ranking');
      const criteria = criteriaOf(call);
      const [apps, reviews] = await Promise.all([
        repo.applicationsOfCall(callId),
        repo.reviewsOfCall(callId),
      ]);
      const byApp = new Map<string, typeof reviews>();
      for (const r of reviews) byApp.set(r.application_id, [...(byApp.get(r.application_id) ?? []), r]);
      const ranked = rank(
        criteria,
        apps,
        (a) => (byApp.get(a.id) ?? []).map((r) => r.scores as Scores),
        (a) => a.status === 'withdrawn',
      );
      return {
        items: ranked.map((r) => ({
          ...toApplication(r.item, actor),
          rank: r.rank,
          score: r.score,
          reviewCount: r.reviewCount,
          criterionAverages: r.criterionAverages,
          reviews: (byApp.get(r.item.id) ?? []).map((rv) => ({
            reviewer: { id: rv.reviewer_id, name: rv.name },
            scores: rv.scores as Record<string, number>,
            comment: rv.comment,
            weightedScore: weightedScore(criteria, rv.scores as Scores),
            updatedAt: iso(rv.updated_at),
          })),
        })),
      };
    },

    async review(
      actor: Actor | null,
      id: string,
      input: { scores: Record<string, number>; comment: string },
    ) {
      if (!actor) throw unauthenticated();
      if (!canCall(actor, 'review')) throw forbidden('Only platform administrators review applications');
      const a = await repo.findApplication(id);
      if (!a) throw notFound('Application');
      if (a.status === 'withdrawn') throw conflict('The application was withdrawn');
      const call = await repo.findCall(a.call_id);
      const problems = scoreSheetProblems(criteriaOf(call!), input.scores);
      if (problems.length)
        throw badRequest('The scores do not match the criteria', {
          fields: problems.map((message) => ({ field: 'body.scores', message })),
        });
      await repo.upsertReview(a.id, actor.userId, input.scores, input.comment);
    },

    async select(actor: Actor | null, id: string) {
      if (!actor) throw unauthenticated();
      if (!canCall(actor, 'select')) throw forbidden('Only platform administrators select host regions');
      const a = await repo.findApplication(id);
      if (!a) throw notFound('Application');
      if (a.status !== 'submitted') throw conflict(`The application is ${a.status}`);
      const timeZone = regionTimeZone(a.region_code) ?? 'UTC';
      const sessions = templateSessions(a.starts_on, timeZone);
      const event = await repo.select(a.id, actor.userId, {
        title: `Clusters meet Regions: ${a.region_name}`,
        summary: a.theme,
        timeZone,
        startsAt: sessions[0]!.startsAt,
        endsAt: new Date(Math.max(...sessions.map((s) => s.endsAt.getTime()))),
        venue: a.venue,
        regionCode: a.region_code,
        sessions,
      });
      if (!event) throw conflict('The application was selected or withdrawn meanwhile');
      return { application: await application(actor, a.id), event };
    },
  };
}
export type CallsService = ReturnType<typeof callsService>;
