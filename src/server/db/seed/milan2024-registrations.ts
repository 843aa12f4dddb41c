import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newBadgeCode } from '../../../features/events/registrations.service.ts';
import type { DB, OrganisationType, RegistrationCategory } from '../schema.ts';
import type { EventDemoPart } from './event-demo.ts';

/**
 * Registrations of the Milan demo: the report counts "over 160 participants". Every person of the event
 * (speakers, moderators, panellists, pitchers) and every generated sample participant gets an account
 * that cannot sign in (e-mail at an example.org domain) and a confirmed registration, marked sample.
 * Categories come from the organisation's type, countries from the organisation. As the event is over,
 * almost everyone was checked in at the door; a few did not show up. Consents follow a fixed pattern.
 * Deterministic apart from the badge codes and calendar tokens, which are secrets and stay random.
 */
const CATEGORY_OF: Record<OrganisationType, RegistrationCategory> = {
  cluster: 'cluster',
  public_authority: 'policymaker',
  company: 'company',
  startup: 'startup',
  research_centre: 'research',
  university: 'research',
  innovation_hub: 'other',
  association: 'other',
  other: 'other',
};
// NUTS writes Greece EL and the United Kingdom UK; registrations store ISO 3166 codes.
const ISO: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** The seats offered: a little above the participants registered, as for a full workshop. */
export const MILAN_CAPACITY = 170;

export const milan2024Registrations: EventDemoPart = async (trx, ctx) => {
  const db = trx as Kysely<DB>;
  const event = await db
    .selectFrom('events')
    .select(['id', 'starts_at'])
    .where('id', '=', ctx.eventId)
    .executeTakeFirstOrThrow();
  const speakers = new Set(
    (await db.selectFrom('event_people').select('person_id').where('event_id', '=', event.id).execute()).map(
      (r) => r.person_id,
    ),
  );
  const ids = [...ctx.personIds.values()];
  if (ids.length === 0) return;
  const people = (
    await db
      .selectFrom('people as p')
      .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select([
        'p.id',
        'p.slug',
        'p.full_name',
        'p.job_title',
        'p.sample',
        'o.id as org_id',
        'o.slug as org_slug',
        'o.type as org_type',
        'o.country_code',
      ])
      .where('p.id', 'in', ids)
      .where('p.user_id', 'is', null)
      .orderBy('p.slug')
      .execute()
  ).filter((p) => p.sample || speakers.has(p.id));
  if (people.length === 0) return;

  const users = await db
    .insertInto('users')
    .values(
      people.map((p) => ({
        email: `${p.slug}@${p.org_slug ?? 'participants'}.example.org`,
        name: p.full_name,
        // Not a scrypt hash: no password signs these accounts in.
        password_hash: '!demo-participant',
        locale: p.country_code === 'IT' ? ('it' as const) : ('en' as const),
      })),
    )
    .returning(['id', 'email'])
    .execute();
  const userOf = new Map(users.map((u) => [u.email, u.id]));

  const starts = new Date(event.starts_at).getTime();
  const day = 86_400_000;
  const rows = people.map((p, i) => {
    const userId = userOf.get(`${p.slug}@${p.org_slug ?? 'participants'}.example.org`)!;
    // Registered between six weeks and four days before the event, spread by position.
    const registeredAt = new Date(starts - (42 - ((i * 37) % 38)) * day + ((i * 7919) % 600) * 60_000);
    // About one in twenty did not come; the others arrived at the door on day one (a few on day two).
    const noShow = i % 20 === 7;
    const checkedIn = noShow
      ? null
      : new Date(starts - 45 * 60_000 + ((i * 131) % 75) * 60_000 + (i % 11 === 3 ? day : 0));
    const country = p.country_code ? (ISO[p.country_code] ?? p.country_code) : null;
    return {
      event_id: event.id,
      user_id: userId,
      person_id: p.id,
      category: p.org_type ? CATEGORY_OF[p.org_type] : 'other',
      organisation_id: p.org_id,
      job_title: p.job_title,
      country_code: country && /^[A-Z]{2}$/.test(country) ? country : null,
      status: 'confirmed' as const,
      consent_contact_at: i % 5 === 2 ? null : registeredAt,
      consent_photos_at: i % 9 === 4 ? null : registeredAt,
      badge_code: newBadgeCode(),
      calendar_token: randomBytes(24).toString('base64url'),
      checked_in_at: checkedIn,
      status_changed_at: registeredAt,
      created_at: registeredAt,
      updated_at: checkedIn ?? registeredAt,
      sample: true,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('registrations')
      .values(rows.slice(i, i + 200))
      .execute();
  // Each account is the directory person it was made for.
  for (const p of people) {
    await db
      .updateTable('people')
      .set({ user_id: userOf.get(`${p.slug}@${p.org_slug ?? 'participants'}.example.org`)! })
      .where('id', '=', p.id)
      .execute();
  }
  await db
    .updateTable('events')
    .set({ capacity: Math.max(MILAN_CAPACITY, rows.length) })
    .where('id', '=', event.id)
    .execute();
};
