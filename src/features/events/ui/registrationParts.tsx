import { useEffect, useId, useState } from 'react';
import { api, type OrganisationSummary, type Registration } from '../../../client/api.ts';
import { Badge } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';

export const CATEGORIES = ['cluster', 'policymaker', 'company', 'startup', 'research', 'other'] as const;
export const STATUSES = ['confirmed', 'waitlisted', 'pending', 'cancelled', 'rejected'] as const;

// Countries offered in the form: Europe and the neighbours the cluster programmes reach (ISO 3166).
const COUNTRY_CODES = `AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE
  IS LI NO CH GB AL BA ME MK RS XK MD UA GE AM TR IL TN MA EG US CA`.split(/\s+/);

export function useCountryOptions(): { code: string; name: string }[] {
  const { country, locale } = useI18n();
  return COUNTRY_CODES.map((code) => ({ code, name: country(code) })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
}

export function StatusBadge({ status }: { status: Registration['status'] }) {
  const { t } = useI18n();
  const tone =
    status === 'confirmed'
      ? 'accent'
      : status === 'waitlisted' || status === 'pending'
        ? 'warning'
        : 'danger';
  return <Badge tone={tone}>{t(`registration.status.${status}`)}</Badge>;
}

/**
 * Picks an organisation of the directory by name: results appear as you type (published profiles, and
 * drafts you administer); the choice is shown with a button to change it.
 */
export function OrganisationPicker({
  value,
  onChange,
  error,
}: {
  value: OrganisationSummary | null;
  onChange: (o: OrganisationSummary | null) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<OrganisationSummary[]>([]);
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    if (value || q.trim().length < 2) {
      setHits([]);
      setSearched(false);
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      api
        .organisations({ q: q.trim(), pageSize: 8 }, controller.signal)
        .then((r) => {
          setHits(r.items);
          setSearched(true);
        })
        .catch(() => {});
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, value]);

  if (value)
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {t('registration.organisation')}
        </span>
        <p className="reg-chosen">
          <strong>{value.name}</strong>
          {value.city && <span className="muted"> · {value.city}</span>}{' '}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onChange(null)}
          >
            {t('registration.changeOrganisation')}
          </button>
        </p>
      </div>
    );
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{t('registration.organisationSearch')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('registration.organisationSearchHint')}
      </p>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setQ(e.target.value)}
      />
      {error && <p className="field-error">{error}</p>}
      <div aria-live="polite" className="reg-hits">
        {searched && hits.length === 0 && <p className="muted">{t('registration.noOrganisation')}</p>}
        {hits.length > 0 && (
          <ul className="reg-hit-list">
            {hits.map((o) => (
              <li key={o.id}>
                <button type="button" className="reg-hit" onClick={() => onChange(o)}>
                  <span>{o.name}</span>
                  <span className="muted">
                    {[t(`orgType.${o.type}`), o.city, o.countryCode].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The answers of a registration as a definition list. */
export function RegistrationFacts({ reg }: { reg: Registration }) {
  const { t, country, dateTime } = useI18n();
  const yesNo = (at: string | null) =>
    at ? t('registration.consentGiven', { when: dateTime(at) }) : t('registration.consentNotGiven');
  return (
    <dl className="details reg-facts">
      <div>
        <dt>{t('registration.category')}</dt>
        <dd>{t(`registration.category.${reg.category}`)}</dd>
      </div>
      <div>
        <dt>{t('registration.organisation')}</dt>
        <dd>
          {reg.organisation?.name ?? '—'}
          {reg.organisation?.status === 'draft' && (
            <span className="muted"> ({t('registration.draftOrganisation')})</span>
          )}
        </dd>
      </div>
      {reg.jobTitle && (
        <div>
          <dt>{t('registration.jobTitle')}</dt>
          <dd>{reg.jobTitle}</dd>
        </div>
      )}
      {reg.countryCode && (
        <div>
          <dt>{t('registration.country')}</dt>
          <dd>{country(reg.countryCode)}</dd>
        </div>
      )}
      <div>
        <dt>{t('registration.consentContact')}</dt>
        <dd>{yesNo(reg.consentContactAt)}</dd>
      </div>
      <div>
        <dt>{t('registration.consentPhotos')}</dt>
        <dd>{yesNo(reg.consentPhotosAt)}</dd>
      </div>
    </dl>
  );
}
