import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { insertChange } from './changes.repo.ts';

export interface LogoImage {
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  bytes: Buffer;
  width: number;
  height: number;
}

const describe = (l: { content_type: string; width: number; height: number } | undefined) =>
  l ? `${l.width}×${l.height} ${l.content_type}` : null;

export function logoRepo(db: Kysely<DB>) {
  return {
    get: (organisationId: string) =>
      db
        .selectFrom('organisation_logos')
        .select(['content_type', 'bytes', 'width', 'height', 'updated_at'])
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst(),

    /** Stores (or replaces) the logo and logs it; returns the new version's time. */
    put: (organisationId: string, image: LogoImage, userId: string) =>
      db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('organisation_logos')
          .select(['content_type', 'width', 'height'])
          .where('organisation_id', '=', organisationId)
          .forUpdate()
          .executeTakeFirst();
        const updatedAt = new Date();
        await trx
          .insertInto('organisation_logos')
          .values({
            organisation_id: organisationId,
            content_type: image.contentType,
            bytes: image.bytes,
            width: image.width,
            height: image.height,
            updated_at: updatedAt,
          })
          .onConflict((oc) =>
            oc.column('organisation_id').doUpdateSet({
              content_type: image.contentType,
              bytes: image.bytes,
              width: image.width,
              height: image.height,
              updated_at: updatedAt,
            }),
          )
          .execute();
        await insertChange(trx, {
          organisationId,
          userId,
          action: 'logo_updated',
          changes: {
            logo: {
              before: describe(before),
              after: describe({ content_type: image.contentType, width: image.width, height: image.height }),
            },
          },
        });
        return updatedAt;
      }),

    /** False when there was no logo. */
    remove: (organisationId: string, userId: string) =>
      db.transaction().execute(async (trx) => {
        const before = await trx
          .deleteFrom('organisation_logos')
          .where('organisation_id', '=', organisationId)
          .returning(['content_type', 'width', 'height'])
          .executeTakeFirst();
        if (!before) return false;
        await insertChange(trx, {
          organisationId,
          userId,
          action: 'logo_removed',
          changes: { logo: { before: describe(before), after: null } },
        });
        return true;
      }),
  };
}
export type LogoRepo = ReturnType<typeof logoRepo>;
