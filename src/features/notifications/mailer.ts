import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../../server/db/schema.ts';
import { type OutgoingMail, outboxRepo } from './outbox.repo.ts';

export interface SmtpSettings {
  url: string;
  from: string;
}

/**
 * Every e-mail goes through the outbox table. With SMTP configured, mails are stored 'queued' and a
 * sender delivers them after the transaction that wrote them commits (`kick`) and on each sweep; without
 * SMTP they are stored 'recorded', visible to administrators on the outbox page only.
 */
export function mailer(db: Kysely<DB>, smtp: SmtpSettings | null) {
  const repo = outboxRepo(db);
  const transport = smtp ? nodemailer.createTransport(smtp.url, { from: smtp.from }) : null;
  let running: Promise<{ sent: number; failed: number }> | null = null;
  let again = false;

  async function deliverOnce(): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    if (!transport || !smtp) return result;
    for (;;) {
      const batch = await repo.queued(20);
      if (batch.length === 0) return result;
      let claimed = 0;
      for (const row of batch) {
        const mail = await repo.claim(row.id, row.attempts);
        if (!mail) continue;
        claimed++;
        try {
          await transport.sendMail({
            from: smtp.from,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.body_text,
          });
          await repo.markSent(mail.id);
          result.sent++;
        } catch (e) {
          await repo.markFailed(mail.id, (e as Error).message || String(e));
          result.failed++;
        }
      }
      // Another process took the whole batch: let it finish rather than spin.
      if (claimed === 0) return result;
    }
  }

  /** Delivers every queued mail; concurrent calls share one run (and one more run if mails arrived meanwhile). */
  async function deliver(): Promise<{ sent: number; failed: number }> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const total = { sent: 0, failed: 0 };
      do {
        again = false;
        const r = await deliverOnce();
        total.sent += r.sent;
        total.failed += r.failed;
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    smtpConfigured: !!transport,
    /** Writes mails to the outbox, in the caller's transaction when given one. */
    enqueue: (mails: readonly OutgoingMail[], trx?: Kysely<DB>) =>
      repo.insert(mails, transport ? 'queued' : 'recorded', trx),
    deliver,
    /** Starts delivery in the background after a commit; errors are recorded per mail, never thrown. */
    kick(): void {
      if (!transport) return;
      deliver().catch(() => {});
    },
    /** Resolves when a background delivery (if any) has finished; for tests and shutdown. */
    idle: async () => {
      while (running) await running.catch(() => {});
    },
    close: () => transport?.close(),
  };
}
export type Mailer = ReturnType<typeof mailer>;
