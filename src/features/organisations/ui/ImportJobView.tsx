import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import {
  ApiError,
  api,
  type ImportJob,
  type ImportJobDetail,
  type ImportProblem,
} from '../../../client/api.ts';
import { Badge, Empty, ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { en } from '../../../shared/i18n/en.ts';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index.ts';

type T = (key: MessageKey, params?: MessageParams) => string;

/** "Region (NUTS code)" for an exchange column; other names (a file's own columns) as they are. */
export function columnLabel(t: T, column: string): string {
  const key = `import.column.${column}`;
  return key in en ? t(key as MessageKey) : column;
}

function problemText(t: T, p: ImportProblem): string {
  return t(`import.problem.${p.code}` as MessageKey, {
    field: p.field ? columnLabel(t, p.field) : t('import.wholeRow'),
    other: p.other ?? '?',
  });
}

/** The job's rows, re-read every second while it runs. */
function useJob(id: string, onFinished: () => void) {
  const [job, setJob] = useState<ImportJobDetail>();
  const [error, setError] = useState<ApiError>();
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setJob(undefined);
    setError(undefined);
    const load = async () => {
      try {
        const j = await api.importJob(id);
        if (stopped) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running') timer = setTimeout(load, 1000);
        else finished.current();
      } catch (err) {
        if (!stopped) setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return { job, error };
}

function Problems({ job }: { job: ImportJobDetail }) {
  const { t, number } = useI18n();
  if (job.problemCount === 0) return <p className="form-message form-success">{t('import.noProblems')}</p>;
  return (
    <section aria-labelledby="import-problems-heading">
      <h3 id="import-problems-heading">{t('import.problems', { count: job.problemCount })}</h3>
      {job.problemCount > job.problems.length && (
        <p className="muted">{t('import.problemsShown', { shown: number(job.problems.length) })}</p>
      )}
      <div className="table-wrap import-problems">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.field')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {job.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order.
              <tr key={i}>
                <td>{p.row ? number(p.row) : t('import.wholeFile')}</td>
                <td>{p.field ? columnLabel(t, p.field) : t('import.wholeRow')}</td>
                <td>
                  {problemText(t, p)}
                  {p.value && (
                    <>
                      {' '}
                      <q className="import-value">{p.value}</q>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={api.importReportUrl(job.id)} download>
          {t('import.downloadReport')}
        </a>
      </p>
    </section>
  );
}

function phaseText(t: T, n: (v: number) => string, job: ImportJob): string {
  if (job.phase === 'queued') return t('import.phase.queued');
  if (job.phase === 'checking') return t('import.phase.checking');
  if (job.phase === 'importing') {
    return t('import.phase.importing', { done: n(job.rowsDone), total: n(job.rowsTotal ?? 0) });
  }
  return job.status === 'done' ? t('import.phase.done', { rows: n(job.rowsDone) }) : t('import.phase.failed');
}

/** One job: a progress bar while it runs, then the summary and the problems. */
export function ImportJobView({
  id,
  onFinished,
  onRunForReal,
}: {
  id: string;
  onFinished: () => void;
  /** Offered after a successful dry run of a file this page still holds. */
  onRunForReal?: (() => void) | undefined;
}) {
  const { t, number, dateTime } = useI18n();
  const { job, error } = useJob(id, onFinished);
  if (error) return <ErrorState error={error} level={2} />;
  if (!job) return <Loading />;
  const finished = job.phase === 'finished';
  const summary: [string, number][] = [
    [t('import.created'), job.created],
    [t('import.updated'), job.updated],
    [t('import.skipped'), job.skipped],
    [t('import.failed'), job.failed],
  ];
  return (
    <section className="card section import-job" aria-labelledby="import-job-heading">
      <h2 id="import-job-heading">{job.fileName ?? t(`import.kind.${job.kind}`)}</h2>
      <p className="meta">
        {job.dryRun && <Badge tone="accent">{t('import.dryRunBadge')}</Badge>}{' '}
        <Badge tone={job.status === 'failed' ? 'danger' : 'neutral'}>
          {t(`import.status.${job.status}`)}
        </Badge>{' '}
        <time dateTime={job.createdAt}>{dateTime(job.createdAt)}</time>
        {' · '}
        {job.createdBy?.name ?? t('import.commandLine')}
      </p>
      <div className="import-progress">
        <label htmlFor="import-progress-bar">{t('import.progress')}</label>
        <progress id="import-progress-bar" max={1} value={job.progress}>
          {Math.round(job.progress * 100)}%
        </progress>
        <p className="import-phase">{phaseText(t, number, job)}</p>
        {/* Announced once per phase, not on every row count. */}
        <p className="visually-hidden" role="status">
          {job.phase === 'importing' ? t('import.phase.running') : phaseText(t, number, job)}
        </p>
      </div>
      {job.error && (
        <div className="form-message form-error" role="alert">
          {job.error}
        </div>
      )}
      {finished && (
        <>
          <h3 className="visually-hidden">{t('import.summary')}</h3>
          <dl className="stats import-summary">
            {summary.map(([label, value]) => (
              <div className="stat" key={label}>
                <dt>{label}</dt>
                <dd className="stat-value">{number(value)}</dd>
              </div>
            ))}
          </dl>
          {job.dryRun && job.status === 'done' && <p className="muted">{t('import.dryRunNote')}</p>}
          {onRunForReal && job.dryRun && job.status === 'done' && (
            <p>
              <button type="button" className="button" onClick={onRunForReal}>
                {t('import.runForReal')}
              </button>
            </p>
          )}
          <Problems job={job} />
        </>
      )}
    </section>
  );
}

/** The latest jobs, each a link to its page. */
export function RecentImports({ current, version }: { current: string | undefined; version: number }) {
  const { t, dateTime, number } = useI18n();
  const list = useApi((signal) => api.imports(signal), [version]);
  return (
    <section className="card section" aria-labelledby="import-recent-heading">
      <h2 id="import-recent-heading">{t('import.recent')}</h2>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} level={2} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Empty>{t('import.noJobs')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ul className="import-recent">
          {list.data.items.map((job) => (
            <li key={job.id} aria-current={job.id === current ? 'true' : undefined}>
              <Link href={`/admin/import/${job.id}`}>{job.fileName ?? t(`import.kind.${job.kind}`)}</Link>
              <span className="meta">
                <time dateTime={job.createdAt}>{dateTime(job.createdAt)}</time> ·{' '}
                {t(`import.status.${job.status}`)}
                {job.dryRun && <> · {t('import.dryRunBadge')}</>}
              </span>
              <span className="import-counts">
                {t('import.created')} {number(job.created)} · {t('import.updated')} {number(job.updated)} ·{' '}
                {t('import.skippedShort')} {number(job.skipped)} · {t('import.failed')} {number(job.failed)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
