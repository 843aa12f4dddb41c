import { useId, useState } from 'react';
import { type AgendaPersonHit, api } from '../../../client/api.ts';
import { useSearchHits } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

export type Role = 'speaker' | 'moderator' | 'panellist' | 'pitcher';
const ROLES: Role[] = ['speaker', 'moderator', 'panellist', 'pitcher'];

export interface PickedPerson {
  personId: string;
  fullName: string;
  organisationName: string | null;
  role: Role;
}

/**
 * The people of a session: directory people found by name, each with a role, in the order shown on the
 * agenda. The search runs as the organiser types (a short pause first).
 */
export function AgendaPeoplePicker({
  event,
  value,
  onChange,
  defaultRole,
  error,
}: {
  event: string;
  value: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  defaultRole: Role;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const { hits, setHits, searching } = useSearchHits(
    q,
    (query, signal) => api.agendaPeople(event, query, signal),
    [event],
  );

  const add = (p: AgendaPersonHit) => {
    // The same person twice in the same role would be refused by the server.
    if (value.some((v) => v.personId === p.id && v.role === defaultRole)) return;
    onChange([
      ...value,
      { personId: p.id, fullName: p.fullName, organisationName: p.organisationName, role: defaultRole },
    ]);
    setQ('');
    setHits([]);
  };
  const update = (i: number, patch: Partial<PickedPerson>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const remove = (i: number) => onChange(value.filter((_, j) => j !== i));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [p] = next.splice(i, 1);
    next.splice(i + by, 0, p!);
    onChange(next);
  };

  return (
    <fieldset className={`field agenda-picker${error ? ' has-error' : ''}`}>
      <legend>{t('agenda.field.people')}</legend>
      {value.length > 0 && (
        <ol className="agenda-picked">
          {value.map((p, i) => (
            <li key={`${p.personId}-${p.role}`}>
              <span className="agenda-picked-name">
                {p.fullName}
                {p.organisationName && <span className="muted"> · {p.organisationName}</span>}
              </span>
              <label className="visually-hidden" htmlFor={`${id}-role-${i}`}>
                {t('agenda.roleOf', { name: p.fullName })}
              </label>
              <select
                id={`${id}-role-${i}`}
                value={p.role}
                onChange={(e) => update(i, { role: e.target.value as Role })}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`, { count: 1 })}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => move(i, -1)}
                disabled={i === 0}
                aria-label={t('agenda.moveUp', { name: p.fullName })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-danger button-small"
                onClick={() => remove(i)}
                aria-label={t('agenda.removePerson', { name: p.fullName })}
              >
                {t('agenda.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={`${id}-search`}>{t('agenda.findPerson')}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('agenda.findPersonHint')}
      </p>
      <div aria-live="polite">
        {searching && <span className="muted">{t('common.loading')}</span>}
        {!searching && q.trim().length >= 2 && hits.length === 0 && (
          <span className="muted">{t('agenda.noPeople')}</span>
        )}
      </div>
      {hits.length > 0 && (
        <ul className="agenda-hits">
          {hits.map((p) => (
            <li key={p.id}>
              <button type="button" className="button button-secondary button-small" onClick={() => add(p)}>
                {t('agenda.addPerson', { name: p.fullName })}
              </button>
              <span className="muted">
                {[p.jobTitle, p.organisationName].filter(Boolean).join(', ')}
                {p.sample && ` · ${t('common.sample')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
