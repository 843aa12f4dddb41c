import { formatEventWhen } from '../../shared/i18n/index.ts';
import type { OutgoingMail } from './outbox.repo.ts';

export type RegistrationMailKind =
  | 'registration_confirmed'
  | 'registration_waitlisted'
  | 'registration_pending'
  | 'registration_promoted'
  | 'registration_approved'
  | 'registration_rejected'
  | 'registration_cancelled'
  | 'event_reminder';

export interface MailRecipient {
  registrationId: string;
  userId: string;
  email: string;
  name: string;
  locale: 'en' | 'it';
}

export interface MailEvent {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string | null;
}

type Texts = Record<RegistrationMailKind, { subject: string; lead: string }>;

// The wording of each mail, in the recipient's language ({event} is the event's title).
const TEXTS: Record<'en' | 'it', Texts> = {
  en: {
    registration_confirmed: {
      subject: 'Registration confirmed: {event}',
      lead: 'your registration for {event} is confirmed. Your badge is ready to download.',
    },
    registration_waitlisted: {
      subject: 'You are on the waiting list: {event}',
      lead: 'the event {event} is full, so you are on the waiting list. We will write to you as soon as a seat becomes free.',
    },
    registration_pending: {
      subject: 'Registration received: {event}',
      lead: 'we received your registration for {event}. The organisers approve registrations; we will write to you when they have decided.',
    },
    registration_promoted: {
      subject: 'A seat is yours: {event}',
      lead: 'a seat became free at {event} and it is now yours: your registration is confirmed.',
    },
    registration_approved: {
      subject: 'Registration approved: {event}',
      lead: 'the organisers approved your registration for {event}. It is confirmed.',
    },
    registration_rejected: {
      subject: 'Registration declined: {event}',
      lead: 'we are sorry: the organisers could not accept your registration for {event}.',
    },
    registration_cancelled: {
      subject: 'Registration cancelled: {event}',
      lead: 'your registration for {event} has been cancelled.',
    },
    event_reminder: {
      subject: 'Reminder: {event} is coming up',
      lead: 'a reminder that {event} starts soon. Bring your badge (on paper or on your phone) for a quick check-in.',
    },
  },
  it: {
    registration_confirmed: {
      subject: 'Iscrizione confermata: {event}',
      lead: 'la tua iscrizione a {event} è confermata. Il tuo badge è pronto da scaricare.',
    },
    registration_waitlisted: {
      subject: 'Sei in lista d’attesa: {event}',
      lead: 'l’evento {event} è al completo, quindi sei in lista d’attesa. Ti scriveremo appena si libera un posto.',
    },
    registration_pending: {
      subject: 'Iscrizione ricevuta: {event}',
      lead: 'abbiamo ricevuto la tua iscrizione a {event}. Gli organizzatori approvano le iscrizioni; ti scriveremo quando avranno deciso.',
    },
    registration_promoted: {
      subject: 'Un posto è tuo: {event}',
      lead: 'si è liberato un posto a {event} ed è tuo: la tua iscrizione è confermata.',
    },
    registration_approved: {
      subject: 'Iscrizione approvata: {event}',
      lead: 'gli organizzatori hanno approvato la tua iscrizione a {event}. È confermata.',
    },
    registration_rejected: {
      subject: 'Iscrizione non accettata: {event}',
      lead: 'ci dispiace: gli organizzatori non hanno potuto accettare la tua iscrizione a {event}.',
    },
    registration_cancelled: {
      subject: 'Iscrizione annullata: {event}',
      lead: 'la tua iscrizione a {event} è stata annullata.',
    },
    event_reminder: {
      subject: 'Promemoria: {event} si avvicina',
      lead: 'ti ricordiamo che {event} inizia a breve. Porta il tuo badge (stampato o sul telefono) per un check-in veloce.',
    },
  },
};

const LABELS = {
  en: { hello: 'Hello', when: 'When', where: 'Where', page: 'Your registration', sign: 'The Nexum team' },
  it: { hello: 'Ciao', when: 'Quando', where: 'Dove', page: 'La tua iscrizione', sign: 'Il team di Nexum' },
};

/** One registration e-mail in the recipient's language, with a link to their registration page. */
export function registrationMail(
  kind: RegistrationMailKind,
  to: MailRecipient,
  event: MailEvent,
  publicUrl: string,
  dedupeKey?: string,
): OutgoingMail {
  const text = TEXTS[to.locale][kind];
  const l = LABELS[to.locale];
  const fill = (s: string) => s.replaceAll('{event}', event.title);
  const when = formatEventWhen(
    to.locale,
    event.startsAt.toISOString(),
    event.endsAt.toISOString(),
    event.timeZone,
  );
  const lines = [
    `${l.hello} ${to.name},`,
    '',
    fill(text.lead),
    '',
    `${l.when}: ${when}`,
    ...(event.venue ? [`${l.where}: ${event.venue}`] : []),
    `${l.page}: ${publicUrl}/events/${event.slug}/register`,
    '',
    `— ${l.sign}`,
  ];
  return {
    to: to.email,
    toUserId: to.userId,
    eventId: event.id,
    kind,
    subject: fill(text.subject),
    body: lines.join('\n'),
    ...(dedupeKey ? { dedupeKey } : {}),
  };
}
