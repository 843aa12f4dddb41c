import { badRequest, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { EventsRepo } from './events.repo.ts';
import type { GalleryRepo } from './gallery.repo.ts';
import { photoImages } from './images.ts';
import { canSeePhoto } from './summary.policy.ts';
import type { SummaryRepo } from './summary.repo.ts';
import type { EventPhoto, ParticipantHit } from './summary.schemas.ts';
import { editableEvent, summaryContext, summaryService } from './summary.service.ts';

const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function galleryService(gallery: GalleryRepo, events: EventsRepo, summaries: SummaryRepo) {
  const pages = summaryService(summaries, events, gallery);
  const editable = (actor: Actor | null, idOrSlug: string) =>
    editableEvent(events, summaries, actor, idOrSlug);

  /** Tags must be registrations of this event. */
  async function checkTags(eventId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    const known = await gallery.registrationsOf(eventId, unique);
    const unknown = unique.filter((id) => !known.includes(id));
    if (unknown.length) throw fieldError('registrationIds', 'Not a participant of this event');
    return unique;
  }

  async function photo(actor: Actor, eventId: string, photoId: string): Promise<EventPhoto> {
    const p = (await pages.get(actor, eventId)).photos.find((x) => x.id === photoId);
    if (!p) throw notFound('Photo');
    return p;
  }

  return {
    editable,
    /**
     * A new photo from a multipart upload: fields `caption`, `consentConfirmed` ("true": the uploader
     * confirms that the people shown agreed to be photographed and published) and `registrationIds`
     * (repeated, or comma-separated) naming the registered participants shown.
     */
    async upload(actor: Actor, eventId: string, file: Buffer, fields: Record<string, string[]>) {
      if (fields.consentConfirmed?.[0] !== 'true')
        throw fieldError(
          'consentConfirmed',
          'Confirm that the people shown agreed to the photo being published',
        );
      const caption = (fields.caption?.[0] ?? '').trim();
      if (caption.length > 500) throw fieldError('caption', 'At most 500 characters');
      const ids = (fields.registrationIds ?? [])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      if (ids.some((id) => !UUID.test(id))) throw fieldError('registrationIds', 'Registration ids');
      if (ids.length > 200) throw fieldError('registrationIds', 'At most 200 people per photo');
      const tags = await checkTags(eventId, ids);
      const images = await photoImages(file);
      const id = await gallery.insert(eventId, images, {
        caption,
        registrationIds: tags,
        userId: actor.userId,
      });
      return photo(actor, eventId, id);
    },
    async update(
      actor: Actor | null,
      idOrSlug: string,
      photoId: string,
      input: { caption?: string; registrationIds?: string[] },
    ) {
      const { actor: a, event } = await editable(actor, idOrSlug);
      const registrationIds =
        input.registrationIds === undefined ? undefined : await checkTags(event.id, input.registrationIds);
      if (!(await gallery.update(event.id, photoId, { caption: input.caption, registrationIds })))
        throw notFound('Photo');
      return photo(a, event.id, photoId);
    },
    async remove(actor: Actor | null, idOrSlug: string, photoId: string) {
      const { event } = await editable(actor, idOrSlug);
      if (!(await gallery.remove(event.id, photoId))) throw notFound('Photo');
    },
    /** The image, if the caller may see the photo; 404 otherwise (a hidden photo does not exist for them). */
    async image(actor: Actor | null, idOrSlug: string, photoId: string, size: 'full' | 'thumb') {
      const c = await summaryContext(events, summaries, actor, idOrSlug);
      const p = (await gallery.photos(c.event.id)).find((x) => x.id === photoId);
      if (!p || !canSeePhoto(actor, { ...c.r, hidden: !!p.hidden })) throw notFound('Photo');
      const file = await gallery.file(size === 'thumb' ? p.thumb_file_id : p.file_id);
      if (!file) throw notFound('Photo');
      // Consent can be withdrawn: public copies are kept briefly; what only organisers see, privately.
      return {
        file,
        cache:
          p.hidden || !c.r.published || c.event.status === 'draft'
            ? ('private' as const)
            : ('short' as const),
      };
    },
    async participants(actor: Actor | null, idOrSlug: string, q: string): Promise<ParticipantHit[]> {
      const { event } = await editable(actor, idOrSlug);
      return (await gallery.searchParticipants(event.id, q)).map((r) => ({
        registrationId: r.id,
        name: String(r.name),
        organisationName: r.organisation_name,
        consentPhotos: r.consent_photos_at !== null,
      }));
    },
  };
}
export type GalleryService = ReturnType<typeof galleryService>;
