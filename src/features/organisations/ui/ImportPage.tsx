import { useState } from 'react';
import { Redirect, useLocation, useParams } from 'wouter';
import { api, type StartImportInput } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ImportForm } from './ImportForm.tsx';
import { ImportJobView, RecentImports } from './ImportJobView.tsx';
import './import.css';

/**
 * /admin/import and /admin/import/:id — platform administrators upload a file, map its columns, follow
 * the job's progress and read its report. The job runs on the server: leaving the page does not stop it.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { id } = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  // The last upload of this page, so that a dry run can be followed by the real import of the same file.
  const [last, setLast] = useState<{ jobId: string; input: StartImportInput } | null>(null);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string>();
  useDocumentTitle(t('import.title'));

  if (me === undefined) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  if (me === null)
    return (
      <Redirect
        to={`/signin?next=${encodeURIComponent(id ? `/admin/import/${id}` : '/admin/import')}`}
        replace
      />
    );
  if (!me.isAdmin) {
    return (
      <div className="container page">
        <PageHeader title={t('import.title')} lead={t('import.forbidden')} />
      </div>
    );
  }

  const started = (job: { id: string }, input: StartImportInput) => {
    setLast({ jobId: job.id, input });
    setVersion((v) => v + 1);
    navigate(`/admin/import/${job.id}`);
  };
  const runForReal =
    last && id === last.jobId
      ? async () => {
          setMessage(undefined);
          const input = { ...last.input, dryRun: false };
          try {
            started(await api.startImport(input), input);
          } catch (err) {
            setMessage(describeError(err, t).message);
          }
        }
      : undefined;

  return (
    <div className="container page">
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <FormMessage error={message} />
      {id && (
        <ImportJobView
          key={id}
          id={id}
          onFinished={() => setVersion((v) => v + 1)}
          onRunForReal={runForReal}
        />
      )}
      <div className="import-layout">
        <ImportForm onStarted={started} />
        <RecentImports current={id} version={version} />
      </div>
    </div>
  );
}
