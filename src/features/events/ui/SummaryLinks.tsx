import { type FormEvent, useId, useState } from 'react';
import { api, type EventLink, type EventStatistics } from '../../../client/api.ts';
import { FormMessage, SelectField, TextField } from '../../../client/components/Form.tsx';
import { Empty, ExternalLink } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { StatisticsChart } from './StatisticsChart.tsx';
import { useSummaryAction } from './summaryAction.ts';

/** Recordings, the Input Paper and other documents, as plain links. */
export function SummaryLinks({
  event,
  links,
  inputPaperUrl,
  canEdit,
  onChanged,
}: {
  event: string;
  links: EventLink[];
  inputPaperUrl: string | null;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useSummaryAction(onChanged);
  const groups = [
    { kind: 'recording' as const, title: t('summary.recordings') },
    { kind: 'document' as const, title: t('summary.documents') },
  ];
  const none = links.length === 0 && !inputPaperUrl;
  return (
    <>
      <FormMessage error={action.error} success={action.success} />
      {none && <Empty>{t('summary.noLinks')}</Empty>}
      {inputPaperUrl && (
        <p>
          <strong>{t('summary.inputPaper')}:</strong> <ExternalLink href={inputPaperUrl} />
        </p>
      )}
      {groups.map((g) => {
        const items = links.filter((l) => l.kind === g.kind);
        if (items.length === 0) return null;
        return (
          <div key={g.kind} className="link-group">
            <h3>{g.title}</h3>
            <ul className="link-list">
              {items.map((l) => (
                <li key={l.id}>
                  <ExternalLink href={l.url}>{l.title}</ExternalLink>
                  {canEdit && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={action.busy}
                        onClick={() =>
                          action.run(() => api.deleteEventLink(event, l.id), t('summary.linkRemoved'))
                        }
                        aria-label={t('summary.linkRemoveNamed', { title: l.title })}
                      >
                        {t('summary.linkRemove')}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {canEdit && <LinkForm event={event} onAdded={onChanged} />}
    </>
  );
}

function LinkForm({ event, onAdded }: { event: string; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<'recording' | 'document'>('recording');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const action = useSummaryAction(onAdded);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^https:\/\/\S+$/i.test(url.trim())) {
      action.setError(t('summary.httpsOnly'));
      return;
    }
    const ok = await action.run(
      () => api.addEventLink(event, { kind, title: title.trim(), url: url.trim() }),
      t('summary.linkAdded'),
    );
    if (ok) {
      setTitle('');
      setUrl('');
    }
  }
  return (
    <form className="summary-subform" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{t('summary.addLink')}</h3>
      <FormMessage error={action.error} success={action.success} />
      <div className="form-grid">
        <SelectField
          label={t('summary.linkKind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as 'recording' | 'document')}
        >
          <option value="recording">{t('summary.kind.recording')}</option>
          <option value="document">{t('summary.kind.document')}</option>
        </SelectField>
        <TextField
          label={t('summary.linkTitle')}
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={action.fields.title}
          required
        />
        <TextField
          label={t('summary.linkUrl')}
          name="url"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={action.fields.url}
          required
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={action.busy}>
          {t('summary.addLink')}
        </button>
      </div>
    </form>
  );
}

/** Participants by category and by country, as bar charts with tables. */
export function SummaryStatistics({ stats }: { stats: EventStatistics }) {
  const { t, country } = useI18n();
  if (stats.total === 0) return <Empty>{t('summary.noStats')}</Empty>;
  return (
    <>
      <p className="lead-small">
        {t(stats.basis === 'checked_in' ? 'summary.basisCheckedIn' : 'summary.basisConfirmed', {
          count: stats.total,
        })}
      </p>
      <div className="stats-grid">
        <StatisticsChart
          title={t('summary.byCategory')}
          total={stats.total}
          colour="#1d5fa8"
          hidden={stats.hiddenCategory}
          minGroup={stats.minGroup}
          rows={stats.byCategory.map((r) => ({
            key: r.key,
            label: t(`registration.category.${r.key as 'other'}`),
            count: r.count,
          }))}
        />
        <StatisticsChart
          title={t('summary.byCountry')}
          total={stats.total}
          colour="#1f7a55"
          hidden={stats.hiddenCountry}
          minGroup={stats.minGroup}
          rows={stats.byCountry.map((r) => ({ key: r.key, label: country(r.key), count: r.count }))}
        />
      </div>
    </>
  );
}
