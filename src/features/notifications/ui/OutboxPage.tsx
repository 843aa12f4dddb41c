import { useState } from 'react';
import { Link, Redirect } from 'wouter';
import { api, type OutboxList } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { SelectField, TextField } from '../../../client/components/Form.tsx';
import {
  Badge,
  Empty,
  ErrorState,
  Loading,
  PageHeader,
  PagerButtons,
} from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './outbox.css';

const STATUSES = ['queued', 'sent', 'failed', 'recorded'] as const;
const TONE = { sent: 'accent', recorded: 'neutral', queued: 'warning', failed: 'danger' } as const;

function Mails({ list }: { list: OutboxList }) {
  const { t, dateTime } = useI18n();
  if (list.items.length === 0) return <Empty>{t('outbox.none')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table outbox-table">
        <thead>
          <tr>
            <th scope="col">{t('outbox.when')}</th>
            <th scope="col">{t('outbox.to')}</th>
            <th scope="col">{t('outbox.subject')}</th>
            <th scope="col">{t('outbox.status')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((m) => (
            <tr key={m.id}>
              <td>
                {dateTime(m.createdAt)}
                {m.sentAt && (
                  <span className="block muted">{t('outbox.sentAt', { when: dateTime(m.sentAt) })}</span>
                )}
              </td>
              <td className="outbox-to">{m.to}</td>
              <td>
                <details>
                  <summary>{m.subject}</summary>
                  <pre className="outbox-body">{m.body}</pre>
                </details>
                <span className="block muted">
                  <code>{m.kind}</code>
                  {m.event && (
                    <>
                      {' · '}
                      <Link href={`/events/${m.event.slug}`}>{m.event.title}</Link>
                    </>
                  )}
                </span>
              </td>
              <td>
                <Badge tone={TONE[m.status]}>{t(`outbox.status.${m.status}`)}</Badge>
                {m.lastError && <span className="block outbox-error">{m.lastError}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /admin/outbox: every e-mail the platform wrote, sent through SMTP or only recorded here. */
export default function OutboxPage() {
  const { t, number } = useI18n();
  const { me } = useAuth();
  const [filter, setFilter] = useState({ status: '', kind: '', q: '' });
  const [page, setPage] = useState(1);
  const admin = !!me?.isAdmin;
  const { data, error, reload } = useApi(
    (signal) => (admin ? api.outbox({ ...filter, page }, signal) : Promise.resolve(undefined)),
    [admin, filter, page],
  );
  useDocumentTitle(t('outbox.title'));
  if (me === undefined)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  if (me === null) return <Redirect to="/signin?next=%2Fadmin%2Foutbox" replace />;
  if (!me.isAdmin)
    return (
      <div className="container page">
        <PageHeader title={t('outbox.title')} />
        <p>{t('outbox.onlyAdmins')}</p>
      </div>
    );
  const set = (key: keyof typeof filter, value: string) => {
    setFilter({ ...filter, [key]: value });
    setPage(1);
  };
  return (
    <div className="container page">
      <PageHeader title={t('outbox.title')} lead={t('outbox.lead')}>
        {data && <p className="muted">{data.smtp ? t('outbox.smtpOn') : t('outbox.smtpOff')}</p>}
      </PageHeader>
      <section className="card section">
        <form className="outbox-filters" onSubmit={(e) => e.preventDefault()}>
          <TextField
            label={t('outbox.search')}
            type="search"
            value={filter.q}
            onChange={(e) => set('q', e.target.value)}
          />
          <SelectField
            label={t('outbox.status')}
            value={filter.status}
            onChange={(e) => set('status', e.target.value)}
          >
            <option value="">{t('outbox.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('outbox.kind')}
            value={filter.kind}
            onChange={(e) => set('kind', e.target.value)}
          >
            <option value="">{t('outbox.all')}</option>
            {(data?.kinds ?? []).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </SelectField>
        </form>
        {error && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <p className="muted">
              {t('outbox.count', { count: data.total, shown: number(data.items.length) })}
            </p>
            <Mails list={data} />
            <PagerButtons page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
          </>
        )}
      </section>
    </div>
  );
}
