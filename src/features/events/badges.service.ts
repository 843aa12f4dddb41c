import { AppError } from '../../server/http/errors.ts';
import type { Locale } from '../../shared/i18n/index.ts';
import type { Actor } from '../accounts/actor.ts';
import { badgesPdf } from './badges.ts';
import type { RegistrationsRepo } from './registrations.repo.ts';
import type { RegistrationsService } from './registrations.service.ts';

export interface PdfFile {
  fileName: string;
  body: Buffer;
}

/** A participant downloads their own badge once confirmed; organisers print all confirmed badges. */
export function badgesService(repo: RegistrationsRepo, registrations: RegistrationsService) {
  async function eventOf(id: string) {
    const e = await repo.findEvent(id);
    if (!e) throw new AppError('not_found', 404, 'Event not found');
    return {
      title: e.title,
      startsAt: new Date(e.starts_at),
      endsAt: new Date(e.ends_at),
      timeZone: e.time_zone,
      slug: e.slug,
    };
  }
  return {
    async one(actor: Actor | null, registrationId: string, locale: Locale): Promise<PdfFile> {
      const r = await registrations.readable(actor, registrationId);
      if (r.status !== 'confirmed')
        throw new AppError('conflict', 409, 'A badge is issued once the registration is confirmed', {
          status: r.status,
        });
      const event = await eventOf(r.event_id);
      const rows = await repo.badgeRows({ registrationId: r.id });
      return {
        fileName: `${event.slug}-badge.pdf`,
        body: await badgesPdf(event, rows, { locale, layout: 'single' }),
      };
    },
    async all(actor: Actor | null, idOrSlug: string, locale: Locale): Promise<PdfFile> {
      const e = await registrations.managedEvent(actor, idOrSlug);
      const event = await eventOf(e.id);
      const rows = await repo.badgeRows({ eventId: e.id });
      return {
        fileName: `${event.slug}-badges.pdf`,
        body: await badgesPdf(event, rows, { locale, layout: 'sheet' }),
      };
    },
  };
}
export type BadgesService = ReturnType<typeof badgesService>;
