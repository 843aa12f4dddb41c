import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

const priorityColumns = [
  'p.id',
  'p.region_code',
  'p.title',
  'p.description',
  'p.ecosystems',
  'p.nace_codes',
  'p.source_url',
  'p.position',
  'p.sample',
  'p.updated_at',
  'p.updated_by',
  'u.name as updated_by_name',
] as const;

/** Region editors and S3 priorities. */
export function s3Repo(db: Kysely<DB>) {
  const priorities = () =>
    db.selectFrom('region_s3_priorities as p').leftJoin('users as u', 'u.id', 'p.updated_by');
  return {
    editorIds: async (code: string) =>
      new Set(
        (
          await db.selectFrom('region_editors').select('user_id').where('region_code', '=', code).execute()
        ).map((r) => r.user_id),
      ),
    editors: (code: string) =>
      db
        .selectFrom('region_editors as e')
        .innerJoin('users as u', 'u.id', 'e.user_id')
        .leftJoin('users as g', 'g.id', 'e.granted_by')
        .select([
          'e.user_id',
          'u.name',
          'u.email',
          'e.granted_at',
          'e.granted_by',
          'g.name as granted_by_name',
        ])
        .where('e.region_code', '=', code)
        .orderBy('u.name')
        .execute(),
    userByEmail: (email: string) =>
      db
        .selectFrom('users')
        .select(['id', 'name'])
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst(),
    /** Idempotent: granting twice keeps the first grant. */
    grant: (code: string, userId: string, by: string) =>
      db
        .insertInto('region_editors')
        .values({ region_code: code, user_id: userId, granted_by: by })
        .onConflict((oc) => oc.columns(['region_code', 'user_id']).doNothing())
        .execute(),
    revoke: async (code: string, userId: string) =>
      Number(
        (
          await db
            .deleteFrom('region_editors')
            .where('region_code', '=', code)
            .where('user_id', '=', userId)
            .executeTakeFirst()
        ).numDeletedRows,
      ) > 0,

    priorities: (code: string) =>
      priorities()
        .select(priorityColumns)
        .where('p.region_code', '=', code)
        .orderBy('p.position')
        .orderBy('p.updated_at')
        .execute(),
    priority: (code: string, id: string) =>
      priorities()
        .select(priorityColumns)
        .where('p.region_code', '=', code)
        .where('p.id', '=', id)
        .executeTakeFirst(),
    /** Appended after the last one unless a position is given. */
    insertPriority: async (
      code: string,
      userId: string,
      v: Omit<Insertable<DB['region_s3_priorities']>, 'region_code' | 'updated_by'>,
    ) =>
      (
        await db
          .insertInto('region_s3_priorities')
          .values({
            region_code: code,
            ...v,
            position:
              v.position ??
              sql<number>`(select coalesce(max(position) + 1, 0) from region_s3_priorities where region_code = ${code})`,
            updated_by: userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    updatePriority: async (
      code: string,
      id: string,
      userId: string,
      set: Updateable<DB['region_s3_priorities']>,
    ) =>
      Number(
        (
          await db
            .updateTable('region_s3_priorities')
            .set({ ...set, sample: false, updated_by: userId, updated_at: new Date() })
            .where('region_code', '=', code)
            .where('id', '=', id)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) > 0,
    deletePriority: async (code: string, id: string) =>
      Number(
        (
          await db
            .deleteFrom('region_s3_priorities')
            .where('region_code', '=', code)
            .where('id', '=', id)
            .executeTakeFirst()
        ).numDeletedRows,
      ) > 0,
    naceEntries: (codes: readonly string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('nace_codes')
            .select(['code', 'section', 'level', 'name_en', 'name_it'])
            .where('code', 'in', [...codes])
            .execute(),
  };
}
export type S3Repo = ReturnType<typeof s3Repo>;
export type PriorityRow = Awaited<ReturnType<S3Repo['priorities']>>[number];
