import { type FormEvent, useId, useState } from 'react';
import { type AgendaPersonHit, api, type EventQuote } from '../../../client/api.ts';
import { FormMessage, TextAreaField, TextField } from '../../../client/components/Form.tsx';
import { Badge, Empty } from '../../../client/components/ui.tsx';
import { useSearchHits } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { SummaryItemActions } from './SummaryItemActions.tsx';
import { moved, useSummaryAction } from './summaryAction.ts';

function Attribution({ q }: { q: EventQuote }) {
  const { t } = useI18n();
  const p = q.person;
  const role = [p.jobTitle, p.organisationName].filter(Boolean).join(', ');
  return (
    <figcaption className="quote-by">
      <span aria-hidden="true">— </span>
      <span className="quote-name">{[p.honorific, p.fullName].filter(Boolean).join(' ')}</span>
      {role && <span>, {role}</span>}
      {q.context && <span className="muted block">{q.context}</span>}
      {q.paraphrase && (
        <span className="block">
          <Badge>{t('summary.paraphrased')}</Badge>
        </span>
      )}
    </figcaption>
  );
}

/** Quotes attributed to directory people, in the organisers' order; paraphrases say so. */
export function SummaryQuotes({
  event,
  quotes,
  canEdit,
  onChanged,
}: {
  event: string;
  quotes: EventQuote[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useSummaryAction(onChanged);
  const move = (i: number, by: -1 | 1) =>
    action.run(() =>
      api.orderEventItems(
        event,
        'quotes',
        moved(quotes, i, by).map((q) => q.id),
      ),
    );
  return (
    <>
      <FormMessage error={action.error} success={action.success} />
      {quotes.length === 0 ? (
        <Empty>{t('summary.noQuotes')}</Empty>
      ) : (
        <ul className="quote-list">
          {quotes.map((q, i) => (
            <li key={q.id}>
              <figure className="quote">
                <blockquote>
                  <p>{q.paraphrase ? q.text : `“${q.text}”`}</p>
                </blockquote>
                <Attribution q={q} />
              </figure>
              {canEdit && (
                <SummaryItemActions
                  index={i}
                  count={quotes.length}
                  busy={action.busy}
                  onMove={(by) => move(i, by)}
                  onRemove={() =>
                    action.run(() => api.deleteEventQuote(event, q.id), t('summary.quoteRemoved'))
                  }
                  removeLabel={t('summary.quoteRemove')}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <QuoteForm event={event} onAdded={onChanged} />}
    </>
  );
}

function QuoteForm({ event, onAdded }: { event: string; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [person, setPerson] = useState<AgendaPersonHit>();
  const [text, setText] = useState('');
  const [context, setContext] = useState('');
  const [paraphrase, setParaphrase] = useState(false);
  const action = useSummaryAction(onAdded);

  // Once a person is chosen, the search stops and its hits go.
  const { hits } = useSearchHits(person ? '' : q, (query, signal) => api.agendaPeople(event, query, signal), [
    event,
  ]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!person) {
      action.setError(t('summary.choosePerson'));
      return;
    }
    const ok = await action.run(
      () => api.addEventQuote(event, { personId: person.id, text, context: context || null, paraphrase }),
      t('summary.quoteAdded'),
    );
    if (ok) {
      setText('');
      setContext('');
      setParaphrase(false);
      setPerson(undefined);
      setQ('');
    }
  }

  return (
    <form className="summary-subform" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{t('summary.addQuote')}</h3>
      <FormMessage error={action.error} success={action.success} />
      {person ? (
        <p className="picked-person">
          {t('summary.quotePerson')}: <strong>{person.fullName}</strong>
          {person.organisationName && <span className="muted">, {person.organisationName}</span>}{' '}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setPerson(undefined)}
          >
            {t('summary.changePerson')}
          </button>
        </p>
      ) : (
        <>
          <TextField
            label={t('summary.quotePerson')}
            name="person"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            hint={t('summary.quotePersonHint')}
            error={action.fields.personId}
            autoComplete="off"
          />
          {hits.length > 0 && (
            <ul className="person-hits" aria-label={t('summary.quotePeopleFound')}>
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" className="person-hit" onClick={() => setPerson(h)}>
                    {h.fullName}
                    {h.organisationName && <span className="muted">, {h.organisationName}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <TextAreaField
        label={t('summary.quoteText')}
        name="text"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={action.fields.text}
        required
      />
      <TextField
        label={t('summary.quoteContext')}
        name="context"
        value={context}
        onChange={(e) => setContext(e.target.value)}
        error={action.fields.context}
        optional
      />
      <label className="summary-check">
        <input type="checkbox" checked={paraphrase} onChange={(e) => setParaphrase(e.target.checked)} />
        <span>{t('summary.quoteParaphrase')}</span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={action.busy}>
          {t('summary.addQuote')}
        </button>
      </div>
    </form>
  );
}
