import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

export type SignUpOutcome =
  | { kind: 'no_session' }
  | { kind: 'no_registration' }
  | { kind: 'full'; taken: number }
  | { kind: 'signed_up'; taken: number; created: boolean };

export function signupsRepo(db: Kysely<DB>) {
  const confirmed = (eventId: string, userId: string) =>
    db
      .selectFrom('registrations')
      .select('id')
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .where('status', '=', 'confirmed');
  return {
    hasConfirmedRegistration: async (eventId: string, userId: string) =>
      !!(await confirmed(eventId, userId).executeTakeFirst()),
    /** The sessions of the event the user is signed up for (with a confirmed registration). */
    sessionsOf: async (eventId: string, userId: string) =>
      new Set(
        (
          await db
            .selectFrom('session_signups as ss')
            .innerJoin('registrations as r', 'r.id', 'ss.registration_id')
            .select('ss.session_id')
            .where('r.event_id', '=', eventId)
            .where('r.user_id', '=', userId)
            .where('r.status', '=', 'confirmed')
            .execute()
        ).map((r) => r.session_id),
      ),
    /**
     * Takes a seat when one is left. The session row is locked first, so concurrent sign-ups for one
     * session run one after the other and each counts the seats the previous ones took.
     */
    signUp: (eventId: string, sessionId: string, userId: string, capacity: number) =>
      db.transaction().execute(async (trx): Promise<SignUpOutcome> => {
        const session = await trx
          .selectFrom('event_sessions')
          .select('id')
          .where('id', '=', sessionId)
          .where('event_id', '=', eventId)
          .forUpdate()
          .executeTakeFirst();
        if (!session) return { kind: 'no_session' };
        const registration = await trx
          .selectFrom('registrations')
          .select('id')
          .where('event_id', '=', eventId)
          .where('user_id', '=', userId)
          .where('status', '=', 'confirmed')
          .executeTakeFirst();
        if (!registration) return { kind: 'no_registration' };
        const count = async () =>
          Number(
            (
              await trx
                .selectFrom('session_signups as ss')
                .innerJoin('registrations as r', 'r.id', 'ss.registration_id')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('ss.session_id', '=', sessionId)
                .where('r.status', '=', 'confirmed')
                .executeTakeFirstOrThrow()
            ).n,
          );
        const already = await trx
          .selectFrom('session_signups')
          .select('session_id')
          .where('session_id', '=', sessionId)
          .where('registration_id', '=', registration.id)
          .executeTakeFirst();
        if (already) return { kind: 'signed_up', taken: await count(), created: false };
        const taken = await count();
        if (taken >= capacity) return { kind: 'full', taken };
        await trx
          .insertInto('session_signups')
          .values({ session_id: sessionId, registration_id: registration.id })
          .execute();
        return { kind: 'signed_up', taken: taken + 1, created: true };
      }),
    withdraw: async (eventId: string, sessionId: string, userId: string) => {
      await db
        .deleteFrom('session_signups')
        .where('session_id', '=', sessionId)
        .where('registration_id', 'in', (eb) =>
          eb
            .selectFrom('registrations')
            .select('id')
            .where('event_id', '=', eventId)
            .where('user_id', '=', userId),
        )
        .execute();
    },
    taken: async (sessionId: string) =>
      Number(
        (
          await db
            .selectFrom('session_signups as ss')
            .innerJoin('registrations as r', 'r.id', 'ss.registration_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('ss.session_id', '=', sessionId)
            .where('r.status', '=', 'confirmed')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /** Who signed up, for the organisers' view of a session. */
    participants: (sessionId: string) =>
      db
        .selectFrom('session_signups as ss')
        .innerJoin('registrations as r', 'r.id', 'ss.registration_id')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select(['u.name', 'o.name as org_name', 'ss.created_at'])
        .where('ss.session_id', '=', sessionId)
        .where('r.status', '=', 'confirmed')
        .orderBy('ss.created_at')
        .execute(),
  };
}
export type SignupsRepo = ReturnType<typeof signupsRepo>;
