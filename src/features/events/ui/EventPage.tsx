import { Link, useParams } from 'wouter';
import { api, type EventDetail, type EventPerson } from '../../../client/api.ts';
import { CalendarIcon, PinIcon } from '../../../client/components/cards.tsx';
import { useInlineEdit } from '../../../client/components/EditForm.tsx';
import { FormMessage } from '../../../client/components/Form.tsx';
import {
  Badge,
  Empty,
  ErrorState,
  ExternalLink,
  Loading,
  Paragraphs,
  SampleBadge,
} from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { BannerManager } from './BannerManager.tsx';
import { EventEditForm } from './EventEditForm.tsx';
import { EventInputPaper } from './EventInputPaper.tsx';
import { EventTabs } from './EventTabs.tsx';
import './summary.css';

const ROLE_ORDER: EventPerson['role'][] = [
  'speaker',
  'moderator',
  'panellist',
  'pitcher',
  'organiser',
  'contact',
];

function People({ people }: { people: EventPerson[] }) {
  const { t } = useI18n();
  const groups = ROLE_ORDER.map((role) => ({ role, people: people.filter((p) => p.role === role) })).filter(
    (g) => g.people.length > 0,
  );
  if (groups.length === 0) return <Empty>{t('common.none')}</Empty>;
  return (
    <div className="role-groups">
      {groups.map((group) => (
        <div key={group.role} className="role-group">
          <h3>{t(`role.${group.role}`, { count: group.people.length })}</h3>
          <ul className="people-list">
            {group.people.map((p) => (
              <li key={`${p.id}-${p.role}`}>
                <span className="person-name">{[p.honorific, p.fullName].filter(Boolean).join(' ')}</span>
                {(p.jobTitle || p.organisation) && (
                  <span className="muted">
                    {p.jobTitle}
                    {p.jobTitle && p.organisation && ', '}
                    {p.organisation && (
                      <Link href={`/organisations/${p.organisation.slug}`}>{p.organisation.name}</Link>
                    )}
                  </span>
                )}
                <SampleBadge sample={p.sample} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function ShareLinks({ event }: { event: EventDetail }) {
  const { t } = useI18n();
  const url = `${window.location.origin}/events/${event.slug}`;
  const enc = encodeURIComponent;
  const links = [
    {
      name: t('event.shareLinkedIn'),
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`,
    },
    { name: t('event.shareX'), href: `https://x.com/intent/post?url=${enc(url)}&text=${enc(event.title)}` },
    {
      name: t('event.shareEmail'),
      href: `mailto:?subject=${enc(event.title)}&body=${enc(`${event.summary}\n\n${url}`.trim())}`,
    },
  ];
  return (
    <ul className="share-links">
      {links.map((link) => (
        <li key={link.name}>
          <a href={link.href} rel="noopener noreferrer" className="button button-secondary button-small">
            {link.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Facts({ event: e }: { event: EventDetail }) {
  const { t, eventWhen, number, dateTime } = useI18n();
  return (
    <dl className="details">
      <div>
        <dt>{t('event.when')}</dt>
        <dd>
          <time dateTime={e.startsAt}>{eventWhen(e.startsAt, e.endsAt, e.timeZone)}</time>
        </dd>
      </div>
      {(e.venueName || e.venueAddress || e.city) && (
        <div>
          <dt>{t('event.where')}</dt>
          <dd>
            {e.venueName && <span className="block">{e.venueName}</span>}
            {e.venueAddress && <span className="block">{e.venueAddress}</span>}
            {e.city && !e.venueAddress?.includes(e.city) && <span className="block">{e.city}</span>}
          </dd>
        </div>
      )}
      {e.hostRegion && (
        <div>
          <dt>{t('event.hostRegion')}</dt>
          <dd>
            <Link href={`/regions/${e.hostRegion.code}`}>{e.hostRegion.name}</Link>
          </dd>
        </div>
      )}
      {(e.reportedParticipants !== null || e.capacity !== null) && (
        <div>
          <dt>{t('event.participants')}</dt>
          <dd>
            {e.reportedParticipants !== null && (
              <span className="block">
                {t('event.reportedParticipants', { count: e.reportedParticipants })}
              </span>
            )}
            {e.capacity !== null && (
              <span className="block muted">{t('event.capacity', { count: number(e.capacity) })}</span>
            )}
          </dd>
        </div>
      )}
      {e.website && (
        <div>
          <dt>{t('event.website')}</dt>
          <dd>
            <ExternalLink href={e.website} />
          </dd>
        </div>
      )}
      <EventInputPaper event={e} />
      {(e.registrationOpensAt || e.registrationClosesAt) && (
        <div>
          <dt>{t('eventInfo.registration')}</dt>
          <dd>
            {e.registrationOpensAt && (
              <span className="block">
                {t('eventInfo.opens', { when: dateTime(e.registrationOpensAt, e.timeZone) })}
              </span>
            )}
            {e.registrationClosesAt && (
              <span className="block">
                {t('eventInfo.closes', { when: dateTime(e.registrationClosesAt, e.timeZone) })}
              </span>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

export default function EventPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t, eventWhen } = useI18n();
  const { data, error, loading, reload, setData } = useApi((signal) => api.event(slug, signal), [slug]);
  const edit = useInlineEdit(setData);
  useDocumentTitle(data?.title);

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if ((loading && !data) || !data) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  const e = data;

  return (
    <div className="container page">
      {e.banner && (
        // Decorative: the title and facts say what the event is.
        <img
          src={e.banner.url}
          alt=""
          width={e.banner.width}
          height={e.banner.height}
          className="event-banner"
        />
      )}
      <header className="page-header">
        <div className="card-badges">
          <SampleBadge sample={e.sample} />
          {e.status === 'cancelled' && <Badge tone="danger">{t('events.status.cancelled')}</Badge>}
          {e.status === 'draft' && <Badge>{t('events.status.draft')}</Badge>}
          {e.status === 'past' && <Badge>{t('events.status.past')}</Badge>}
        </div>
        <h1>{e.title}</h1>
        <p className="meta meta-large">
          <CalendarIcon />
          <time dateTime={e.startsAt}>{eventWhen(e.startsAt, e.endsAt, e.timeZone)}</time>
        </p>
        {(e.venueName || e.city) && (
          <p className="meta meta-large">
            <PinIcon />
            <span>{[e.venueName, e.city].filter(Boolean).join(', ')}</span>
          </p>
        )}
        {e.summary && <p className="lead">{e.summary}</p>}
        {e.themes.length > 0 && (
          <ul className="theme-chips" aria-label={t('eventInfo.themes')}>
            {e.themes.map((theme) => (
              <li key={theme} className="theme-chip">
                {theme}
              </li>
            ))}
          </ul>
        )}
        {e.canEdit && !edit.editing && (
          <p className="actions">
            <button type="button" className="button button-secondary" onClick={edit.start}>
              {t('event.edit')}
            </button>
          </p>
        )}
      </header>
      <EventTabs slug={e.slug} canEdit={e.canEdit} />
      <FormMessage success={edit.saved ? t('common.saved') : undefined} />

      {edit.editing && <EventEditForm event={e} onCancel={edit.cancel} onSaved={edit.done} />}
      {edit.editing && <BannerManager event={e} onChanged={reload} />}

      <div className="two-columns">
        <div className="stack">
          <section className="card section" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('event.about')}</h2>
            {e.description.trim() ? <Paragraphs text={e.description} /> : <Empty>{t('common.none')}</Empty>}
          </section>
          <section className="card section" aria-labelledby="people-heading">
            <h2 id="people-heading">{t('event.people')}</h2>
            <People people={e.people} />
          </section>
        </div>
        <div className="stack">
          <section className="card section" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('event.details')}</h2>
            <Facts event={e} />
          </section>
          <section className="card section" aria-labelledby="organisers-heading">
            <h2 id="organisers-heading">{t('event.organisers')}</h2>
            {e.organisers.length === 0 ? (
              <Empty>{t('common.none')}</Empty>
            ) : (
              <ul className="link-list">
                {e.organisers.map((o) => (
                  <li key={o.id}>
                    <Link href={`/organisations/${o.slug}`}>{o.name}</Link> <SampleBadge sample={o.sample} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card section" aria-labelledby="share-heading">
            <h2 id="share-heading">{t('event.share')}</h2>
            <ShareLinks event={e} />
          </section>
        </div>
      </div>
    </div>
  );
}
