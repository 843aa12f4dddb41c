import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, type Registration, type RegistrationList } from '../../../client/api.ts';
import { describeError, FormMessage, SelectField, TextField } from '../../../client/components/Form.tsx';
import { Empty, ErrorState, Loading, PagerButtons, SampleBadge } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { EventTabs } from './EventTabs.tsx';
import { CheckInPanel } from './RegistrationsCheckIn.tsx';
import { CATEGORIES, STATUSES, StatusBadge } from './registrationParts.tsx';
import './registration.css';

const PAGE_SIZE = 50;

function Settings({ slug, list, onSaved }: { slug: string; list: RegistrationList; onSaved: () => void }) {
  const { t } = useI18n();
  const [capacity, setCapacity] = useState(list.capacity === null ? '' : String(list.capacity));
  const [approval, setApproval] = useState(list.requiresApproval);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage({});
    try {
      await api.registrationSettings(slug, {
        capacity: capacity.trim() === '' ? null : Number(capacity),
        requiresApproval: approval,
      });
      setMessage({ success: t('common.saved') });
      onSaved();
    } catch (err) {
      setMessage({ error: describeError(err, t).message });
    }
  };
  return (
    <form className="card section" onSubmit={save} aria-labelledby="reg-settings-heading">
      <h2 id="reg-settings-heading">{t('registration.settings')}</h2>
      <FormMessage {...message} />
      <TextField
        label={t('registration.capacity')}
        hint={t('registration.capacityHint')}
        type="number"
        min={1}
        inputMode="numeric"
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
      />
      <label className="reg-check">
        <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} />
        <span>{t('registration.requiresApproval')}</span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function Row({ r, onChange }: { r: Registration; onChange: (message: string) => void }) {
  const { t, dateTime, country } = useI18n();
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      onChange(done);
    } catch (err) {
      onChange(describeError(err, t).message);
    }
  };
  const active = ['pending', 'confirmed', 'waitlisted'].includes(r.status);
  return (
    <tr>
      <td>
        <strong>{r.user.name}</strong> <SampleBadge sample={r.sample} />
        <span className="block muted">{r.user.email}</span>
      </td>
      <td>
        {r.organisation?.name ?? '—'}
        {r.countryCode && <span className="block muted">{country(r.countryCode)}</span>}
      </td>
      <td>{t(`registration.category.${r.category}`)}</td>
      <td>
        <StatusBadge status={r.status} />
        {r.waitlistPosition !== null && <span className="block muted">#{r.waitlistPosition}</span>}
      </td>
      <td>
        {r.checkedInAt ? (
          <span>
            {dateTime(r.checkedInAt)}
            {r.checkedInBy && <span className="block muted">{r.checkedInBy}</span>}
          </span>
        ) : (
          '—'
        )}
      </td>
      <td>
        <div className="reg-actions">
          {r.status === 'pending' && (
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                act(
                  () => api.registrationAction(r.id, 'approve'),
                  t('registration.approved', { name: r.user.name }),
                )
              }
            >
              {t('registration.approve')}
            </button>
          )}
          {(r.status === 'pending' || r.status === 'waitlisted') && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() =>
                act(
                  () => api.registrationAction(r.id, 'reject'),
                  t('registration.rejected', { name: r.user.name }),
                )
              }
            >
              {t('registration.reject')}
            </button>
          )}
          {r.status === 'confirmed' && !r.checkedInAt && (
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                act(() => api.checkIn(r.id), t('registration.checkedInName', { name: r.user.name }))
              }
            >
              {t('registration.checkInButton')}
            </button>
          )}
          {r.checkedInAt && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() =>
                act(() => api.undoCheckIn(r.id), t('registration.undone', { name: r.user.name }))
              }
            >
              {t('registration.undoCheckIn')}
            </button>
          )}
          {active && (
            <button
              type="button"
              className="button button-danger button-small"
              onClick={() =>
                act(
                  () => api.registrationAction(r.id, 'cancel'),
                  t('registration.cancelledName', { name: r.user.name }),
                )
              }
            >
              {t('registration.cancelShort')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

/** /events/:slug/registrations: the organisers' list with decisions, check-in, capacity and downloads. */
export default function RegistrationsManagePage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t, locale, number } = useI18n();
  const [filter, setFilter] = useState({ q: '', status: '', category: '' });
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string>();
  const state = useApi((signal) => api.registrationState(slug, signal), [slug]);
  const list = useApi(
    (signal) => api.registrations(slug, { ...filter, page, pageSize: PAGE_SIZE }, signal),
    [slug, filter, page],
  );
  useDocumentTitle(state.data ? `${t('registration.manageTitle')} — ${state.data.event.title}` : undefined);
  const error = state.error ?? list.error;
  if (error && (!state.data || !list.data)) {
    if (error.status === 403)
      return (
        <div className="container page">
          <p>{t('registration.onlyOrganisers')}</p>
        </div>
      );
    return (
      <ErrorState
        error={error}
        onRetry={() => {
          state.reload();
          list.reload();
        }}
      />
    );
  }
  if (!state.data || !list.data)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  const e = state.data.event;
  const l = list.data;
  const refresh = (message?: string) => {
    setNotice(message);
    list.reload();
    state.reload();
  };
  const set = (key: keyof typeof filter, value: string) => {
    setFilter({ ...filter, [key]: value });
    setPage(1);
  };
  return (
    <div className="container page reg-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/events/${e.slug}`}>{e.title}</Link>
        </p>
        <h1>{t('registration.manageTitle')}</h1>
      </header>
      <EventTabs slug={e.slug} canEdit={e.canManage} />
      <ul className="reg-counts" aria-label={t('registration.counts')}>
        <li className="reg-count">
          <strong>
            {number(l.counts.confirmed ?? 0)}
            {e.capacity !== null && ` / ${number(e.capacity)}`}
          </strong>
          <span>{t('registration.status.confirmed')}</span>
        </li>
        <li className="reg-count">
          <strong>{number(l.counts.waitlisted ?? 0)}</strong>
          <span>{t('registration.status.waitlisted')}</span>
        </li>
        <li className="reg-count">
          <strong>{number(l.counts.pending ?? 0)}</strong>
          <span>{t('registration.status.pending')}</span>
        </li>
        <li className="reg-count">
          <strong>{number(l.checkedIn)}</strong>
          <span>{t('registration.checkedInLabel')}</span>
        </li>
      </ul>
      <div className="reg-manage-grid">
        <CheckInPanel slug={e.slug} onChecked={() => refresh()} />
        <section className="card section" aria-labelledby="reg-downloads-heading">
          <h2 id="reg-downloads-heading">{t('registration.downloads')}</h2>
          <p className="actions">
            <a className="button button-secondary" href={api.participantsCsvUrl(e.slug)} download>
              {t('registration.exportCsv')}
            </a>
            <a className="button button-secondary" href={api.badgesUrl(e.slug, locale)} download>
              {t('registration.allBadges')}
            </a>
          </p>
          <p className="muted">{t('registration.exportNote')}</p>
        </section>
        <Settings
          key={`${l.capacity}-${l.requiresApproval}`}
          slug={e.slug}
          list={l}
          onSaved={() => refresh()}
        />
      </div>
      <section className="card section" aria-labelledby="reg-list-heading">
        <h2 id="reg-list-heading">{t('registration.participants')}</h2>
        <form className="reg-filters" onSubmit={(ev) => ev.preventDefault()}>
          <TextField
            label={t('registration.search')}
            type="search"
            value={filter.q}
            onChange={(ev) => set('q', ev.target.value)}
          />
          <SelectField
            label={t('registration.statusFilter')}
            value={filter.status}
            onChange={(ev) => set('status', ev.target.value)}
          >
            <option value="">{t('registration.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`registration.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('registration.category')}
            value={filter.category}
            onChange={(ev) => set('category', ev.target.value)}
          >
            <option value="">{t('registration.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`registration.category.${c}`)}
              </option>
            ))}
          </SelectField>
        </form>
        <output className="reg-notice">{notice}</output>
        <p className="muted">{t('registration.results', { count: l.total })}</p>
        {l.items.length === 0 ? (
          <Empty>{t('registration.none')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('registration.name')}</th>
                  <th scope="col">{t('registration.organisation')}</th>
                  <th scope="col">{t('registration.category')}</th>
                  <th scope="col">{t('registration.statusFilter')}</th>
                  <th scope="col">{t('registration.checkedIn')}</th>
                  <th scope="col">{t('registration.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {l.items.map((r) => (
                  <Row key={r.id} r={r} onChange={refresh} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PagerButtons page={page} pageSize={PAGE_SIZE} total={l.total} onPage={setPage} />
      </section>
    </div>
  );
}
