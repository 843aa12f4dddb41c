import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { changesRepo } from './changes.repo.ts';
import { changesService } from './changes.service.ts';
import { claimsRepo } from './claims.repo.ts';
import { claimsService } from './claims.service.ts';
import { lifecycleRepo } from './lifecycle.repo.ts';
import { lifecycleService } from './lifecycle.service.ts';
import { logoRepo } from './logo.repo.ts';
import { logoService } from './logo.service.ts';
import { membershipRepo } from './membership.repo.ts';
import { membershipService } from './membership.service.ts';
import { naceRepo } from './nace.repo.ts';
import { naceService } from './nace.service.ts';
import type { OrganisationsService } from './organisations.service.ts';
import { userInvitationsRepo } from './user-invitations.repo.ts';
import { userInvitationsService } from './user-invitations.service.ts';

/** The use cases around a directory profile, wired to their repositories. */
export function profileServices(
  db: Kysely<DB>,
  organisations: OrganisationsService,
  mail: { mailer: Pick<Mailer, 'enqueue' | 'kick'>; publicUrl: string },
) {
  return {
    lifecycle: lifecycleService(lifecycleRepo(db), organisations),
    claims: claimsService(claimsRepo(db), organisations),
    membership: membershipService(membershipRepo(db), organisations),
    userInvitations: userInvitationsService(userInvitationsRepo(db), organisations, mail),
    changes: changesService(changesRepo(db), organisations),
    logos: logoService(logoRepo(db), organisations),
    nace: naceService(naceRepo(db)),
  };
}
export type ProfileServices = ReturnType<typeof profileServices>;
