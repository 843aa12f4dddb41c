import { badRequest, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canEvent } from './events.policy.ts';
import type { EventsRepo } from './events.repo.ts';
import type { GalleryRepo } from './gallery.repo.ts';
import { canSeePhoto, canSummary } from './summary.policy.ts';
import type { SummaryRepo } from './summary.repo.ts';
import { sanitizeSummaryHtml } from './summary.sanitize.ts';
import type { EventPhoto, EventStatistics, EventSummaryPage } from './summary.schemas.ts';

/** Groups of fewer people are not shown separately, so that no one is singled out by the figures. */
export const MIN_GROUP = 3;
/** The stored article's limit (event_summaries.body_html's check). */
const SUMMARY_MAX_CHARS = 200_000;

const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });

type EventRow = NonNullable<Awaited<ReturnType<EventsRepo['find']>>>;

/** The event and the caller's rights on its summary; 404 when the event is not visible to them. */
export async function summaryContext(
  events: EventsRepo,
  summaries: SummaryRepo,
  actor: Actor | null,
  idOrSlug: string,
) {
  const event = await events.find(idOrSlug);
  if (!event || !canEvent(actor, 'read', event)) throw notFound('Event');
  const summary = await summaries.get(event.id);
  const r = { event, published: !!summary?.published };
  return { event, summary, r, canEdit: canSummary(actor, 'edit', r) };
}

/** The event whose summary the actor may edit: 401 anonymous, 404 invisible, 403 not an organiser. */
export async function editableEvent(
  events: EventsRepo,
  summaries: SummaryRepo,
  actor: Actor | null,
  idOrSlug: string,
): Promise<{ actor: Actor; event: EventRow }> {
  if (!actor) throw unauthenticated();
  const c = await summaryContext(events, summaries, actor, idOrSlug);
  if (!c.canEdit) throw forbidden('Only the event’s organisers edit its summary');
  return { actor, event: c.event };
}

export function photoUrls(eventId: string, p: { id: string; file_id: string; thumb_file_id: string }) {
  const base = `/api/v1/events/${eventId}/photos/${p.id}/image`;
  return { url: `${base}?v=${p.file_id}`, thumbUrl: `${base}?size=thumb&v=${p.thumb_file_id}` };
}

