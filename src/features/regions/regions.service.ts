import { notFound } from '../../server/http/errors.ts';
import { toOrganisationSummary } from '../organisations/organisations.service.ts';
import type { RegionFilter, RegionsRepo } from './regions.repo.ts';
import type { Region, RegionSummary } from './regions.schemas.ts';

type RegionRow = NonNullable<Awaited<ReturnType<RegionsRepo['find']>>>;

const toSummary = (r: RegionRow): RegionSummary => ({
  code: r.code,
  name: r.name,
  nameLatn: r.name_latn,
  level: r.level,
  countryCode: r.country_code,
  parentCode: r.parent_code,
});

/** NUTS codes nest by prefix: ITC4's ancestors are ITC and IT. */
export const ancestorCodes = (code: string) =>
  Array.from({ length: code.length - 2 }, (_, i) => code.slice(0, 2 + i));

export function regionsService(repo: RegionsRepo) {
  return {
    async list(f: RegionFilter, page: number, pageSize: number) {
      const r = await repo.list(f, page, pageSize);
      return { items: r.items.map(toSummary), total: r.total, page, pageSize };
    },
    async get(code: string): Promise<Region> {
      const region = await repo.find(code);
      if (!region) throw notFound('Region');
      const [ancestors, children, orgs, events, ecosystem] = await Promise.all([
        repo.findMany(ancestorCodes(code)),
        repo.children(code),
        repo.organisations(code, 24),
        repo.eventsIn(code),
        repo.composition(code),
      ]);
      return {
        ...toSummary(region),
        ancestors: ancestors.sort((a, b) => a.level - b.level),
        children,
        organisationCount: orgs.total,
        organisations: orgs.items.map(toOrganisationSummary),
        ecosystem,
        events: events.map((e) => ({
          id: e.id,
          slug: e.slug,
          title: e.title,
          startsAt: e.starts_at.toISOString(),
          timeZone: e.time_zone,
        })),
      };
    },
  };
}
export type RegionsService = ReturnType<typeof regionsService>;
