import type { OrganisationType } from '../../server/db/schema.ts';
import { badRequest, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canOrganisation } from './organisations.policy.ts';
import type { OrganisationFilter, OrganisationsRepo } from './organisations.repo.ts';
import type { Organisation, OrganisationSummary } from './organisations.schemas.ts';

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

export interface OrganisationPatch {
  name?: string;
  acronym?: string;
  description?: string;
  website?: string;
  email?: string;
  city?: string;
  foundedYear?: number | null;
  regionCode?: string | null;
}

const blankToNull = (v: string | undefined) =>
  v === undefined ? undefined : v.trim() === '' ? null : v.trim();

export function organisationsService(repo: OrganisationsRepo) {
  async function get(actor: Actor | null, idOrSlug: string): Promise<Organisation> {
    const o = await repo.findByIdOrSlug(idOrSlug);
    if (!o || !canOrganisation(actor, 'read', o)) throw notFound('Organisation');
    const [clusters, members, byType, people, events] = await Promise.all([
      repo.clustersOf(o.id),
      repo.membersOf(o.id, 24),
      repo.memberCountsByType(o.id),
      repo.peopleOf(o.id),
      repo.eventsOrganisedBy(o.id),
    ]);
    return {
      ...toOrganisationSummary(o),
      description: o.description,
      website: o.website,
      email: o.email,
      foundedYear: o.founded_year,
      status: o.status,
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

  return {
    get,
    async list(filter: OrganisationFilter, page: number, pageSize: number) {
      const r = await repo.list(filter, page, pageSize);
      return { items: r.items.map(toOrganisationSummary), total: r.total, page, pageSize };
    },
    async update(actor: Actor | null, idOrSlug: string, patch: OrganisationPatch): Promise<Organisation> {
      if (!actor) throw unauthenticated();
      const o = await repo.findByIdOrSlug(idOrSlug);
      if (!o || !canOrganisation(actor, 'read', o)) throw notFound('Organisation');
      if (!canOrganisation(actor, 'update', o)) throw forbidden('Only the organisation’s admins can edit it');
      if (patch.regionCode && !(await repo.regionExists(patch.regionCode))) {
        throw badRequest('Unknown region', {
          fields: [{ field: 'body.regionCode', message: 'Unknown NUTS code' }],
        });
      }
      await repo.update(o.id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.acronym !== undefined ? { acronym: blankToNull(patch.acronym) } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.website !== undefined ? { website: blankToNull(patch.website) } : {}),
        ...(patch.email !== undefined ? { email: blankToNull(patch.email) } : {}),
        ...(patch.city !== undefined ? { city: blankToNull(patch.city) } : {}),
        ...(patch.foundedYear !== undefined ? { founded_year: patch.foundedYear } : {}),
        ...(patch.regionCode !== undefined
          ? {
              region_code: patch.regionCode,
              country_code: patch.regionCode ? patch.regionCode.slice(0, 2) : o.country_code,
            }
          : {}),
      });
      return get(actor, o.id);
    },
  };
}
export type OrganisationsService = ReturnType<typeof organisationsService>;
