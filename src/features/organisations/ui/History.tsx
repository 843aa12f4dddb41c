import { useState } from 'react';
import { api, type OrganisationChange } from '../../../client/api.ts';
import { Empty, Loading, PagerButtons } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { en } from '../../../shared/i18n/en.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import './profile.css';

/** Field names of the change log that have a label of their own; others show as they are. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'org.field.name',
  acronym: 'org.field.acronym',
  type: 'common.type',
  description: 'org.field.description',
  website: 'org.field.website',
  email: 'org.field.email',
  city: 'org.field.city',
  foundedYear: 'org.field.foundedYear',
  regionCode: 'profile.field.region',
  countryCode: 'common.country',
  sizeBand: 'profile.field.sizeBand',
  offers: 'profile.field.offers',
  seeks: 'profile.field.seeks',
  keywords: 'profile.field.keywords',
  ecosystems: 'profile.field.ecosystems',
  s3Areas: 'profile.field.s3Areas',
  naceCodes: 'profile.field.nace',
  programmes: 'profile.field.programmes',
  escaLabel: 'profile.field.escaLabel',
  escaYear: 'profile.field.escaYear',
  managerName: 'profile.field.managerName',
  managerEmail: 'profile.field.managerEmail',
  status: 'profile.field.status',
  rejectionReason: 'profile.rejectionReason',
  members: 'org.members',
  clusters: 'org.clusters',
  users: 'profile.users',
  logo: 'profile.logo',
};

const translatable = new Set(Object.keys(en));

const ACTIONS = new Set([
  'create',
  'update',
  'submit',
  'publish',
  'reject',
  'claim_approved',
  'user_added',
  'user_removed',
  'user_role_changed',
  'member_added',
  'member_removed',
  'cluster_joined',
  'cluster_left',
  'invitation_accepted',
  'logo_updated',
  'logo_removed',
  'import',
]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** Coded values read as their labels (types, ecosystems, sizes, labels, statuses). */
function useValueLabel() {
  const { t, country } = useI18n();
  const label = (key: string, code: unknown) =>
    typeof code === 'string' && translatable.has(`${key}${code}`) ? t(`${key}${code}` as MessageKey) : code;
  return (field: string, value: unknown): string => {
    const each = (v: unknown) => {
      if (field === 'type') return label('orgType.', v);
      if (field === 'ecosystems') return label('profile.ecosystem.', v);
      if (field === 'sizeBand') return label('profile.sizeBand.', v);
      if (field === 'escaLabel') return label('profile.esca.', v);
      if (field === 'status') return label('profile.status.', v);
      if (field === 'countryCode' && typeof v === 'string') return country(v);
      return v;
    };
    return show(Array.isArray(value) ? value.map(each) : each(value));
  };
}

function Entry({ change }: { change: OrganisationChange }) {
  const { t, dateTime } = useI18n();
  const value = useValueLabel();
  const action = ACTIONS.has(change.action)
    ? t(`profile.action.${change.action}` as MessageKey)
    : change.action;
  return (
    <li className="history-entry">
      <p className="history-head">
        <strong>{action}</strong> · {change.user?.name ?? t('profile.system')} ·{' '}
        <time dateTime={change.createdAt}>{dateTime(change.createdAt)}</time>
      </p>
      {Object.keys(change.changes).length > 0 && (
        <table className="table history-table">
          <thead>
            <tr>
              <th scope="col">{t('profile.historyField')}</th>
              <th scope="col">{t('profile.historyBefore')}</th>
              <th scope="col">{t('profile.historyAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(change.changes).map(([field, { before, after }]) => (
              <tr key={field}>
                <th scope="row">{FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field}</th>
                <td>{value(field, before)}</td>
                <td>{value(field, after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** The profile's change log, for its admins: newest first, ten at a time. */
export function History({ organisationId, version }: { organisationId: string; version: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const log = useApi(
    (signal) => (open ? api.organisationChanges(organisationId, page, signal) : Promise.resolve(undefined)),
    [organisationId, open, page, version],
  );
  return (
    <section className="card section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('profile.history')}</h2>
      <p className="muted">{t('profile.historyLead')}</p>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('profile.hideHistory') : t('profile.showHistory')}
      </button>
      {open && log.loading && !log.data && <Loading />}
      {open && log.data && (
        <>
          {log.data.items.length === 0 ? (
            <Empty>{t('common.none')}</Empty>
          ) : (
            <ol className="history">
              {log.data.items.map((c) => (
                <Entry key={c.id} change={c} />
              ))}
            </ol>
          )}
          {log.data && (
            <PagerButtons
              page={page}
              pageSize={log.data.pageSize}
              total={log.data.total}
              onPage={setPage}
              labels={{ previous: t('profile.newer'), next: t('profile.older') }}
            />
          )}
        </>
      )}
    </section>
  );
}
