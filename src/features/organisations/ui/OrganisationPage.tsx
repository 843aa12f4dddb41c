import { Link, useParams } from 'wouter';
import { api, type Organisation } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { EventLinkList, OrganisationList } from '../../../client/components/cards.tsx';
import { useInlineEdit } from '../../../client/components/EditForm.tsx';
import { FormMessage } from '../../../client/components/Form.tsx';
import {
  Badge,
  Empty,
  ErrorState,
  Loading,
  Paragraphs,
  SampleBadge,
} from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { History } from './History.tsx';
import { ClaimPanel, LifecyclePanel } from './LifecyclePanel.tsx';
import { LogoManager } from './LogoManager.tsx';
import { MembersChart } from './MembersChart.tsx';
import { MembersManager } from './MembersManager.tsx';
import { OrganisationEditForm } from './OrganisationEditForm.tsx';
import { Activities, ClusterFacts, Details, EscaBadge, OffersSeeks } from './ProfileFacts.tsx';
import { UsersManager } from './UsersManager.tsx';
import './profile.css';

function Members({ organisation: o }: { organisation: Organisation }) {
  const { t, number } = useI18n();
  return (
    <section className="card section" aria-labelledby="members-heading">
      <h2 id="members-heading">
        {t('org.members')} <span className="count">{number(o.members.total)}</span>
      </h2>
      <MembersChart byType={o.members.byType} total={o.members.total} />
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

const STATUS_TONE = {
  draft: 'neutral',
  submitted: 'accent',
  rejected: 'danger',
  published: 'neutral',
} as const;

export default function OrganisationPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useI18n();
  const { me } = useAuth();
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
      <header className="page-header profile-header">
        {o.logoUrl && (
          <img src={o.logoUrl} alt={t('profile.logoAlt', { name: o.name })} className="profile-logo" />
        )}
        <div>
          <div className="card-badges">
            <span className={`type-chip type-${o.type}`}>{t(`orgType.${o.type}`)}</span>
            {o.status !== 'published' && (
              <Badge tone={STATUS_TONE[o.status]}>{t(`profile.status.${o.status}`)}</Badge>
            )}
            {o.escaLabel && <EscaBadge label={o.escaLabel} year={o.escaYear} />}
            <SampleBadge sample={o.sample} />
          </div>
          <h1>
            {o.name}
            {o.acronym && o.acronym !== o.name && <span className="title-acronym"> ({o.acronym})</span>}
          </h1>
          {(o.city || o.regionName) && (
            <p className="lead">{[o.city, o.regionName].filter(Boolean).join(', ')}</p>
          )}
          {o.canEdit && !edit.editing && (
            <p className="actions">
              <button type="button" className="button button-secondary" onClick={edit.start}>
                {t('org.edit')}
              </button>
            </p>
          )}
        </div>
      </header>
      <FormMessage success={edit.saved ? t('common.saved') : undefined} />
      <LifecyclePanel organisation={o} onChange={setData} />

      {edit.editing && (
        <>
          <OrganisationEditForm organisation={o} onCancel={edit.cancel} onSaved={edit.done} />
          <LogoManager organisation={o} onChanged={reload} />
        </>
      )}

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
          <OffersSeeks organisation={o} />
          <Activities organisation={o} />
          {showMembers && <Members organisation={o} />}
          {o.canEdit && o.type === 'cluster' && <MembersManager cluster={o} onChanged={reload} />}
          <section className="card section" aria-labelledby="events-heading">
            <h2 id="events-heading">{t('org.events')}</h2>
            <EventLinkList events={o.events} empty={t('common.none')} />
          </section>
          {o.canEdit && <History organisationId={o.id} version={o.updatedAt} />}
        </div>
        <div className="stack">
          <section className="card section" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('org.details')}</h2>
            <Details organisation={o} />
          </section>
          <ClusterFacts organisation={o} />
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
          {o.canEdit && me && <UsersManager organisation={o} myId={me.id} />}
          {o.status === 'published' && <ClaimPanel organisation={o} />}
        </div>
      </div>
    </div>
  );
}