export function summaryService(summaries: SummaryRepo, events: EventsRepo, gallery: GalleryRepo) {
  async function statistics(event: EventRow, now = new Date()): Promise<EventStatistics> {
    const past = new Date(event.ends_at).getTime() < now.getTime();
    // After the event, who came counts; if no one was checked in (check-in unused), who was confirmed.
    const checkedIn = past && (await summaries.checkInCount(event.id)) > 0;
    const raw = await summaries.statistics(event.id, checkedIn);
    const split = (rows: { key: string | null; count: number }[]) => {
      const shown = rows
        .filter((r): r is { key: string; count: number } => r.key !== null && r.count >= MIN_GROUP)
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
      const total = rows.reduce((n, r) => n + r.count, 0);
      return { shown, hidden: total - shown.reduce((n, r) => n + r.count, 0), total };
    };
    const cat = split(raw.byCategory);
    const country = split(raw.byCountry);
    return {
      basis: checkedIn ? 'checked_in' : 'confirmed',
      total: cat.total,
      minGroup: MIN_GROUP,
      byCategory: cat.shown,
      byCountry: country.shown,
      hiddenCategory: cat.hidden,
      hiddenCountry: country.hidden,
      sample: raw.sample,
    };
  }

  async function photos(actor: Actor | null, event: EventRow, r: { event: EventRow; published: boolean }) {
    const [rows, people] = await Promise.all([gallery.photos(event.id), gallery.people(event.id)]);
    const organiser = canSummary(actor, 'edit', r);
    return rows
      .filter((p) => canSeePhoto(actor, { ...r, hidden: !!p.hidden }))
      .map(
        (p): EventPhoto => ({
          id: p.id,
          ...photoUrls(event.id, p),
          width: p.width,
          height: p.height,
          caption: p.caption,
          position: p.position,
          hidden: !!p.hidden,
          people: organiser
            ? people
                .filter((x) => x.photo_id === p.id)
                .map((x) => ({
                  registrationId: x.registration_id,
                  name: String(x.name),
                  consentPhotos: x.consent_photos_at !== null,
                }))
            : [],
        }),
      );
  }

  async function get(actor: Actor | null, idOrSlug: string): Promise<EventSummaryPage> {
    const c = await summaryContext(events, summaries, actor, idOrSlug);
    const { event, summary, r, canEdit } = c;
    const empty: EventSummaryPage = {
      eventId: event.id,
      published: false,
      publishedAt: null,
      bodyHtml: '',
      quotes: [],
      photos: [],
      links: [],
      inputPaperUrl: event.input_paper_url,
      statistics: null,
      canEdit,
    };
    if (!canSummary(actor, 'read', r)) return empty;
    const [quotes, links, photoList, stats] = await Promise.all([
      summaries.quotes(event.id),
      summaries.links(event.id),
      photos(actor, event, r),
      statistics(event),
    ]);
    return {
      ...empty,
      published: r.published,
      publishedAt: summary?.published_at ? new Date(summary.published_at).toISOString() : null,
      bodyHtml: summary?.body_html ?? '',
      quotes: quotes.map((q) => ({
        id: q.id,
        person: {
          id: q.person_id,
          slug: q.person_slug,
          fullName: q.full_name,
          honorific: q.honorific,
          jobTitle: q.job_title,
          organisationName: q.organisation_name,
        },
        text: q.text,
        context: q.context,
        paraphrase: q.paraphrase,
        position: q.position,
      })),
      photos: photoList,
      links,
      statistics: stats,
    };
  }

  const editable = (actor: Actor | null, idOrSlug: string) =>
    editableEvent(events, summaries, actor, idOrSlug);

  return {
    get,
    async put(actor: Actor | null, idOrSlug: string, input: { bodyHtml: string; published: boolean }) {
      const { actor: a, event } = await editable(actor, idOrSlug);
      const html = sanitizeSummaryHtml(input.bodyHtml);
      // Sanitising escapes characters and adds rel to links, so the stored text can outgrow the input.
      if (html.length > SUMMARY_MAX_CHARS)
        throw fieldError(
          'bodyHtml',
          `The article is too long (at most ${SUMMARY_MAX_CHARS} characters of HTML)`,
        );
      await summaries.put(event.id, html, input.published, a.userId);
      return get(a, event.id);
    },
    async addQuote(
      actor: Actor | null,
      idOrSlug: string,
      q: { personId: string; text: string; context?: string | null | undefined; paraphrase: boolean },
    ) {
      const { actor: a, event } = await editable(actor, idOrSlug);
      if (!(await summaries.personExists(q.personId)))
        throw fieldError('personId', 'No such person in the directory');
      const { id } = await summaries.insertQuote(event.id, { ...q, context: q.context || null });
      const page = await get(a, event.id);
      return page.quotes.find((x) => x.id === id)!;
    },
    async updateQuote(
      actor: Actor | null,
      idOrSlug: string,
      quoteId: string,
      q: { personId?: string; text?: string; context?: string | null; paraphrase?: boolean },
    ) {
      const { actor: a, event } = await editable(actor, idOrSlug);
      if (q.personId && !(await summaries.personExists(q.personId)))
        throw fieldError('personId', 'No such person in the directory');
      const context = q.context === undefined ? undefined : q.context || null;
      if (!(await summaries.updateQuote(event.id, quoteId, { ...q, context }))) throw notFound('Quote');
      return (await get(a, event.id)).quotes.find((x) => x.id === quoteId)!;
    },
    async deleteQuote(actor: Actor | null, idOrSlug: string, quoteId: string) {
      const { event } = await editable(actor, idOrSlug);
      if (!(await summaries.deleteQuote(event.id, quoteId))) throw notFound('Quote');
    },
    async reorder(actor: Actor | null, idOrSlug: string, what: 'quotes' | 'photos', ids: string[]) {
      const { actor: a, event } = await editable(actor, idOrSlug);
      const ok = await summaries.reorder(what === 'quotes' ? 'event_quotes' : 'event_photos', event.id, ids);
      if (!ok)
        throw fieldError('ids', `List every ${what === 'quotes' ? 'quote' : 'photo'} of the event once`);
      return get(a, event.id);
    },
    async addLink(
      actor: Actor | null,
      idOrSlug: string,
      l: { kind: 'recording' | 'document'; title: string; url: string },
    ) {
      const { event } = await editable(actor, idOrSlug);
      return summaries.insertLink(event.id, l);
    },
    async deleteLink(actor: Actor | null, idOrSlug: string, linkId: string) {
      const { event } = await editable(actor, idOrSlug);
      if (!(await summaries.deleteLink(event.id, linkId))) throw notFound('Link');
    },
  };
}
export type SummaryService = ReturnType<typeof summaryService>;
