import { Link, useParams } from 'wouter';
import { api, type Organisation } from '../../../client/api.ts';
import { EventLinkList, OrganisationList } from '../../../client/components/cards.tsx';
import { useInlineEdit } from '../../../client/components/EditForm.tsx';
import { FormMessage } from '../../../client/components/Form.tsx';
import {
  Empty,
  ErrorState,
  ExternalLink,
  Loading,
  Paragraphs,
  SampleBadge,
} from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { OrganisationEditForm } from './OrganisationEditForm.tsx';

function Details({ organisation: o }: { organisation: Organisation }) {
  const { t, country } = useI18n();
  return (
    <dl className="details">
      <div>
        <dt>{t('common.type')}</dt>
        <dd>{t(`orgType.${o.type}`)}</dd>
      </div>
      {o.acronym && (
        <div>
          <dt>{t('org.acronym')}</dt>
          <dd>{o.acronym}</dd>
        </div>
      )}
      {o.regionCode && (
        <div>
          <dt>{t('common.region')}</dt>
          <dd>
            <Link href={`/regions/${o.regionCode}`}>{o.regionName ?? o.regionCode}</Link>
          </dd>
        </div>
      )}
      {o.countryCode && (
        <div>
          <dt>{t('common.country')}</dt>
          <dd>
            <Link href={`/regions/${o.countryCode}`}>{country(o.countryCode)}</Link>
          </dd>
        </div>
      )}
      {o.city && (
        <div>
          <dt>{t('common.city')}</dt>
          <dd>{o.city}</dd>
        </div>
      )}
      {o.website && (
        <div>
          <dt>{t('common.website')}</dt>
          <dd>
            <ExternalLink href={o.website} />
          </dd>
        </div>
      )}
      {o.email && (
        <div>
          <dt>{t('common.email')}</dt>
          <dd>
            <a href={`mailto:${o.email}`}>{o.email}</a>
          </dd>
        </div>
      )}
      {o.foundedYear && (
        <div>
          <dt>{t('org.founded')}</dt>
          <dd>{o.foundedYear}</dd>
        </div>
      )}
    </dl>
  );
}

function Members({ organisation: o }: { organisation: Organisation }) {
  const { t, number } = useI18n();
  return (
    <section className="card section" aria-labelledby="members-heading">
      <h2 id="members-heading">
        {t('org.members')} <span className="count">{number(o.members.total)}</span>
      </h2>
      {o.members.byType.length > 0 && (
        <>
          <h3 className="visually-hidden">{t('org.membersByType')}</h3>
          <ul className="chip-list">
            {o.members.byType.map((entry) => (
              <li key={entry.type} className={`type-chip type-${entry.type}`}>
                {t(`orgType.${entry.type}`)}: {number(entry.count)}
              </li>
            ))}
          </ul>
        </>
      )}
      <OrganisationList organisations={o.members.items} empty={t('common.none')} />
      {o.members.total > o.members.items.length && (
        <p className="muted">
          {t('common.showingFirst', { shown: o.members.items.length, total: o.members.total })}{' '}
          <Link href={`/organisations?cluster=${o.slug}`}>
            {t('org.seeAllMembers', { total: o.members.total })}
          </Link>
        </p>
      )}
    </section>
  );
}

export default function OrganisationPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useI18n();
  const { data, error, loading, reload, setData } = useApi(
    (signal) => api.organisation(slug, signal),
    [slug],
  );
  const edit = useInlineEdit(setData);
  useDocumentTitle(data?.name);

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  if (!data) return null;
  const o = data;
  const showMembers = o.type === 'cluster' || o.members.total > 0;

  return (
    <div className="container page">
      <header className="page-header">
        <div className="card-badges">
          <span className={`type-chip type-${o.type}`}>{t(`orgType.${o.type}`)}</span>
          <SampleBadge sample={o.sample} />
        </div>
        <h1>
          {o.name}
          {o.acronym && o.acronym !== o.name && <span className="title-acronym"> ({o.acronym})</span>}
        </h1>
        {o.city && <p className="lead">{[o.city, o.regionName].filter(Boolean).join(', ')}</p>}
        {o.canEdit && !edit.editing && (
          <p className="actions">
            <button type="button" className="button button-secondary" onClick={edit.start}>
              {t('org.edit')}
            </button>
          </p>
        )}
      </header>
      <FormMessage success={edit.saved ? t('common.saved') : undefined} />

      {edit.editing && <OrganisationEditForm organisation={o} onCancel={edit.cancel} onSaved={edit.done} />}

      <div className="two-columns">
        <div className="stack">
          <section className="card section" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('org.about')}</h2>
            {o.description.trim() ? (
              <Paragraphs text={o.description} />
            ) : (
              <Empty>{t('org.noDescription')}</Empty>
            )}
          </section>
          {showMembers && <Members organisation={o} />}
          <section className="card section" aria-labelledby="events-heading">
            <h2 id="events-heading">{t('org.events')}</h2>
            <EventLinkList events={o.events} empty={t('common.none')} />
          </section>
        </div>
        <div className="stack">
          <section className="card section" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('org.details')}</h2>
            <Details organisation={o} />
          </section>
          <section className="card section" aria-labelledby="clusters-heading">
            <h2 id="clusters-heading">{t('org.clusters')}</h2>
            <OrganisationList organisations={o.clusters} empty={t('org.noClusters')} />
          </section>
          <section className="card section" aria-labelledby="people-heading">
            <h2 id="people-heading">{t('org.people')}</h2>
            {o.people.length === 0 ? (
              <Empty>{t('common.none')}</Empty>
            ) : (
              <ul className="people-list">
                {o.people.map((p) => (
                  <li key={p.id}>
                    <span className="person-name">{[p.honorific, p.fullName].filter(Boolean).join(' ')}</span>
                    {p.jobTitle && <span className="muted">{p.jobTitle}</span>}
                    <SampleBadge sample={p.sample} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
