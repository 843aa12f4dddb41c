import { type FormEvent, useId, useRef, useState } from 'react';
import { api, type EventSummaryPage } from '../../../client/api.ts';
import { FormActions } from '../../../client/components/EditForm.tsx';
import { FormMessage } from '../../../client/components/Form.tsx';
import { Empty } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useSummaryAction } from './summaryAction.ts';

/** The article, as sanitised by the server (an allow-list of tags; links get rel="noopener noreferrer"). */
export function ArticleView({ html }: { html: string }) {
  const { t } = useI18n();
  if (!html.trim()) return <Empty>{t('summary.noArticle')}</Empty>;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitised it (summary.sanitize.ts).
  return <div className="summary-article" dangerouslySetInnerHTML={{ __html: html }} />;
}

const TOOLS: { key: MessageKey; open: string; close: string }[] = [
  { key: 'summary.tool.h2', open: '<h2>', close: '</h2>' },
  { key: 'summary.tool.h3', open: '<h3>', close: '</h3>' },
  { key: 'summary.tool.p', open: '<p>', close: '</p>' },
  { key: 'summary.tool.bold', open: '<strong>', close: '</strong>' },
  { key: 'summary.tool.italic', open: '<em>', close: '</em>' },
  { key: 'summary.tool.list', open: '<ul>\n<li>', close: '</li>\n</ul>' },
];

/**
 * The organisers' editor: HTML in a text area with buttons that wrap the selection in the allowed tags,
 * and the publication switch. The server sanitises what is saved; the page shows the saved result.
 */
export function ArticleEditor({
  event,
  summary,
  onSaved,
  onCancel,
}: {
  event: string;
  summary: EventSummaryPage;
  onSaved: (page: EventSummaryPage) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [html, setHtml] = useState(summary.bodyHtml);
  const [published, setPublished] = useState(summary.published);
  const [link, setLink] = useState('');
  const action = useSummaryAction(() => {});

  function wrap(open: string, close: string) {
    const el = area.current;
    if (!el) return;
    const { selectionStart: a, selectionEnd: b } = el;
    const next = html.slice(0, a) + open + html.slice(a, b) + close + html.slice(b);
    setHtml(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(a + open.length, b + open.length);
    });
  }

  function addLink() {
    const href = link.trim();
    if (!/^https?:\/\/\S+$/i.test(href)) {
      action.setError(t('summary.linkInvalid'));
      return;
    }
    wrap(`<a href="${href.replace(/"/g, '%22')}">`, '</a>');
    setLink('');
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    let saved: EventSummaryPage | undefined;
    const ok = await action.run(async () => {
      saved = await api.putEventSummary(event, { bodyHtml: html, published });
    });
    if (ok && saved) onSaved(saved);
  }

  return (
    <form className="card form summary-editor" onSubmit={save} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`}>{t('summary.editArticle')}</h2>
      <FormMessage error={action.error} />
      <div
        className="summary-toolbar"
        role="toolbar"
        aria-label={t('summary.toolbar')}
        aria-controls={`${id}-html`}
      >
        {TOOLS.map((tool) => (
          <button
            key={tool.key}
            type="button"
            className="button button-secondary button-small"
            onClick={() => wrap(tool.open, tool.close)}
          >
            {t(tool.key)}
          </button>
        ))}
        <span className="summary-toolbar-link">
          <label htmlFor={`${id}-link`} className="visually-hidden">
            {t('summary.linkAddress')}
          </label>
          <input
            id={`${id}-link`}
            type="url"
            placeholder="https://…"
            value={link}
            onChange={(e) => setLink(e.target.value)}
          />
          <button type="button" className="button button-secondary button-small" onClick={addLink}>
            {t('summary.tool.link')}
          </button>
        </span>
      </div>
      <div className={`field${action.fields.bodyHtml ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-html`}>{t('summary.articleLabel')}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('summary.articleHint')}
        </p>
        <textarea
          id={`${id}-html`}
          ref={area}
          rows={14}
          value={html}
          onChange={(e) => setHtml(e.target.value)}
          aria-describedby={`${id}-hint`}
          className="summary-html"
        />
      </div>
      <label className="summary-check">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
        <span>{t('summary.publishLabel')}</span>
      </label>
      <FormActions saving={action.busy} onCancel={onCancel} />
    </form>
  );
}
