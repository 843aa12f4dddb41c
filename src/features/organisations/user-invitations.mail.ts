import type { OutgoingMail } from '../notifications/outbox.repo.ts';

type Locale = 'en' | 'it';

const TEXTS: Record<
  Locale,
  {
    subject: string;
    lead: string;
    roles: Record<'admin' | 'member', string>;
    how: string;
    link: string;
    until: string;
    hello: string;
    sign: string;
  }
> = {
  en: {
    subject: 'Invitation to {organisation} on Nexum',
    lead: '{inviter} invites you to join {organisation} on Nexum as {role}.',
    roles: { admin: 'an admin (you may edit the profile and manage its people)', member: 'a member' },
    how: 'Nothing changes until you accept. Open the link, sign in (or create an account) with this e-mail address, {email}, and accept or decline. If you did not expect this, ignore this e-mail.',
    link: 'Your invitation',
    until: 'Valid until',
    hello: 'Hello,',
    sign: 'The Nexum team',
  },
  it: {
    subject: 'Invito a {organisation} su Nexum',
    lead: '{inviter} ti invita a unirti a {organisation} su Nexum come {role}.',
    roles: {
      admin: 'amministratore (potrai modificare il profilo e gestirne le persone)',
      member: 'membro',
    },
    how: 'Non cambia nulla finché non accetti. Apri il link, accedi (o crea un account) con questo indirizzo e-mail, {email}, e accetta o rifiuta. Se non te lo aspettavi, ignora questa e-mail.',
    link: 'Il tuo invito',
    until: 'Valido fino al',
    hello: 'Ciao,',
    sign: 'Il team di Nexum',
  },
};

/** The e-mail of an organisation-user invitation, in the invitee's language (English without an account). */
export function invitationMail(v: {
  to: string;
  toUserId: string | null;
  locale: Locale;
  organisation: string;
  inviter: string;
  role: 'admin' | 'member';
  url: string;
  expiresAt: Date;
}): OutgoingMail {
  const x = TEXTS[v.locale];
  const fill = (s: string) =>
    s
      .replaceAll('{organisation}', v.organisation)
      .replaceAll('{inviter}', v.inviter)
      .replaceAll('{role}', x.roles[v.role])
      .replaceAll('{email}', v.to);
  const until = new Intl.DateTimeFormat(v.locale === 'it' ? 'it-IT' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(v.expiresAt);
  return {
    to: v.to,
    toUserId: v.toUserId,
    eventId: null,
    kind: 'organisation_invitation',
    subject: fill(x.subject),
    body: [
      x.hello,
      '',
      fill(x.lead),
      '',
      fill(x.how),
      '',
      `${x.link}: ${v.url}`,
      `${x.until}: ${until}`,
      '',
      `— ${x.sign}`,
    ].join('\n'),
  };
}
