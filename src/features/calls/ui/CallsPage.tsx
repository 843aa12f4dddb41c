import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, type HostCallSummary } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { Badge, Empty, ErrorState, Loading, SampleBadge } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { CALL_ZONE, CallForm } from './CallForm.tsx';
import './calls.css';

export function CallStatusBadge({
  call,
}: {
  call: Pick<HostCallSummary, 'status' | 'acceptingApplications'>;
}) {
  const { t } = useI18n();
  if (call.status === 'draft') return <Badge>{t('calls.status.draft')}</Badge>;
  return call.acceptingApplications ? (
    <Badge tone="accent">{t('calls.status.open')}</Badge>
  ) : (
    <Badge tone="warning">{t('calls.status.closed')}</Badge>
  );
}

function CallList({ calls, empty }: { calls: HostCallSummary[]; empty: string }) {
  const { t, dateTime } = useI18n();
  if (calls.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="call-list">
      {calls.map((c) => (
        <li key={c.id} className="card section call-card">
          <div className="card-badges">
            <CallStatusBadge call={c} />
            <SampleBadge sample={c.sample} />
          </div>
          <h3>
            <Link href={`/calls/${c.id}`}>{c.title}</Link>
          </h3>
          <p className="meta">
            {t('calls.deadline', { date: `${dateTime(c.deadline, CALL_ZONE)} (${CALL_ZONE})` })}
          </p>
          {c.body && <p className="card-summary">{c.body.split(/\n\s*\n/)[0]}</p>}
        </li>
      ))}
    </ul>
  );
}

export default function CallsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const isAdmin = !!me?.isAdmin;
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi(
    (signal) => api.hostCalls(isAdmin ? 'all' : 'open', signal),
    [isAdmin],
  );
  useDocumentTitle(t('calls.title'));

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  const open = data?.items.filter((c) => c.acceptingApplications) ?? [];
  return (
    <div className="container page">
      <header className="page-header">
        <h1>{t('calls.title')}</h1>
        <p className="lead">{t('calls.lead')}</p>
        {isAdmin && !creating && (
          <p className="actions">
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('calls.new')}
            </button>
          </p>
        )}
      </header>
      {creating && (
        <section className="card section" aria-labelledby="new-call-heading">
          <h2 id="new-call-heading">{t('calls.new')}</h2>
          <CallForm
            onCancel={() => setCreating(false)}
            onSave={async (body) => navigate(`/calls/${(await api.createHostCall(body)).id}`)}
          />
        </section>
      )}
      {loading && !data ? (
        <Loading />
      ) : (
        <div className="stack">
          <section aria-labelledby="open-calls-heading">
            <h2 id="open-calls-heading">{t('calls.open')}</h2>
            <CallList calls={open} empty={t('calls.noOpen')} />
          </section>
          {isAdmin && (
            <section aria-labelledby="all-calls-heading">
              <h2 id="all-calls-heading">{t('calls.all')}</h2>
              <CallList
                calls={(data?.items ?? []).filter((c) => !c.acceptingApplications)}
                empty={t('calls.noCalls')}
              />
            </section>
          )}
        </div>
      )}
    </div>
  );
}
