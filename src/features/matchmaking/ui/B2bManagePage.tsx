import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, type B2bDashboard, type B2bScheduleRun } from '../../../client/api.ts';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Badge, Empty, ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { EventTabs } from '../../events/ui/EventTabs.tsx';
import { dayLabel, timeLabel } from '../format.ts';
import './b2b.css';

function Figures({ items }: { items: [string, number | string][] }) {
  return (
    <dl className="b2b-figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function reasonKey(code: string): MessageKey {
  return `b2b.reason.${code}` as MessageKey;
}

function Unscheduled({ items }: { items: B2bDashboard['unscheduled'] }) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty>{t('b2b.noneYet')}</Empty>;
  return (
    <ul className="b2b-list">
      {items.map((u) => (
        <li key={u.requestId}>
          <strong>{u.participants.map((p) => p.name).join(' · ')}</strong>
          <span className="muted"> — {t(reasonKey(u.code))}</span>
        </li>
      ))}
    </ul>
  );
}

function RunPanel({ slug, run, onChange }: { slug: string; run: B2bScheduleRun | null; onChange(): void }) {
  const { t, dateTime, number } = useI18n();
  const [allowMoves, setAllowMoves] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const go = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      onChange();
    } catch (err) {
      setError(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  };
  const s = run?.stats;
  return (
    <section className="card section" aria-labelledby="b2b-scheduler">
      <h2 id="b2b-scheduler">{t('b2b.scheduler')}</h2>
      <p className="muted">{t('b2b.previewHint')}</p>
      <p className="actions">
        <label className="b2b-slot">
          <input type="checkbox" checked={allowMoves} onChange={(e) => setAllowMoves(e.target.checked)} />
          {t('b2b.allowMoves')}
        </label>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => go(() => api.b2bPreview(slug, allowMoves))}
        >
          {t('b2b.runPreview')}
        </button>
      </p>
      <FormMessage error={error} />
      {run && s && (
        <>
          <p>
            {run.publishedAt ? (
              <Badge tone="accent">{t('b2b.publishedAt', { date: dateTime(run.publishedAt) })}</Badge>
            ) : (
              <Badge tone="warning">{t('b2b.previewAt', { date: dateTime(run.createdAt) })}</Badge>
            )}
          </p>
          {run.stale && !run.publishedAt && (
            <p role="status" className="form-message form-error">
              {t('b2b.stale')}
            </p>
          )}
          <Figures
            items={[
              [t('b2b.run.scheduled'), number(s.scheduled)],
              [t('b2b.run.unscheduled'), number(s.unscheduled)],
              [t('b2b.run.weight'), number(s.weight)],
              [t('b2b.run.upperBound'), number(s.upperBound)],
              [
                t('b2b.run.quality'),
                s.upperBound ? `${number(Math.round((1000 * s.weight) / s.upperBound) / 10)} %` : '—',
              ],
              ...(s.firstComeWeight !== undefined
                ? [[t('b2b.run.firstCome'), number(s.firstComeWeight)] as [string, string]]
                : []),
              [t('b2b.run.pinned'), number(s.pinned)],
              [t('b2b.run.moved'), number(s.moved)],
              [t('b2b.run.withoutMeetings'), number(s.participantsWithoutMeetings)],
              [t('b2b.run.standby'), number(s.standbyBlocks)],
            ]}
          />
          {!run.publishedAt && (
            <button
              type="button"
              className="button"
              disabled={busy || run.stale}
              onClick={() => go(() => api.b2bPublish(slug, run.id))}
            >
              {t('b2b.publish')}
            </button>
          )}
          {run.unscheduled.length > 0 && (
            <>
              <h3>{t('b2b.run.unscheduled')}</h3>
              <Unscheduled items={run.unscheduled} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function TablePlan({ slug, version }: { slug: string; version: unknown }) {
  const { t, locale } = useI18n();
  const { data } = useApi((signal) => api.b2bTablePlan(slug, signal), [slug, version]);
  if (!data) return <Loading />;
  const used = data.slots.filter((s) => s.meetings.length > 0);
  if (used.length === 0) return <Empty>{t('b2b.noneYet')}</Empty>;
  let day = '';
  return (
    <div className="b2b-plan">
      {used.map((s) => {
        const d = dayLabel(locale, s.startsAt, data.timeZone);
        const head = d !== day ? <h3>{d}</h3> : null;
        day = d;
        return (
          <div key={s.key}>
            {head}
            <table className="b2b-table">
              <caption>
                {timeLabel(locale, s.startsAt, data.timeZone)}–{timeLabel(locale, s.endsAt, data.timeZone)} ·{' '}
                {s.sessionTitle}
              </caption>
              <tbody>
                {s.meetings.map((m) => (
                  <tr key={m.table}>
                    <th scope="row">{t('b2b.tableN', { n: m.table })}</th>
                    <td>
                      {m.participants
                        .map((p) => (p.organisationName ? `${p.name} (${p.organisationName})` : p.name))
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}

/** /events/:slug/b2b/manage: the organisers' dashboard, scheduler preview and publication, table plan. */
export default function B2bManagePage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t, number } = useI18n();
  const overview = useApi((signal) => api.b2b(slug, signal), [slug]);
  const { data, error, reload } = useApi((signal) => api.b2bDashboard(slug, signal), [slug]);
  const [modeError, setModeError] = useState<string>();
  const ev = overview.data?.event;
  useDocumentTitle(ev ? `${t('b2b.manageTab')} — ${ev.title}` : undefined);
  if (error && !data) {
    if (error.status === 403 || error.status === 401)
      return (
        <div className="container page">
          <h1>{t('b2b.manageTab')}</h1>
          <p>{t('b2b.onlyOrganisers')}</p>
        </div>
      );
    return <ErrorState error={error} onRetry={reload} />;
  }
  if (!data || !ev)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  const setMode = async (mode: 'first_come' | 'scheduler') => {
    try {
      await api.b2bSetMode(slug, mode);
      reload();
    } catch (err) {
      setModeError(describeError(err, t).message);
    }
  };
  return (
    <div className="container page b2b-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/events/${ev.slug}`}>{ev.title}</Link>
        </p>
        <h1>{t('b2b.manageTab')}</h1>
      </header>
      <EventTabs slug={ev.slug} canEdit={ev.canEdit} />
      <div className="b2b-grid">
        <div className="stack">
          <section className="card section" aria-labelledby="b2b-figures">
            <h2 id="b2b-figures">{t('b2b.requestsHeading')}</h2>
            <Figures
              items={[
                [t('b2b.stats.optedIn'), number(data.optedIn)],
                ...(['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const).map(
                  (k) => [t(`b2b.status.${k}`), number(data.requests[k])] as [string, string],
                ),
                [t('b2b.stats.scheduled'), number(data.scheduled)],
                [t('b2b.stats.slots'), number(data.slots)],
                [t('b2b.stats.capacity'), number(data.tables)],
              ]}
            />
            <h3>{t('b2b.outcomes')}</h3>
            <Figures
              items={(['held', 'no_show', 'follow_up', 'cooperation'] as const).map((k) => [
                t(`b2b.outcome.${k}`),
                number(data.outcomes[k]),
              ])}
            />
          </section>
          <RunPanel slug={slug} run={data.lastRun} onChange={reload} />
          <section className="card section" aria-labelledby="b2b-unscheduled">
            <h2 id="b2b-unscheduled">{t('b2b.unscheduled')}</h2>
            <Unscheduled items={data.unscheduled} />
          </section>
          <section className="card section b2b-print" aria-labelledby="b2b-plan">
            <div className="section-head">
              <h2 id="b2b-plan">{t('b2b.tablePlan')}</h2>
              <p className="actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => window.print()}
                >
                  {t('b2b.print')}
                </button>
                <a className="button button-secondary button-small" href={api.b2bTablePlanPdfUrl(slug)}>
                  {t('b2b.tablePlanPdf')}
                </a>
              </p>
            </div>
            <TablePlan slug={slug} version={data} />
          </section>
        </div>
        <div className="stack">
          <section className="card section" aria-labelledby="b2b-mode">
            <h2 id="b2b-mode">{t('b2b.mode')}</h2>
            <fieldset className="b2b-slots">
              <legend className="visually-hidden">{t('b2b.mode')}</legend>
              {(['first_come', 'scheduler'] as const).map((m) => (
                <label key={m} className="b2b-slot">
                  <input type="radio" name="b2b-mode" checked={data.mode === m} onChange={() => setMode(m)} />
                  {t(`b2b.mode.${m}`)}
                </label>
              ))}
            </fieldset>
            <FormMessage error={modeError} />
          </section>
          <section className="card section" aria-labelledby="b2b-without">
            <h2 id="b2b-without">{t('b2b.withoutMeetings')}</h2>
            {data.withoutMeetings.length === 0 ? (
              <Empty>{t('b2b.noneYet')}</Empty>
            ) : (
              <ul className="b2b-compact">
                {data.withoutMeetings.map((p) => (
                  <li key={p.registrationId}>
                    {p.name}
                    {p.organisationName && <span className="muted">, {p.organisationName}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card section" aria-labelledby="b2b-load">
            <h2 id="b2b-load">{t('b2b.load')}</h2>
            {/* Focusable, so keyboard users can scroll a table wider than its card. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1). */}
            <section className="b2b-scroll" tabIndex={0} aria-labelledby="b2b-load">
              <table className="b2b-table">
                <thead>
                  <tr>
                    <th scope="col">{t('b2b.name')}</th>
                    <th scope="col">{t('b2b.sent')}</th>
                    <th scope="col">{t('b2b.received')}</th>
                    <th scope="col">{t('b2b.meetings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.load.slice(0, 60).map((p) => (
                    <tr key={p.registrationId}>
                      <th scope="row">{p.name}</th>
                      <td>{p.sent}</td>
                      <td>{p.received}</td>
                      <td>{p.scheduled}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </section>
        </div>
      </div>
    </div>
  );
}
