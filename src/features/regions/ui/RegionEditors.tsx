import { type FormEvent, useId, useState } from 'react';
import { FormMessage, TextField } from '../../../client/components/Form.tsx';
import { Empty, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { editorialApi } from './editorial.api.ts';
import { useAction } from './useAction.ts';

/** Platform administrators name and remove the region's editors (existing accounts, by e-mail). */
export function RegionEditors({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t, date } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const action = useAction();
  const editors = useApi((signal) => editorialApi.editors(code, signal), [code]);
  const changed = () => {
    editors.reload();
    onChanged();
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    const ok = await action.run(
      () => editorialApi.grantEditor(code, email.trim()),
      (r) => t('regionEditors.added', { name: r.name }),
    );
    if (ok) {
      setEmail('');
      changed();
    }
  }

  return (
    <section className="card section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('regionEditors.heading')}</h2>
      <p className="muted">{t('regionEditors.lead')}</p>
      <FormMessage error={action.error} success={action.success} />
      {!editors.data ? (
        <Loading />
      ) : editors.data.items.length === 0 ? (
        <Empty>{t('regionEditors.none')}</Empty>
      ) : (
        <ul className="link-list">
          {editors.data.items.map((e) => (
            <li key={e.userId}>
              {e.name} <span className="muted">{e.email}</span>{' '}
              <span className="muted">{t('regionEditors.since', { date: date(e.grantedAt) })}</span>{' '}
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={action.busy}
                onClick={async () => {
                  if (
                    await action.run(
                      () => editorialApi.revokeEditor(code, e.userId),
                      () => t('regionEditors.removed'),
                    )
                  )
                    changed();
                }}
              >
                {t('regionEditors.remove', { name: e.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={add} noValidate>
        <TextField
          label={t('regionEditors.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={action.fields.email}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-small" disabled={action.busy || !email.trim()}>
            {t('regionEditors.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
