import { mailer } from '../features/notifications/mailer.ts';
import { sendReminders } from '../features/notifications/reminders.ts';
import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/database.ts';

/**
 * `nexum reminders`: what the server's sweep does, once — for a cron job on installations that run the
 * web server elsewhere. Exit code 1 when some e-mail could not be delivered.
 */
export async function remindersCommand(
  database: Database,
  config: Pick<Config, 'smtp' | 'publicUrl'>,
  out: (line: string) => void = console.log,
): Promise<number> {
  const mail = mailer(database.db, config.smtp);
  try {
    const r = await sendReminders(database.db, mail, config.publicUrl);
    out(
      config.smtp
        ? `reminders written: ${r.reminders}; e-mails sent: ${r.sent}, failed: ${r.failed}`
        : `reminders written: ${r.reminders} (no SMTP_URL: recorded in the outbox, not sent)`,
    );
    return r.failed > 0 ? 1 : 0;
  } finally {
    mail.close();
  }
}
