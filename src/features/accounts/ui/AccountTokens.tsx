import { type FormEvent, useState } from 'react';
import { api, type CreatedApiToken } from '../../../client/api.ts';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { Empty, ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

function NewToken({ token }: { token: CreatedApiToken }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(token.token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="new-token" role="status">
      <p>
        <strong>{t('account.tokenCreated', { name: token.name })}</strong>
      </p>
      <p className="muted">{t('account.tokenCopyHint')}</p>
      <div className="token-value">
        <code>{token.token}</code>
        <button type="button" className="button button-small" onClick={copy}>
          {t('account.copy')}
        </button>
      </div>
      {copied && <p className="muted">{t('account.copied')}</p>}
    </div>
  );
}

export function AccountTokens() {
  const { t, dateTime } = useI18n();
  const tokens = useApi((signal) => api.tokens(signal), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setNotice(undefined);
    if (!name.trim()) {
      setFields({ name: t('validation.required') });
      setMessage(t('error.form'));
      return;
    }
    setBusy(true);
    setFields({});
    setMessage(undefined);
    try {
      setCreated(await api.createToken(name.trim()));
      setName('');
      tokens.reload();
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setMessage(undefined);
    try {
      await api.revokeToken(id);
      if (created?.id === id) setCreated(undefined);
      setNotice(t('account.tokenRevoked'));
      tokens.reload();
    } catch (err) {
      setMessage(describeError(err, t).message);
    }
  }

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('account.tokens')}</h2>
      <p className="muted">{t('account.tokensLead')}</p>
      <form className="form inline-form" onSubmit={create} noValidate aria-label={t('account.createToken')}>
        <FormMessage error={message} success={notice} />
        <TextField
          label={t('account.tokenName')}
          name="tokenName"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          maxLength={80}
          autoComplete="off"
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('account.createToken')}
          </button>
        </div>
      </form>
      {created && <NewToken token={created} />}
      {tokens.error && !tokens.data && <ErrorState error={tokens.error} onRetry={tokens.reload} level={2} />}
      {tokens.loading && !tokens.data && <Loading />}
      {tokens.data &&
        (tokens.data.items.length === 0 ? (
          <Empty>{t('account.noTokens')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('account.tokenName')}</th>
                  <th scope="col">{t('account.tokenPrefix')}</th>
                  <th scope="col">{t('account.tokenCreatedAt')}</th>
                  <th scope="col">{t('account.tokenLastUsed')}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {tokens.data.items.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>{dateTime(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t('account.neverUsed')}</td>
                    <td className="table-actions">
                      <button
                        type="button"
                        className="button button-small button-danger"
                        aria-label={t('account.revokeToken', { name: token.name })}
                        onClick={() => revoke(token.id)}
                      >
                        {t('account.revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
