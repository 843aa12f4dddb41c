import type { Kysely } from 'kysely';
import { deleteFiles, readFile } from '../../server/db/files.ts';
import type { DB } from '../../server/db/schema.ts';
import { insertImageFile } from './banner.repo.ts';
import type { StoredImage } from './images.ts';

export function galleryRepo(db: Kysely<DB>) {
  return {
    /** The event's photos in order; `hidden` when one of the people shown gave no photo consent. */
    photos: (eventId: string) =>
      db
        .selectFrom('event_photos as ph')
        .select([
          'ph.id',
          'ph.file_id',
          'ph.thumb_file_id',
          'ph.width',
          'ph.height',
          'ph.caption',
          'ph.position',
          (eb) =>
            eb
              .exists(
                eb
                  .selectFrom('event_photo_people as pp')
                  .innerJoin('registrations as r', 'r.id', 'pp.registration_id')
                  .select('pp.photo_id')
                  .whereRef('pp.photo_id', '=', 'ph.id')
                  .where('r.consent_photos_at', 'is', null),
              )
              .as('hidden'),
        ])
        .where('ph.event_id', '=', eventId)
        .orderBy('ph.position')
        .orderBy('ph.created_at')
        .execute(),
    /** The participants each photo shows (organisers' view). */
    people: (eventId: string) =>
      db
        .selectFrom('event_photo_people as pp')
        .innerJoin('event_photos as ph', 'ph.id', 'pp.photo_id')
        .innerJoin('registrations as r', 'r.id', 'pp.registration_id')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .leftJoin('people as p', 'p.id', 'r.person_id')
        .select([
          'pp.photo_id',
          'r.id as registration_id',
          (eb) => eb.fn.coalesce('p.full_name', 'u.name').as('name'),
          'r.consent_photos_at',
        ])
        .where('ph.event_id', '=', eventId)
        .orderBy('name')
        .execute(),
    /** Registrations of the event among `ids` (tags must name the event's own participants). */
    registrationsOf: async (eventId: string, ids: string[]) =>
      ids.length
        ? (
            await db
              .selectFrom('registrations')
              .select('id')
              .where('event_id', '=', eventId)
              .where('id', 'in', ids)
              .execute()
          ).map((r) => r.id)
        : [],
    searchParticipants: (eventId: string, q: string) => {
      let query = db
        .selectFrom('registrations as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .leftJoin('people as p', 'p.id', 'r.person_id')
        .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select([
          'r.id',
          (eb) => eb.fn.coalesce('p.full_name', 'u.name').as('name'),
          'o.name as organisation_name',
          'r.consent_photos_at',
        ])
        .where('r.event_id', '=', eventId)
        .where('r.status', 'in', ['confirmed', 'pending', 'waitlisted']);
      if (q) {
        const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([eb('p.full_name', 'ilike', like), eb('u.name', 'ilike', like), eb('o.name', 'ilike', like)]),
        );
      }
      return query.orderBy('name').limit(20).execute();
    },
    insert: (
      eventId: string,
      images: { full: StoredImage; thumb: StoredImage },
      p: { caption: string; registrationIds: string[]; userId: string },
    ) =>
      db.transaction().execute(async (trx) => {
        const fileId = await insertImageFile(trx, images.full, p.userId);
        const thumbId = await insertImageFile(trx, images.thumb, p.userId);
        const last = await trx
          .selectFrom('event_photos')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('event_id', '=', eventId)
          .executeTakeFirst();
        const photo = await trx
          .insertInto('event_photos')
          .values({
            event_id: eventId,
            file_id: fileId,
            thumb_file_id: thumbId,
            width: images.full.width,
            height: images.full.height,
            caption: p.caption,
            position: (last?.max ?? -1) + 1,
            consent_confirmed_by: p.userId,
            consent_confirmed_at: new Date(),
            uploaded_by: p.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (p.registrationIds.length)
          await trx
            .insertInto('event_photo_people')
            .values(p.registrationIds.map((registration_id) => ({ photo_id: photo.id, registration_id })))
            .execute();
        return photo.id;
      }),
    update: (eventId: string, id: string, p: { caption?: string; registrationIds?: string[] }) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('event_photos')
          .select('id')
          .where('event_id', '=', eventId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return false;
        if (p.caption !== undefined)
          await trx.updateTable('event_photos').set({ caption: p.caption }).where('id', '=', id).execute();
        if (p.registrationIds !== undefined) {
          await trx.deleteFrom('event_photo_people').where('photo_id', '=', id).execute();
          if (p.registrationIds.length)
            await trx
              .insertInto('event_photo_people')
              .values(p.registrationIds.map((registration_id) => ({ photo_id: id, registration_id })))
              .execute();
        }
        return true;
      }),
    remove: (eventId: string, id: string) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('event_photos')
          .where('event_id', '=', eventId)
          .where('id', '=', id)
          .returning(['file_id', 'thumb_file_id'])
          .executeTakeFirst();
        if (!row) return false;
        await deleteFiles(trx, [row.file_id, row.thumb_file_id]);
        return true;
      }),
    file: (id: string) => readFile(db, id),
  };
}
export type GalleryRepo = ReturnType<typeof galleryRepo>;
