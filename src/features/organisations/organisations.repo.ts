import type { ExpressionBuilder, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { type FieldChanges, insertChange } from './changes.repo.ts';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Columns of an organisation summary, with its region's name. */
export function summaryColumns(eb: ExpressionBuilder<DB & { o: DB['organisations'] }, 'o'>) {
  return [
    'o.id',
    'o.slug',
    'o.name',
    'o.acronym',
    'o.type',
    'o.city',
    'o.country_code',
    'o.region_code',
    'o.sample',
    eb.selectFrom('regions as r').select('r.name').whereRef('r.code', '=', 'o.region_code').as('region_name'),
  ] as const;
}

export function organisationsRepo(db: Kysely<DB>) {
  return {
    findByIdOrSlug: (idOrSlug: string) =>
      db
        .selectFrom('organisations as o')
        .selectAll('o')
        .select((eb) =>
          eb
            .selectFrom('regions as r')
            .select('r.name')
            .whereRef('r.code', '=', 'o.region_code')
            .as('region_name'),
        )
        .select((eb) =>
          eb
            .selectFrom('organisation_logos as l')
            .select('l.updated_at')
            .whereRef('l.organisation_id', '=', 'o.id')
            .as('logo_updated_at'),
        )
        .where(UUID_RE.test(idOrSlug) ? 'o.id' : 'o.slug', '=', idOrSlug)
        .executeTakeFirst(),
    /** Published clusters only: a draft cluster does not show on its members' pages. */
    clustersOf: (id: string) =>
      db
        .selectFrom('cluster_members as cm')
        .innerJoin('organisations as o', 'o.id', 'cm.cluster_id')
        .select(summaryColumns)
        .where('cm.member_id', '=', id)
        .where('o.status', '=', 'published')
        .orderBy('o.name')
        .execute(),
    /** Published members, as the directory's ?cluster= filter counts them. */
    membersOf: (id: string, limit: number) =>
      db
        .selectFrom('cluster_members as cm')
        .innerJoin('organisations as o', 'o.id', 'cm.member_id')
        .select(summaryColumns)
        .where('cm.cluster_id', '=', id)
        .where('o.status', '=', 'published')
        .orderBy('o.name')
        .limit(limit)
        .execute(),
    memberCountsByType: (id: string) =>
      db
        .selectFrom('cluster_members as cm')
        .innerJoin('organisations as o', 'o.id', 'cm.member_id')
        .select(['o.type', (eb) => eb.fn.countAll<number>().as('count')])
        .where('cm.cluster_id', '=', id)
        .where('o.status', '=', 'published')
        .groupBy('o.type')
        .orderBy('count', 'desc')
        .orderBy('o.type')
        .execute(),
    peopleOf: (id: string) =>
      db
        .selectFrom('people')
        .select(['id', 'slug', 'full_name', 'honorific', 'job_title', 'sample'])
        .where('organisation_id', '=', id)
        .orderBy('sample')
        .orderBy('full_name')
        .limit(200)
        .execute(),
    eventsOrganisedBy: (id: string) =>
      db
        .selectFrom('event_organisers as eo')
        .innerJoin('events as e', 'e.id', 'eo.event_id')
        .select(['e.id', 'e.slug', 'e.title', 'e.starts_at', 'e.time_zone'])
        .where('eo.organisation_id', '=', id)
        .where('e.status', '<>', 'draft')
        .orderBy('e.starts_at', 'desc')
        .execute(),
    naceEntries: (codes: readonly string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('nace_codes')
            .select(['code', 'section', 'level', 'name_en', 'name_it'])
            .where('code', 'in', [...codes])
            .execute(),
    latestClaim: (organisationId: string, userId: string) =>
      db
        .selectFrom('organisation_claims')
        .select(['id', 'status', 'reason', 'created_at'])
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    /**
     * Applies an edit under a row lock: `compute` sees the current row and returns the columns to set and
     * the field-level change; nothing is written (and updated_at stays) when nothing changes.
     */
    updateTracked: (
      id: string,
      userId: string,
      compute: (row: Selectable<DB['organisations']>) => {
        set: Updateable<DB['organisations']>;
        changes: FieldChanges;
      },
    ) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('organisations')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return false;
        const { set, changes } = compute(row);
        if (Object.keys(changes).length === 0) return false;
        await trx
          .updateTable('organisations')
          .set({ ...set, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        await insertChange(trx, { organisationId: id, userId, action: 'update', changes });
        return true;
      }),
    region: (code: string) =>
      db
        .selectFrom('regions')
        .select(['code', 'level', 'country_code'])
        .where('code', '=', code)
        .executeTakeFirst(),
    regionExists: async (code: string) =>
      !!(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()),
    unknownNaceCodes: async (codes: readonly string[]) => {
      if (codes.length === 0) return [];
      const known = await db
        .selectFrom('nace_codes')
        .select('code')
        .where('code', 'in', [...codes])
        .execute();
      const set = new Set(known.map((k) => k.code));
      return codes.filter((c) => !set.has(c));
    },
    /** The slugs in use among `base`, `base-2`, `base-3`…, in one query. */
    slugsNumbered: async (base: string) =>
      new Set(
        (
          await db
            .selectFrom('organisations')
            .select('slug')
            // A slug has only [a-z0-9-], so neither LIKE nor the pattern needs escaping.
            .where('slug', 'like', `${base}%`)
            .where('slug', '~', `^${base}(-[0-9]+)?$`)
            .execute()
        ).map((r) => r.slug),
      ),
    /**
     * A new organisation, its creator as admin, and the change log entry, in one transaction; with
     * `invitation`, also the cluster link and the invitation marked accepted (refused if already accepted).
     */
    create: (
      values: Insertable<DB['organisations']>,
      adminUserId: string,
      changes: FieldChanges,
      invitation?: { id: string; clusterId: string },
    ) =>
      db.transaction().execute(async (trx) => {
        if (invitation) {
          const claimed = await trx
            .updateTable('cluster_invitations')
            .set({ accepted_at: new Date() })
            .where('id', '=', invitation.id)
            .where('accepted_at', 'is', null)
            .returning('id')
            .executeTakeFirst();
          if (!claimed) return null;
        }
        const row = await trx
          .insertInto('organisations')
          .values(values)
          .returning(['id', 'slug'])
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('organisation_users')
          .values({ organisation_id: row.id, user_id: adminUserId, role: 'admin' })
          .execute();
        await insertChange(trx, { organisationId: row.id, userId: adminUserId, action: 'create', changes });
        if (invitation) {
          await trx
            .insertInto('cluster_members')
            .values({ cluster_id: invitation.clusterId, member_id: row.id })
            .execute();
          await trx
            .updateTable('cluster_invitations')
            .set({ member_id: row.id })
            .where('id', '=', invitation.id)
            .execute();
          await insertChange(trx, {
            organisationId: invitation.clusterId,
            userId: adminUserId,
            action: 'invitation_accepted',
            changes: { members: { before: null, after: values.name } },
          });
        }
        return row;
      }),
  };
}
export type OrganisationsRepo = ReturnType<typeof organisationsRepo>;
