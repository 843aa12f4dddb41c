import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Pitch } from '../../../client/api.ts';
import { Badge, ExternalLink, Paragraphs, SampleBadge } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';

export function PitchStatusBadge({ status }: { status: Pitch['status'] }) {
  const { t } = useI18n();
  const tone = status === 'accepted' ? 'accent' : status === 'submitted' ? 'neutral' : 'warning';
  return <Badge tone={tone}>{t(`pitches.status.${status}`)}</Badge>;
}

/** A pitch as a card: kind, title, organisation, summary, links; `children` adds the viewer's tools. */
export function PitchCard({
  pitch: p,
  timeZone,
  showStatus,
  children,
}: {
  pitch: Pitch;
  timeZone: string;
  showStatus?: boolean;
  children?: ReactNode;
}) {
  const { t, dateTime } = useI18n();
  const sameName = p.organisation?.name.toLowerCase() === p.title.toLowerCase();
  return (
    <article className="card section pitch-card" aria-labelledby={`pitch-${p.id}`}>
      <div className="card-badges">
        <Badge>{t(`pitches.kind.${p.kind}`)}</Badge>
        {showStatus && <PitchStatusBadge status={p.status} />}
        <SampleBadge sample={p.sample} />
      </div>
      {/* A start-up pitching under its own name: its title links to its directory profile. */}
      <h3 id={`pitch-${p.id}`}>
        {p.organisation && sameName ? (
          <Link href={`/organisations/${p.organisation.slug}`}>{p.title}</Link>
        ) : (
          p.title
        )}
      </h3>
      {p.organisation && !sameName && (
        <p className="meta">
          <Link href={`/organisations/${p.organisation.slug}`}>{p.organisation.name}</Link>
        </p>
      )}
      {p.session && (
        <p className="meta">
          {p.session.title}, {dateTime(p.session.startsAt, timeZone)}
        </p>
      )}
      {p.summary.trim() && <Paragraphs text={p.summary} />}
      {(p.videoUrl || p.deck) && (
        <ul className="pitch-links">
          {p.videoUrl && (
            <li>
              <ExternalLink href={p.videoUrl}>{t('pitches.video')}</ExternalLink>
            </li>
          )}
          {p.deck && (
            <li>
              <a href={p.deck.url} download>
                {t('pitches.deck')}
              </a>
            </li>
          )}
        </ul>
      )}
      {children}
    </article>
  );
}
