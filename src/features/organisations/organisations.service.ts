import type { Insertable, Selectable, Updateable } from 'kysely';
import { isUniqueViolation } from '../../server/db/errors.ts';
import type { DB, OrganisationsTable, OrganisationType } from '../../server/db/schema.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import { slugify } from '../../shared/slug.ts';
import type { Actor } from '../accounts/actor.ts';
import type { FieldChanges } from './changes.repo.ts';
import { diffColumns } from './changes.service.ts';
import { toNaceEntry } from './nace.service.ts';
import { canCreateOrganisation, canOrganisation } from './organisations.policy.ts';
import type { OrganisationsRepo } from './organisations.repo.ts';
import type { NaceEntry, Organisation, OrganisationSummary, ProfileInput } from './organisations.schemas.ts';

export interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  city: string | null;
  country_code: string | null;
  region_code: string | null;
  region_name: string | null;
  sample: boolean;
}

export function toOrganisationSummary(r: SummaryRow): OrganisationSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    acronym: r.acronym,
    type: r.type,
    city: r.city,
    countryCode: r.country_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    sample: r.sample,
  };
}

export type OrganisationPatch = ProfileInput;

/** API field → column, for edits and the change log. */
export const PROFILE_COLUMNS = {
  name: 'name',
  acronym: 'acronym',
  type: 'type',
  description: 'description',
  website: 'website',
  email: 'email',
  city: 'city',
  foundedYear: 'founded_year',
  regionCode: 'region_code',
  countryCode: 'country_code',
  sizeBand: 'size_band',
  offers: 'offers',
  seeks: 'seeks',
  keywords: 'keywords',
  ecosystems: 'ecosystems',
  s3Areas: 's3_areas',
  naceCodes: 'nace_codes',
  programmes: 'programmes',
  escaLabel: 'esca_label',
  escaYear: 'esca_year',
  managerName: 'manager_name',
  managerEmail: 'manager_email',
} as const satisfies Record<keyof ProfileInput, keyof OrganisationsTable>;

const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());
/** Trimmed, without repeats (case-insensitive), in the order given. */
const tags = (list: readonly string[]) => {
  const seen = new Set<string>();
  return list
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
};
const unique = <T>(list: readonly T[]) => [...new Set(list)];

/** Turns validated API input into columns; absent fields stay absent. */
export function profileColumns(p: ProfileInput): Updateable<DB['organisations']> {
  const c: Updateable<DB['organisations']> = {};
  if (p.name !== undefined) c.name = p.name.trim();
  if (p.acronym !== undefined) c.acronym = blankToNull(p.acronym);
  if (p.type !== undefined) c.type = p.type;
  if (p.description !== undefined) c.description = p.description;
  if (p.website !== undefined) c.website = blankToNull(p.website);
  if (p.email !== undefined) c.email = blankToNull(p.email);
  if (p.city !== undefined) c.city = blankToNull(p.city);
  if (p.foundedYear !== undefined) c.founded_year = p.foundedYear;
  if (p.countryCode !== undefined) c.country_code = p.countryCode;
  if (p.regionCode !== undefined) {
    c.region_code = p.regionCode;
    // A region decides the country.
    if (p.regionCode) c.country_code = p.regionCode.slice(0, 2);
  }
  if (p.sizeBand !== undefined) c.size_band = p.sizeBand;
  if (p.offers !== undefined) c.offers = p.offers;
  if (p.seeks !== undefined) c.seeks = p.seeks;
  if (p.keywords !== undefined) c.keywords = tags(p.keywords);
  if (p.ecosystems !== undefined) c.ecosystems = unique(p.ecosystems);
  if (p.s3Areas !== undefined) c.s3_areas = tags(p.s3Areas);
  if (p.naceCodes !== undefined) c.nace_codes = unique(p.naceCodes);
  if (p.programmes !== undefined) c.programmes = tags(p.programmes);
  if (p.escaLabel !== undefined) c.esca_label = p.escaLabel;
  if (p.escaYear !== undefined) c.esca_year = p.escaYear;
  if (p.managerName !== undefined) c.manager_name = blankToNull(p.managerName);
  if (p.managerEmail !== undefined) c.manager_email = blankToNull(p.managerEmail);
  return c;
}

