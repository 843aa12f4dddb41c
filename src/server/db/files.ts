import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Stores an uploaded or generated file (banners, photos, letters, decks) and returns its id. */
export async function insertFile(
  db: Db,
  file: { bytes: Buffer; contentType: string; fileName?: string | null },
  userId: string | null,
): Promise<string> {
  const row = await db
    .insertInto('files')
    .values({
      content_type: file.contentType,
      byte_size: file.bytes.length,
      bytes: file.bytes,
      file_name: file.fileName ?? null,
      uploaded_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes files no row points to any more (ids that are null are skipped). */
export async function deleteFiles(db: Db, ids: readonly (string | null)[]): Promise<void> {
  const present = ids.filter((id): id is string => !!id);
  if (present.length > 0) await db.deleteFrom('files').where('id', 'in', present).execute();
}

/** A stored file, or undefined. */
export function readFile(db: Db, id: string) {
  return db
    .selectFrom('files')
    .select(['id', 'content_type', 'bytes', 'file_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}
