import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { Mailer } from './mailer.ts';
import { registrationMail } from './mails.ts';
import { remindersRepo } from './reminders.repo.ts';

/** Reminders go out this long before an event starts. */
export const REMINDER_LEAD_HOURS = 48;

/**
 * Writes a reminder for every confirmed participant of an event starting within the next two days, once
 * per registration (dedupe key `reminder:<registration id>`), then delivers queued mail. Safe to run as
 * often as wanted and from several servers at once.
 */
export async function sendReminders(
  db: Kysely<DB>,
  mailer: Mailer,
  publicUrl: string,
  now = new Date(),
): Promise<{ reminders: number; sent: number; failed: number }> {
  const until = new Date(now.getTime() + REMINDER_LEAD_HOURS * 3_600_000);
  const due = await remindersRepo(db).due(now, until);
  const mails = due.map((r) =>
    registrationMail(
      'event_reminder',
      { registrationId: r.id, userId: r.user_id, email: r.email, name: r.name, locale: r.locale },
      {
        id: r.event_id,
        slug: r.slug,
        title: r.title,
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        timeZone: r.time_zone,
        venue: [r.venue_name, r.city].filter(Boolean).join(', ') || null,
      },
      publicUrl,
      `reminder:${r.id}`,
    ),
  );
  let reminders = 0;
  for (let i = 0; i < mails.length; i += 500) reminders += await mailer.enqueue(mails.slice(i, i + 500));
  const delivered = await mailer.deliver();
  return { reminders, ...delivered };
}

/**
 * The server's periodic sweep: reminders and delivery of queued mail (e.g. after an SMTP outage) every
 * `intervalMs`. Returns a function that stops it.
 */
export function startNotificationSweep(
  db: Kysely<DB>,
  mailer: Mailer,
  publicUrl: string,
  intervalMs = 15 * 60_000,
  log: (message: string) => void = (m) => console.error(m),
): () => void {
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      await sendReminders(db, mailer, publicUrl);
    } catch (e) {
      log(`notification sweep failed: ${(e as Error).message}`);
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