export const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });

type OrganisationRow = NonNullable<Awaited<ReturnType<OrganisationsRepo['findByIdOrSlug']>>>;

/** How many slugs a creation tries when concurrent creations with the same name keep taking its pick. */
const SLUG_ATTEMPTS = 25;

export function organisationsService(repo: OrganisationsRepo) {
  /** Rules that need the database or the whole profile: known region, country, NACE codes; ESCA for clusters. */
  async function checkProfile(
    set: Updateable<DB['organisations']>,
    current: Pick<Selectable<DB['organisations']>, 'type' | 'esca_label' | 'esca_year'> | null,
  ) {
    if (set.region_code) {
      const r = await repo.region(set.region_code);
      if (r?.level !== 2) throw fieldError('regionCode', 'Unknown NUTS 2 region');
    }
    if (set.country_code && set.region_code === undefined) {
      const r = await repo.region(set.country_code);
      if (r?.level !== 0) throw fieldError('countryCode', 'Unknown country code');
    }
    if (set.nace_codes?.length) {
      const unknown = await repo.unknownNaceCodes(set.nace_codes);
      if (unknown.length) throw fieldError('naceCodes', `Unknown NACE code(s): ${unknown.join(', ')}`);
    }
    const type = set.type ?? current?.type;
    const label = set.esca_label !== undefined ? set.esca_label : (current?.esca_label ?? null);
    const year = set.esca_year !== undefined ? set.esca_year : (current?.esca_year ?? null);
    if (label && type !== 'cluster') {
      throw fieldError('escaLabel', 'Only cluster organisations hold an ESCA label; remove it first');
    }
    if (year !== null && year !== undefined && !label) {
      throw fieldError('escaYear', 'Give the ESCA label the year belongs to');
    }
  }

  async function toDetail(actor: Actor | null, o: OrganisationRow): Promise<Organisation> {
    const [clusters, members, byType, people, events, nace, claim] = await Promise.all([
      repo.clustersOf(o.id),
      repo.membersOf(o.id, 24),
      repo.memberCountsByType(o.id),
      repo.peopleOf(o.id),
      repo.eventsOrganisedBy(o.id),
      repo.naceEntries(o.nace_codes),
      actor ? repo.latestClaim(o.id, actor.userId) : Promise.resolve(undefined),
    ]);
    const naceByCode = new Map(nace.map((n) => [n.code, n]));
    const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
    return {
      ...toOrganisationSummary(o),
      description: o.description,
      website: o.website,
      email: o.email,
      foundedYear: o.founded_year,
      status: o.status,
      rejectionReason: o.status === 'rejected' ? o.rejection_reason : null,
      submittedAt: iso(o.submitted_at),
      publishedAt: iso(o.published_at),
      sizeBand: o.size_band,
      offers: o.offers,
      seeks: o.seeks,
      keywords: o.keywords,
      ecosystems: o.ecosystems as Organisation['ecosystems'],
      s3Areas: o.s3_areas,
      nace: o.nace_codes.flatMap((code): NaceEntry[] => {
        const n = naceByCode.get(code);
        return n ? [toNaceEntry(n)] : [];
      }),
      programmes: o.programmes,
      escaLabel: o.esca_label,
      escaYear: o.esca_year,
      managerName: o.manager_name,
      managerEmail: o.manager_email,
      logoUrl: o.logo_updated_at
        ? `/api/v1/organisations/${o.id}/logo?v=${new Date(o.logo_updated_at).getTime()}`
        : null,
      viewerRole: actor?.organisationRoles.get(o.id) ?? null,
      myClaim: claim
        ? { id: claim.id, status: claim.status, reason: claim.reason, createdAt: iso(claim.created_at)! }
        : null,
      clusters: clusters.map(toOrganisationSummary),
      members: {
        total: byType.reduce((s, t) => s + Number(t.count), 0),
        byType: byType.map((t) => ({ type: t.type, count: Number(t.count) })),
        items: members.map(toOrganisationSummary),
      },
      people: people.map((p) => ({
        id: p.id,
        slug: p.slug,
        fullName: p.full_name,
        honorific: p.honorific,
        jobTitle: p.job_title,
        sample: p.sample,
      })),
      events: events.map((e) => ({
        id: e.id,
        slug: e.slug,
        title: e.title,
        startsAt: e.starts_at.toISOString(),
        timeZone: e.time_zone,
      })),
      updatedAt: o.updated_at.toISOString(),
      canEdit: canOrganisation(actor, 'update', o),
    };
  }

  async function get(actor: Actor | null, idOrSlug: string): Promise<Organisation> {
    const o = await repo.findByIdOrSlug(idOrSlug);
    if (!o || !canOrganisation(actor, 'read', o)) throw notFound('Organisation');
    return toDetail(actor, o);
  }

  /** An organisation the actor may read, or 404 (a draft's existence is not revealed). */
  async function readable(actor: Actor | null, idOrSlug: string): Promise<OrganisationRow> {
    const o = await repo.findByIdOrSlug(idOrSlug);
    if (!o || !canOrganisation(actor, 'read', o)) throw notFound('Organisation');
    return o;
  }

  /**
   * Inserts a draft with the first free slug among "base", "base-2", "base-3"… Concurrent creations with
   * the same name pick the same free slug; all but one then fail on the unique constraint, and each of
   * those tries again with the next free slug (one winner per round, so 10 at once need up to 10 rounds).
   * "new" is a page of the web client, never a slug.
   */
  async function insertWithSlug(
    values: Omit<Insertable<DB['organisations']>, 'slug'>,
    adminUserId: string,
    changes: FieldChanges,
    invitation?: { id: string; clusterId: string },
  ) {
    const base = slugify(values.name, 70);
    for (let attempt = 1; ; attempt++) {
      const taken = await repo.slugsNumbered(base);
      let n = base === 'new' ? 2 : 1;
      while (taken.has(n === 1 ? base : `${base}-${n}`)) n++;
      const slug = n === 1 ? base : `${base}-${n}`;
      try {
        return await repo.create({ ...values, slug }, adminUserId, changes, invitation);
      } catch (e) {
        if (!isUniqueViolation(e, 'organisations_slug_key')) throw e;
        if (attempt >= SLUG_ATTEMPTS) {
          throw conflict('Many organisations with this name are being added at this moment: try again');
        }
      }
    }
  }

  return {
    get,
    readable,
    insertWithSlug,
    checkProfile,

    /** A new draft profile; the creator becomes its admin. */
    async create(
      actor: Actor | null,
      input: ProfileInput & { name: string; type: OrganisationType },
    ): Promise<Organisation> {
      if (!canCreateOrganisation(actor)) throw unauthenticated();
      const set = profileColumns(input);
      await checkProfile(set, null);
      const values = { ...set, name: input.name.trim(), type: input.type } as Omit<
        Insertable<DB['organisations']>,
        'slug'
      >;
      const changes = diffColumns({}, set, PROFILE_COLUMNS);
      const row = await insertWithSlug(
        { ...values, status: 'draft', sample: false, created_by: actor.userId },
        actor.userId,
        changes,
      );
      if (!row) throw new Error('organisation was not created');
      const roles = new Map([...actor.organisationRoles, [row.id, 'admin' as const]]);
      return get({ ...actor, organisationRoles: roles }, row.id);
    },

    async update(actor: Actor | null, idOrSlug: string, patch: OrganisationPatch): Promise<Organisation> {
      if (!actor) throw unauthenticated();
      const o = await readable(actor, idOrSlug);
      if (!canOrganisation(actor, 'update', o)) throw forbidden('Only the organisation’s admins can edit it');
      const set = profileColumns(patch);
      await checkProfile(set, o);
      await repo.updateTracked(o.id, actor.userId, (row) => {
        const changes = diffColumns(row, set, PROFILE_COLUMNS);
        return { set, changes };
      });
      return get(actor, o.id);
    },
  };
}
export type OrganisationsService = ReturnType<typeof organisationsService>;
