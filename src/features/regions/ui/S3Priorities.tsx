import { useId, useState } from 'react';
import { FormMessage } from '../../../client/components/Form.tsx';
import { Empty, ExternalLink, Paragraphs, SampleBadge } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { editorialApi, type S3Priority, type S3PriorityList } from './editorial.api.ts';
import { S3PriorityForm } from './S3PriorityForm.tsx';
import { useAction } from './useAction.ts';

function Priority({ p }: { p: S3Priority }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h3>
        {p.title} <SampleBadge sample={p.sample} />
      </h3>
      {p.description && <Paragraphs text={p.description} />}
      {p.ecosystems.length > 0 && (
        <p>
          <strong>{t('s3.ecosystems')}:</strong>{' '}
          {p.ecosystems.map((e) => t(`profile.ecosystem.${e}`)).join(', ')}
        </p>
      )}
      {p.nace.length > 0 && (
        <p>
          <strong>{t('s3.nace')}:</strong>{' '}
          {p.nace.map((n) => `${n.code} ${locale === 'it' ? n.nameIt : n.nameEn}`).join('; ')}
        </p>
      )}
      {p.sourceUrl && (
        <p className="muted">
          {t('s3.source')}: <ExternalLink href={p.sourceUrl} />
        </p>
      )}
    </>
  );
}

/** The region's S3 priorities; its editors add, edit, reorder and remove them in place. */
export function S3Priorities({
  code,
  data,
  onChanged,
}: {
  code: string;
  data: S3PriorityList;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const items = data.items;
  const done = () => {
    setEditing(null);
    onChanged();
  };
  const move = async (index: number, by: -1 | 1) => {
    const a = items[index];
    const b = items[index + by];
    if (!a || !b) return;
    // Positions may repeat or have gaps: the two swapped get the list's order made explicit.
    await action.run(async () => {
      await editorialApi.updatePriority(code, a.id, { position: index + by });
      await editorialApi.updatePriority(code, b.id, { position: index });
    });
    onChanged();
  };
  const remove = async (p: S3Priority) => {
    const ok = await action.run(
      () => editorialApi.deletePriority(code, p.id),
      () => t('s3.removed'),
    );
    if (ok) onChanged();
  };

  return (
    <section className="card section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('s3.heading')}</h2>
      <FormMessage error={action.error} success={action.success} />
      {items.length === 0 && <Empty>{t('s3.none')}</Empty>}
      <ol className="s3-list">
        {items.map((p, i) => (
          <li key={p.id}>
            {editing === p.id ? (
              <S3PriorityForm code={code} priority={p} onSaved={done} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <Priority p={p} />
                {data.canEdit && (
                  <p className="actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => setEditing(p.id)}
                      aria-label={t('s3.editNamed', { title: p.title })}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={action.busy || i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('s3.moveUp', { title: p.title })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={action.busy || i === items.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('s3.moveDown', { title: p.title })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-danger button-small"
                      disabled={action.busy}
                      onClick={() => remove(p)}
                    >
                      {t('s3.removeNamed', { title: p.title })}
                    </button>
                  </p>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {data.canEdit &&
        (editing === 'new' ? (
          <S3PriorityForm code={code} onSaved={done} onCancel={() => setEditing(null)} />
        ) : (
          <p className="actions">
            <button type="button" className="button" onClick={() => setEditing('new')}>
              {t('s3.add')}
            </button>
          </p>
        ))}
    </section>
  );
}
