import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Criterion } from '../calls/calls.schemas.ts';
import { rank, type Scores, scoreSheetProblems, weightedScore } from '../calls/ranking.ts';
import { canEvent } from './events.policy.ts';
import { canPitch } from './pitches.policy.ts';
import type { PitchesRepo, PitchRow } from './pitches.repo.ts';
import type { JuryPitch, Pitch, PitchCall } from './pitches.schemas.ts';

const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });

const iso = (d: Date | string) => new Date(d).toISOString();

type CallRow = NonNullable<Awaited<ReturnType<PitchesRepo['findCall']>>>;
type Placements = 'draft' | Awaited<ReturnType<PitchesRepo['publishedPlacements']>>;

/**
 * Submitters may submit between the open and close dates, and change their pitch until the close date;
 * a call without a close date closes when its event ends: nobody pitches at a past event.
 */
function beforeClose(call: CallRow | undefined, now = Date.now()): boolean {
  if (!call) return false;
  const closes = call.closes_at ?? call.event_ends_at;
  return now < new Date(closes).getTime();
}
function accepting(call: CallRow | undefined, now = Date.now()): boolean {
  if (!call || (call.opens_at && now < new Date(call.opens_at).getTime())) return false;
  return beforeClose(call, now);
}

const ref = (p: PitchRow) => ({ eventId: p.event_id, submittedBy: p.submitted_by, status: p.status });

