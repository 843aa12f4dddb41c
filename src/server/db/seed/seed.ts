import type { Insertable, Kysely } from 'kysely';
import type { DB, OrganisationsTable, PeopleTable } from '../schema.ts';
import { EVENT_DEMO_PARTS } from './event-demo.ts';
import {
  MILAN_EVENT,
  MILAN_ORGANISATIONS,
  MILAN_ORGANISERS,
  MILAN_PEOPLE,
  type OrganisationSeed,
  type PersonSeed,
} from './milan2024.ts';
import { EUROPEAN_SAMPLE_REGIONS, generateSample } from './sample.ts';

export interface SeedCounts {
  organisations: number;
  people: number;
  events: number;
}

/**
 * NUTS 2021 level-2 codes the demo refers to. They must be in `regions` before seedDemo runs (the
 * regions importer loads them all); seedDemo names any that are missing.
 */
export const SEED_REGION_CODES: readonly string[] = [
  ...new Set([
    MILAN_EVENT.hostRegionCode,
    ...MILAN_ORGANISATIONS.map((o) => o.regionCode),
    'ITC4', // every generated Lombardy member
    ...EUROPEAN_SAMPLE_REGIONS.map(([code]) => code),
  ]),
].sort();

const BATCH = 500;

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function organisationRow(o: OrganisationSeed, sample: boolean): Insertable<OrganisationsTable> {
  const p = o.profile ?? {};
  return {
    slug: o.slug,
    name: o.name,
    acronym: o.acronym,
    type: o.type,
    description: o.description,
    website: o.website,
    email: null,
    country_code: o.regionCode.slice(0, 2),
    region_code: o.regionCode,
    city: o.city,
    founded_year: o.foundedYear,
    status: 'published',
    sample,
    size_band: p.sizeBand ?? null,
    keywords: p.keywords ?? [],
    ecosystems: p.ecosystems ?? [],
    nace_codes: p.naceCodes ?? [],
    s3_areas: p.s3Areas ?? [],
    offers: p.offers ?? '',
    seeks: p.seeks ?? '',
    programmes: p.programmes ?? [],
    esca_label: p.escaLabel ?? null,
    esca_year: p.escaYear ?? null,
    manager_name: p.managerName ?? null,
    manager_email: p.managerEmail ?? null,
    participations: p.participations ?? 0,
  };
}

function personRow(p: PersonSeed, orgIds: Map<string, string>, sample: boolean): Insertable<PeopleTable> {
  return {
    slug: p.slug,
    full_name: p.fullName,
    honorific: p.honorific,
    job_title: p.jobTitle,
    organisation_id: p.organisationSlug ? idOf(orgIds, p.organisationSlug) : null,
    bio: p.bio,
    sample,
  };
}

function idOf(ids: Map<string, string>, slug: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`Demo seed: unknown slug ${slug}`);
  return id;
}

/**
 * Loads the demo (the Milan 2024 event, its real organisations and people, and the generated sample
 * around it) in one transaction. Does nothing when any event exists, so it is safe at every start-up.
 */
export async function seedDemo(db: Kysely<DB>): Promise<SeedCounts> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('events').select('id').limit(1).executeTakeFirst();
    if (existing) return { organisations: 0, people: 0, events: 0 };

    const present = await trx
      .selectFrom('regions')
      .select('code')
      .where('code', 'in', [...SEED_REGION_CODES])
      .execute();
    const missing = SEED_REGION_CODES.filter((c) => !present.some((r) => r.code === c));
    if (missing.length > 0) {
      throw new Error(`Demo seed needs these regions, import them first: ${missing.join(', ')}`);
    }

    const sample = generateSample();
    const orgRows = [
      ...MILAN_ORGANISATIONS.map((o) => organisationRow(o, false)),
      ...sample.organisations.map((o) => organisationRow(o, true)),
    ];
    const orgIds = new Map<string, string>();
    for (const batch of chunks(orgRows)) {
      const rows = await trx.insertInto('organisations').values(batch).returning(['id', 'slug']).execute();
      for (const r of rows) orgIds.set(r.slug, r.id);
    }

    const memberRows = sample.memberships.map((m) => ({
      cluster_id: idOf(orgIds, m.clusterSlug),
      member_id: idOf(orgIds, m.memberSlug),
      since_year: m.sinceYear,
    }));
    for (const batch of chunks(memberRows)) await trx.insertInto('cluster_members').values(batch).execute();

    const peopleRows = [
      ...MILAN_PEOPLE.map((p) => personRow(p, orgIds, false)),
      ...sample.people.map((p) => personRow(p, orgIds, true)),
    ];
    const personIds = new Map<string, string>();
    for (const batch of chunks(peopleRows)) {
      const rows = await trx.insertInto('people').values(batch).returning(['id', 'slug']).execute();
      for (const r of rows) personIds.set(r.slug, r.id);
    }

    const e = MILAN_EVENT;
    const event = await trx
      .insertInto('events')
      .values({
        slug: e.slug,
        title: e.title,
        summary: e.summary,
        description: e.description,
        starts_at: e.startsAt,
        ends_at: e.endsAt,
        time_zone: e.timeZone,
        venue_name: e.venueName,
        venue_address: e.venueAddress,
        city: e.city,
        host_region_code: e.hostRegionCode,
        status: e.status,
        capacity: null,
        reported_participants: e.reportedParticipants,
        website: e.website,
        sample: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await trx
      .insertInto('event_organisers')
      .values(
        MILAN_ORGANISERS.map((slug, position) => ({
          event_id: event.id,
          organisation_id: idOf(orgIds, slug),
          position,
        })),
      )
      .execute();
    await trx
      .insertInto('event_people')
      .values(
        MILAN_PEOPLE.map((p, position) => ({
          event_id: event.id,
          person_id: idOf(personIds, p.slug),
          role: p.role,
          position,
        })),
      )
      .execute();

    for (const part of EVENT_DEMO_PARTS) await part.run(trx, { eventId: event.id, orgIds, personIds });

    return { organisations: orgRows.length, people: peopleRows.length, events: 1 };
  });
}
