import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import { api, type Organisation, type OrganisationSummary } from '../../../client/api.ts';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Empty, PagerButtons } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import './profile.css';

const PAGE = 8;

function Row({ organisation: o, action }: { organisation: OrganisationSummary; action: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className="manage-row">
      <span>
        <Link href={`/organisations/${o.slug}`}>{o.name}</Link>{' '}
        <span className={`type-chip type-${o.type}`}>{t(`orgType.${o.type}`)}</span>
        {o.city && <span className="muted"> · {o.city}</span>}
      </span>
      {action}
    </li>
  );
}

/**
 * For a cluster's admins: find organisations of the directory and add them, remove members, and invite
 * organisations that are not on Nexum yet.
 */
export function MembersManager({ cluster, onChanged }: { cluster: Organisation; onChanged: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [memberQuery, setMemberQuery] = useState('');
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const results = useApi(
    (signal) =>
      submitted ? api.organisations({ q: submitted, pageSize: PAGE }, signal) : Promise.resolve(undefined),
    [submitted],
  );
  const members = useApi(
    (signal) =>
      open
        ? api.organisations({ cluster: cluster.slug, q: memberQuery, page, pageSize: PAGE }, signal)
        : Promise.resolve(undefined),
    [open, cluster.slug, memberQuery, page, version],
  );

  async function run(id: string, action: () => Promise<void>, success: string) {
    setBusy(id);
    setStatus({});
    try {
      await action();
      setStatus({ success });
      setVersion((v) => v + 1);
      onChanged();
    } catch (err) {
      setStatus({ error: describeError(err, t).message });
    } finally {
      setBusy(null);
    }
  }

  const search = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(query.trim());
  };

  return (
    <section className="card section" aria-labelledby="manage-members-heading">
      <h2 id="manage-members-heading">{t('profile.manageMembers')}</h2>
      <p className="muted">{t('profile.manageMembersLead')}</p>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('profile.closeManager') : t('profile.openManager')}
      </button>
      {open && (
        <div className="manager-body">
          <FormMessage error={status.error} success={status.success} />
          <form className="inline-form" onSubmit={search}>
            <div className="field">
              <label htmlFor="member-search">{t('profile.findToAdd')}</label>
              <input
                id="member-search"
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder={t('directory.searchPlaceholder')}
              />
            </div>
            <button type="submit" className="button">
              {t('common.search')}
            </button>
          </form>
          {submitted && results.data && (
            <>
              <h3>{t('profile.searchResults')}</h3>
              {results.data.items.filter((o) => o.id !== cluster.id).length === 0 ? (
                <Empty>{t('directory.noResults')}</Empty>
              ) : (
                <ul className="manage-list">
                  {results.data.items
                    .filter((o) => o.id !== cluster.id)
                    .map((o) => (
                      <Row
                        key={o.id}
                        organisation={o}
                        action={
                          <button
                            type="button"
                            className="button button-small"
                            disabled={busy === o.id}
                            aria-label={t('profile.addMemberNamed', { name: o.name })}
                            onClick={() =>
                              run(
                                o.id,
                                () => api.addClusterMember(cluster.id, o.id),
                                t('profile.memberAdded', { name: o.name }),
                              )
                            }
                          >
                            {t('profile.addMember')}
                          </button>
                        }
                      />
                    ))}
                </ul>
              )}
            </>
          )}

          <h3>{t('profile.currentMembers')}</h3>
          <div className="field">
            <label htmlFor="member-filter">{t('profile.filterMembers')}</label>
            <input
              id="member-filter"
              type="search"
              value={memberQuery}
              onChange={(e) => {
                setMemberQuery(e.target.value);
                setPage(1);
              }}
            />
          </div>
          {members.data && members.data.items.length === 0 ? (
            <Empty>{t('common.none')}</Empty>
          ) : (
            <ul className="manage-list">
              {(members.data?.items ?? []).map((o) => (
                <Row
                  key={o.id}
                  organisation={o}
                  action={
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      disabled={busy === o.id}
                      aria-label={t('profile.removeMemberNamed', { name: o.name })}
                      onClick={() =>
                        run(
                          o.id,
                          () => api.removeClusterMember(cluster.id, o.id),
                          t('profile.memberRemoved', { name: o.name }),
                        )
                      }
                    >
                      {t('profile.remove')}
                    </button>
                  }
                />
              ))}
            </ul>
          )}
          {members.data && (
            <PagerButtons page={page} pageSize={PAGE} total={members.data.total} onPage={setPage} />
          )}
          <InvitationsPanel cluster={cluster} />
        </div>
      )}
    </section>
  );
}
