import { type FormEvent, useState } from 'react';
import { Link, Redirect } from 'wouter';
import { api, type IndicatorImportReport } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

/** A .csv as text; a .csv.gz is unpacked in the browser first (the API takes plain CSV). */
async function readCsv(file: File): Promise<string> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text();
  }
  return file.text();
}

function Report({ report }: { report: IndicatorImportReport }) {
  const { t, number } = useI18n();
  return (
    <section className="card section" aria-labelledby="indicator-report">
      <h2 id="indicator-report">
        {report.dryRun ? t('indicatorImport.dryRunReport') : t('indicatorImport.report')}
      </h2>
      <p role="status">
        {t('indicatorImport.summary', {
          rows: number(report.rows),
          created: number(report.created),
          updated: number(report.updated),
          unchanged: number(report.unchanged),
          failed: number(report.failed),
        })}
      </p>
      {report.mapped.length > 0 && (
        <ul>
          {report.mapped.map((m) => (
            <li key={m.from}>{t('indicatorImport.mapped', { from: m.from, to: m.to, count: m.rows })}</li>
          ))}
        </ul>
      )}
      {report.newIndicators.length > 0 && (
        <p>{t('indicatorImport.newIndicators', { list: report.newIndicators.join(', ') })}</p>
      )}
      {report.newSources.length > 0 && (
        <p>{t('indicatorImport.newSources', { list: report.newSources.join(', ') })}</p>
      )}
      {report.problems.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('indicatorImport.problems', { n: number(report.problems.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorImport.line')}</th>
                <th scope="col">{t('indicatorImport.column')}</th>
                <th scope="col">{t('indicatorImport.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 500).map((p) => (
                <tr key={`${p.row}-${p.column ?? ''}`}>
                  <td>{p.row}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** /admin/indicators: administrators load regional indicator figures from a long CSV. */
export default function IndicatorImportPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [report, setReport] = useState<IndicatorImportReport | null>(null);
  useDocumentTitle(t('indicatorImport.title'));
  if (me === undefined)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  if (me === null) return <Redirect to="/signin?next=%2Fadmin%2Findicators" replace />;
  if (!me.isAdmin)
    return (
      <div className="container page">
        <PageHeader title={t('indicatorImport.title')} />
        <p>{t('indicatorImport.onlyAdmins')}</p>
      </div>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError(t('indicatorImport.chooseFile'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api.importIndicators(await readCsv(file), dryRun));
    } catch (err) {
      setReport(null);
      setError(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="container page">
      <PageHeader title={t('indicatorImport.title')} lead={t('indicatorImport.lead')} />
      <section className="card section">
        <form onSubmit={submit} noValidate>
          <FormMessage error={error} />
          <TextField
            label={t('indicatorImport.file')}
            hint={t('indicatorImport.fileHint')}
            type="file"
            name="file"
            accept=".csv,.gz,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <label className="import-check">
            <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
            {t('indicatorImport.dryRun')}
          </label>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy
                ? t('indicatorImport.working')
                : dryRun
                  ? t('indicatorImport.check')
                  : t('indicatorImport.run')}
            </button>
          </div>
        </form>
        <p className="muted">
          <Link href="/attributions">{t('indicatorImport.sourcesLink')}</Link>
        </p>
      </section>
      {report && <Report report={report} />}
    </div>
  );
}
