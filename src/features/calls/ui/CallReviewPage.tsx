import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, type HostCall, type RankedApplication } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Empty, ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ApplicationDetails, ApplicationStatusBadge } from './ApplicationDetails.tsx';
import { ScoreSheet } from './ScoreSheet.tsx';
import './calls.css';

function RankingTable({ items }: { items: RankedApplication[] }) {
  const { t, number } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table ranking-table">
        <caption className="visually-hidden">{t('calls.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calls.rank')}</th>
            <th scope="col">{t('calls.field.organisation')}</th>
            <th scope="col">{t('calls.app.region')}</th>
            <th scope="col" className="score">
              {t('calls.score')}
            </th>
            <th scope="col" className="score">
              {t('calls.reviews')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>{a.rank ?? '–'}</td>
              <th scope="row">
                <a href={`#application-${a.id}`}>{a.organisation.name}</a>{' '}
                {a.status !== 'submitted' && <ApplicationStatusBadge status={a.status} />}
              </th>
              <td>{a.region.name}</td>
              <td className="score">{a.score === null ? t('calls.unranked') : number(a.score)}</td>
              <td className="score">{number(a.reviewCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApplicationReview({
  call,
  application: a,
  myId,
  onChanged,
}: {
  call: HostCall;
  application: RankedApplication;
  myId: string;
  onChanged: () => void;
}) {
  const { t, number } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mine = a.reviews.find((r) => r.reviewer.id === myId);
  const select = async () => {
    if (!window.confirm(t('calls.selectConfirm'))) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.selectHostApplication(a.id);
      onChanged();
    } catch (err) {
      setError(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article
      id={`application-${a.id}`}
      className="card section application-card"
      aria-labelledby={`h-${a.id}`}
    >
      <div className="card-badges">
        <ApplicationStatusBadge status={a.status} />
      </div>
      <h3 id={`h-${a.id}`}>
        {a.rank !== null && `${a.rank}. `}
        <Link href={`/organisations/${a.organisation.slug}`}>{a.organisation.name}</Link>
      </h3>
      {a.applicant && <p className="muted">{t('calls.app.by', { name: a.applicant.name })}</p>}
      <ApplicationDetails application={a} />
      {a.reviews.length > 0 && (
        <>
          <h4>{t('calls.reviewCount', { count: a.reviews.length })}</h4>
          <ul className="review-list">
            {a.reviews.map((r) => (
              <li key={r.reviewer.id}>
                {t('calls.reviewBy', { name: r.reviewer.name, score: number(r.weightedScore) })}
                {r.comment && <span className="muted"> — {r.comment}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {a.status !== 'withdrawn' && (
        <>
          <h4>{t('calls.yourReview')}</h4>
          <ScoreSheet
            criteria={call.criteria}
            initial={mine ? { scores: mine.scores, comment: mine.comment } : null}
            saveLabel="calls.saveReview"
            savedLabel="calls.reviewSaved"
            onSave={async (body) => {
              await api.reviewHostApplication(a.id, body);
              onChanged();
            }}
          />
        </>
      )}
      <FormMessage error={error} />
      {a.status === 'submitted' && (
        <p className="actions">
          <button type="button" className="button" disabled={busy} onClick={select}>
            {t('calls.select')}
          </button>
        </p>
      )}
    </article>
  );
}

export default function CallReviewPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { me } = useAuth();
  const call = useApi((signal) => api.hostCall(id, signal), [id]);
  const ranking = useApi((signal) => api.hostRanking(id, signal), [id, me?.id]);
  useDocumentTitle(call.data ? `${t('calls.reviewTitle')}: ${call.data.title}` : undefined);

  const error = call.error ?? ranking.error;
  if (error && (!call.data || !ranking.data)) return <ErrorState error={error} onRetry={ranking.reload} />;
  if (!call.data || !ranking.data || !me) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  return (
    <div className="container page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/calls/${id}`}>{t('calls.backToCall')}</Link>
        </p>
        <h1>
          {t('calls.reviewTitle')}: {call.data.title}
        </h1>
        <p className="lead">{t('calls.rankingLead')}</p>
      </header>
      {ranking.data.items.length === 0 ? (
        <Empty>{t('calls.noApplications')}</Empty>
      ) : (
        <div className="stack">
          <section className="card section" aria-label={t('calls.tableCaption')}>
            <RankingTable items={ranking.data.items} />
          </section>
          {ranking.data.items.map((a) => (
            <ApplicationReview
              key={a.id}
              call={call.data!}
              application={a}
              myId={me.id}
              onChanged={ranking.reload}
            />
          ))}
        </div>
      )}
    </div>
  );
}
