import { Link } from 'wouter';
import type { HostApplication } from '../../../client/api.ts';
import { Badge, Paragraphs } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';

export function ApplicationStatusBadge({ status }: { status: HostApplication['status'] }) {
  const { t } = useI18n();
  const tone = status === 'selected' ? 'accent' : status === 'withdrawn' ? 'warning' : 'neutral';
  return <Badge tone={tone}>{t(`calls.app.status.${status}`)}</Badge>;
}

/** The facts of an application, as its applicant and the reviewers read them. */
export function ApplicationDetails({ application: a }: { application: HostApplication }) {
  const { t, date, number } = useI18n();
  // Proposed dates are calendar days: formatted at noon UTC so no zone shifts them.
  const day = (d: string) => date(`${d}T12:00:00Z`, 'UTC');
  return (
    <>
      <dl className="details">
        <div>
          <dt>{t('calls.app.region')}</dt>
          <dd>
            <Link href={`/regions/${a.region.code}`}>{a.region.name}</Link> ({a.region.code})
          </dd>
        </div>
        <div>
          <dt>{t('calls.app.dates')}</dt>
          <dd>
            {day(a.startsOn)} – {day(a.endsOn)}
          </dd>
        </div>
        <div>
          <dt>{t('calls.app.theme')}</dt>
          <dd>{a.theme}</dd>
        </div>
        {a.venue && (
          <div>
            <dt>{t('calls.app.venue')}</dt>
            <dd>{a.venue}</dd>
          </div>
        )}
        <div>
          <dt>{t('calls.app.letter')}</dt>
          <dd>
            {a.letter ? (
              <a href={a.letter.url} download>
                {a.letter.fileName ?? 'letter.pdf'} (
                {number(Math.max(1, Math.round(a.letter.byteSize / 1024)))} KB)
              </a>
            ) : (
              <span className="muted">{t('calls.app.noLetter')}</span>
            )}
          </dd>
        </div>
      </dl>
      {a.motivation.trim() && (
        <>
          <h4>{t('calls.app.motivation')}</h4>
          <Paragraphs text={a.motivation} />
        </>
      )}
      {a.event && (
        <p>
          {t('calls.app.selected')} <Link href={`/events/${a.event.slug}`}>{t('calls.openEvent')}</Link>
        </p>
      )}
    </>
  );
}
