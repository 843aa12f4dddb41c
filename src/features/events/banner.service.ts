import { forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { BannerRepo } from './banner.repo.ts';
import { canEvent } from './events.policy.ts';
import type { EventsRepo } from './events.repo.ts';
import type { EventsService } from './events.service.ts';
import { bannerImages } from './images.ts';

export function bannerService(repo: BannerRepo, events: EventsRepo, eventsSvc: EventsService) {
  return {
    /** The event whose banner the actor may change; checked before the upload is read. */
    async editable(actor: Actor | null, idOrSlug: string) {
      if (!actor) throw unauthenticated();
      const e = await events.find(idOrSlug);
      if (!e || !canEvent(actor, 'read', e)) throw notFound('Event');
      if (!canEvent(actor, 'update', e)) throw forbidden('Only the event’s organisers change its banner');
      return { actor, eventId: e.id };
    },
    async put(actor: Actor, eventId: string, file: Buffer) {
      const { page, card } = await bannerImages(file);
      await repo.put(eventId, page, card, actor.userId);
      const banner = (await eventsSvc.get(actor, eventId)).banner;
      if (!banner) throw new Error('banner not stored');
      return banner;
    },
    async remove(eventId: string) {
      if (!(await repo.remove(eventId))) throw notFound('Banner');
    },
    /** The stored image of the banner ('page') or its share card, if the caller may see the event. */
    async image(actor: Actor | null, idOrSlug: string, variant: 'page' | 'card') {
      const e = await events.find(idOrSlug);
      if (!e || !canEvent(actor, 'read', e)) throw notFound('Event');
      const id = variant === 'page' ? e.banner_file_id : e.banner_card_file_id;
      const file = id ? await repo.file(id) : undefined;
      if (!file) throw notFound('Banner');
      return { ...file, public: e.status !== 'draft' };
    },
  };
}
export type BannerService = ReturnType<typeof bannerService>;
