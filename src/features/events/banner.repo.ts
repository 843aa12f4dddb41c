import type { Kysely, Transaction } from 'kysely';
import { deleteFiles, insertFile, readFile } from '../../server/db/files.ts';
import type { DB } from '../../server/db/schema.ts';
import type { StoredImage } from './images.ts';

export const insertImageFile = (
  trx: Transaction<DB> | Kysely<DB>,
  image: StoredImage,
  userId: string | null,
) => insertFile(trx, image, userId);

export function bannerRepo(db: Kysely<DB>) {
  /** Clears the banner columns under the event's row lock and deletes the files they pointed to. */
  const detach = async (trx: Transaction<DB>, eventId: string) => {
    const old = await trx
      .selectFrom('events')
      .select(['banner_file_id', 'banner_card_file_id'])
      .where('id', '=', eventId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('events')
      .set({ banner_file_id: null, banner_card_file_id: null, banner_width: null, banner_height: null })
      .where('id', '=', eventId)
      .execute();
    await deleteFiles(trx, [old.banner_file_id, old.banner_card_file_id]);
    return !!(old.banner_file_id || old.banner_card_file_id);
  };
  return {
    put: (eventId: string, page: StoredImage, card: StoredImage, userId: string) =>
      db.transaction().execute(async (trx) => {
        await detach(trx, eventId);
        const pageId = await insertImageFile(trx, page, userId);
        const cardId = await insertImageFile(trx, card, userId);
        await trx
          .updateTable('events')
          .set({
            banner_file_id: pageId,
            banner_card_file_id: cardId,
            banner_width: page.width,
            banner_height: page.height,
            updated_at: new Date(),
          })
          .where('id', '=', eventId)
          .execute();
      }),
    remove: (eventId: string) => db.transaction().execute((trx) => detach(trx, eventId)),
    file: (id: string) => readFile(db, id),
  };
}
export type BannerRepo = ReturnType<typeof bannerRepo>;