export function pitchesService(repo: PitchesRepo) {
  async function readableEvent(actor: Actor | null, idOrSlug: string) {
    const e = await repo.findEvent(idOrSlug);
    if (!e || !canEvent(actor, 'read', e)) throw notFound('Event');
    return e;
  }

  /**
   * Where each pitch is placed, as the caller may see it: organisers see the draft placement; everyone
   * else the published agenda's (a placement, like any agenda change, is a draft until published).
   */
  async function placements(actor: Actor | null, eventId: string): Promise<Placements> {
    return canPitch(actor, 'manage', eventId) ? 'draft' : repo.publishedPlacements(eventId);
  }

  function toPitch(p: PitchRow, actor: Actor | null, call: CallRow | undefined, placed: Placements): Pitch {
    return {
      id: p.id,
      eventId: p.event_id,
      kind: p.kind,
      title: p.title,
      summary: p.summary,
      organisation:
        p.organisation_id && p.org_slug
          ? { id: p.organisation_id, slug: p.org_slug, name: p.org_name ?? '' }
          : null,
      deck:
        p.deck_file_id && canPitch(actor, 'deck', p.event_id, ref(p))
          ? { url: `/api/v1/pitches/${p.id}/deck`, fileName: p.deck_name, byteSize: p.deck_size ?? 0 }
          : null,
      videoUrl: p.video_url,
      presenter:
        p.presenter_person_id && p.presenter_slug
          ? { id: p.presenter_person_id, slug: p.presenter_slug, fullName: p.presenter_name ?? '' }
          : null,
      status: p.status,
      session:
        placed !== 'draft'
          ? (placed.get(p.id) ?? null)
          : p.session_id && p.session_title && p.session_starts_at
            ? { id: p.session_id, title: p.session_title, startsAt: iso(p.session_starts_at) }
            : null,
      position: p.position,
      sample: p.sample,
      createdAt: iso(p.created_at),
      canEdit: canPitch(actor, 'edit', p.event_id, ref(p)) && p.status === 'submitted' && beforeClose(call),
    };
  }

  /** A pitch the caller may see, with its event's call. */
  async function readablePitch(actor: Actor | null, id: string) {
    const p = await repo.find(id);
    if (!p) throw notFound('Pitch');
    const event = await repo.eventStatus(p.event_id);
    if (!canEvent(actor, 'read', event) || !canPitch(actor, 'read', p.event_id, ref(p)))
      throw notFound('Pitch');
    return { p, call: await repo.findCall(p.event_id) };
  }

  async function editablePitch(actor: Actor | null, id: string) {
    if (!actor) throw unauthenticated();
    const { p, call } = await readablePitch(actor, id);
    if (!canPitch(actor, 'edit', p.event_id, ref(p))) throw forbidden('Only the submitter changes a pitch');
    if (p.status !== 'submitted') throw conflict(`The pitch is ${p.status}`);
    if (!beforeClose(call)) throw conflict('The pitch call has closed');
    return { actor, p };
  }

  async function checkRefs(
    actor: Actor,
    input: { organisationId?: string | null; presenterPersonId?: string | null },
  ) {
    if (input.organisationId) {
      const o = await repo.organisation(input.organisationId);
      // The directory picker offers published organisations; the submitter's own drafts are fine too.
      if (!o || (o.status !== 'published' && !actor.organisationRoles.has(o.id)))
        throw fieldError('organisationId', 'Unknown organisation');
    }
    if (input.presenterPersonId && !(await repo.personExists(input.presenterPersonId)))
      throw fieldError('presenterPersonId', 'Unknown person');
  }

  async function pitch(actor: Actor | null, id: string) {
    const { p, call } = await readablePitch(actor, id);
    return toPitch(p, actor, call, await placements(actor, p.event_id));
  }

  async function getCall(actor: Actor | null, eventRef: string): Promise<PitchCall> {
    const e = await readableEvent(actor, eventRef);
    const c = await repo.findCall(e.id);
    if (!c) throw notFound('Pitch call');
    return {
      eventId: e.id,
      description: c.description,
      criteria: criteriaOf(c),
      opensAt: c.opens_at ? iso(c.opens_at) : null,
      closesAt: c.closes_at ? iso(c.closes_at) : null,
      acceptingSubmissions: accepting(c),
      canManage: canPitch(actor, 'manage', e.id),
      canJudge: canPitch(actor, 'judge', e.id),
    };
  }

  const criteriaOf = (call: CallRow | undefined) => (call?.criteria ?? []) as Criterion[];

  return {
    pitch,

    call: getCall,

    async putCall(
      actor: Actor | null,
      eventRef: string,
      input: { description: string; criteria: Criterion[]; opensAt: string | null; closesAt: string | null },
    ) {
      if (!actor) throw unauthenticated();
      const e = await readableEvent(actor, eventRef);
      if (!canPitch(actor, 'manage', e.id)) throw forbidden('Only the event’s organisers run its pitch call');
      await repo.upsertCall(e.id, {
        description: input.description,
        criteria: JSON.stringify(input.criteria),
        opens_at: input.opensAt,
        closes_at: input.closesAt,
      });
      return getCall(actor, e.id);
    },

    async accepted(actor: Actor | null, eventRef: string) {
      const e = await readableEvent(actor, eventRef);
      const [rows, call, placed] = await Promise.all([
        repo.accepted(e.id),
        repo.findCall(e.id),
        placements(actor, e.id),
      ]);
      return { items: rows.map((p) => toPitch(p, actor, call, placed)) };
    },

    async mine(actor: Actor | null, eventRef: string) {
      if (!actor) throw unauthenticated();
      const e = await readableEvent(actor, eventRef);
      const [rows, call, placed] = await Promise.all([
        repo.mine(e.id, actor.userId),
        repo.findCall(e.id),
        placements(actor, e.id),
      ]);
      return { items: rows.map((p) => toPitch(p, actor, call, placed)) };
    },

    async submit(
      actor: Actor | null,
      eventRef: string,
      input: {
        kind: 'startup' | 'project';
        title: string;
        summary: string;
        organisationId: string | null;
        videoUrl: string | null;
        presenterPersonId: string | null;
      },
    ) {
      if (!actor) throw unauthenticated();
      const e = await readableEvent(actor, eventRef);
      const call = await repo.findCall(e.id);
      if (!call) throw notFound('Pitch call');
      if (!accepting(call)) throw conflict('The pitch call is not open for submissions');
      await checkRefs(actor, input);
      const { id } = await repo.insert({
        event_id: e.id,
        kind: input.kind,
        title: input.title,
        summary: input.summary,
        organisation_id: input.organisationId,
        video_url: input.videoUrl || null,
        presenter_person_id: input.presenterPersonId,
        submitted_by: actor.userId,
      });
      return pitch(actor, id);
    },

    async update(
      actor: Actor | null,
      id: string,
      input: Partial<{
        kind: 'startup' | 'project';
        title: string;
        summary: string;
        organisationId: string | null;
        videoUrl: string | null;
        presenterPersonId: string | null;
      }>,
    ) {
      const { actor: who, p } = await editablePitch(actor, id);
      await checkRefs(who, input);
      await repo.update(p.id, {
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
        ...(input.videoUrl !== undefined ? { video_url: input.videoUrl || null } : {}),
        ...(input.presenterPersonId !== undefined ? { presenter_person_id: input.presenterPersonId } : {}),
      });
      return pitch(who, p.id);
    },

    async withdraw(actor: Actor | null, id: string) {
      const { actor: who, p } = await editablePitch(actor, id);
      await repo.update(p.id, { status: 'withdrawn' });
      return pitch(who, p.id);
    },

    /** Checked before the upload is read. */
    deckEditable: (actor: Actor | null, id: string) => editablePitch(actor, id),

    async putDeck(actor: Actor, id: string, file: { bytes: Buffer; fileName: string }) {
      await repo.setDeck(id, file, actor.userId);
      return pitch(actor, id);
    },

    async deck(actor: Actor | null, id: string) {
      if (!actor) throw unauthenticated();
      const { p } = await readablePitch(actor, id);
      if (!p.deck_file_id || !canPitch(actor, 'deck', p.event_id, ref(p))) throw notFound('Deck');
      const file = await repo.file(p.deck_file_id);
      if (!file) throw notFound('Deck');
      return file;
    },

    async jury(
      actor: Actor | null,
      eventRef: string,
    ): Promise<{
      items: JuryPitch[];
      sessions: { id: string; title: string; startsAt: string; endsAt: string }[];
    }> {
      if (!actor) throw unauthenticated();
      const e = await readableEvent(actor, eventRef);
      if (!canPitch(actor, 'judge', e.id))
        throw forbidden('Only the jury and the organisers see submissions');
      const manages = canPitch(actor, 'manage', e.id);
      const [rows, call, scores, sessions, placed] = await Promise.all([
        repo.forJury(e.id),
        repo.findCall(e.id),
        repo.scores(e.id),
        manages ? repo.pitchingSessions(e.id) : Promise.resolve([]),
        placements(actor, e.id),
      ]);
      const criteria = criteriaOf(call);
      const byPitch = new Map<string, typeof scores>();
      for (const s of scores) byPitch.set(s.pitch_id, [...(byPitch.get(s.pitch_id) ?? []), s]);
      const ranked = rank(criteria, rows, (p) => (byPitch.get(p.id) ?? []).map((s) => s.scores as Scores));
      // Organisers read the ranking order; jurors the order of submission, without others' scores.
      const ordered = manages ? ranked : rows.map((item) => ranked.find((r) => r.item === item)!);
      return {
        items: ordered.map((r) => {
          const mine = (byPitch.get(r.item.id) ?? []).find((s) => s.juror_id === actor.userId);
          return {
            ...toPitch(r.item, actor, call, placed),
            myScore: mine ? { scores: mine.scores as Record<string, number>, comment: mine.comment } : null,
            ranking: manages
              ? {
                  rank: r.rank,
                  score: r.score,
                  reviewCount: r.reviewCount,
                  criterionAverages: r.criterionAverages,
                  scores: (byPitch.get(r.item.id) ?? []).map((s) => ({
                    juror: { id: s.juror_id, name: s.name },
                    scores: s.scores as Record<string, number>,
                    comment: s.comment,
                    weightedScore: weightedScore(criteria, s.scores as Scores),
                  })),
                }
              : null,
          };
        }),
        sessions: sessions.map((s) => ({
          id: s.id,
          title: s.title,
          startsAt: iso(s.starts_at),
          endsAt: iso(s.ends_at),
        })),
      };
    },

    async score(actor: Actor | null, id: string, input: { scores: Record<string, number>; comment: string }) {
      if (!actor) throw unauthenticated();
      const { p, call } = await readablePitch(actor, id);
      if (!canPitch(actor, 'judge', p.event_id))
        throw forbidden('Only the jury and the organisers score pitches');
      if (p.submitted_by === actor.userId) throw forbidden('Nobody scores their own pitch');
      if (p.status === 'withdrawn') throw conflict('The pitch was withdrawn');
      const problems = scoreSheetProblems(criteriaOf(call), input.scores);
      if (problems.length)
        throw badRequest('The scores do not match the criteria', {
          fields: problems.map((message) => ({ field: 'body.scores', message })),
        });
      await repo.upsertScore(p.id, actor.userId, input.scores, input.comment);
    },

    async decide(actor: Actor | null, id: string, status: 'accepted' | 'rejected' | 'submitted') {
      if (!actor) throw unauthenticated();
      const { p } = await readablePitch(actor, id);
      if (!canPitch(actor, 'manage', p.event_id)) throw forbidden('Only the event’s organisers decide');
      if (p.status === 'withdrawn') throw conflict('The pitch was withdrawn');
      // Only an accepted pitch stays in the agenda.
      await repo.update(p.id, status === 'accepted' ? { status } : { status, session_id: null, position: 0 });
      return pitch(actor, p.id);
    },

    async place(actor: Actor | null, id: string, input: { sessionId: string | null; position: number }) {
      if (!actor) throw unauthenticated();
      const { p } = await readablePitch(actor, id);
      if (!canPitch(actor, 'manage', p.event_id))
        throw forbidden('Only the event’s organisers place pitches');
      if (p.status !== 'accepted') throw conflict('Only an accepted pitch is placed in the agenda');
      if (input.sessionId) {
        const s = await repo.session(input.sessionId);
        if (!s || s.event_id !== p.event_id) throw fieldError('sessionId', 'Not a session of this event');
        if (s.type !== 'pitching') throw fieldError('sessionId', 'Not a pitching session');
      }
      await repo.update(p.id, {
        session_id: input.sessionId,
        position: input.sessionId ? input.position : 0,
      });
      return pitch(actor, p.id);
    },
  };
}
export type PitchesService = ReturnType<typeof pitchesService>;
