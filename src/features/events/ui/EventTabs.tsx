import { Link, useLocation } from 'wouter';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import './events.css';

/**
 * The pages of one event, shown as a row of links under its title. Each feature adds its page here:
 * `path` is appended to /events/:slug; `organisersOnly` tabs show only to those who can edit the event.
 */
export const EVENT_TABS: readonly { path: string; label: MessageKey; organisersOnly?: boolean }[] = [
  { path: '', label: 'eventTabs.overview' },
  { path: '/register', label: 'registration.tab' },
  { path: '/agenda', label: 'agenda.tab' },
  { path: '/agenda/edit', label: 'agenda.tabEdit', organisersOnly: true },
  { path: '/pitches', label: 'pitches.tab' },
  { path: '/b2b', label: 'b2b.tab' },
  { path: '/b2b/manage', label: 'b2b.manageTab', organisersOnly: true },
  { path: '/registrations', label: 'registration.manageTab', organisersOnly: true },
  { path: '/summary', label: 'summary.tab' },
];

export function EventTabs({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const base = `/events/${slug}`;
  return (
    <nav className="event-tabs" aria-label={t('eventTabs.label')}>
      <ul>
        {EVENT_TABS.filter((tab) => canEdit || !tab.organisersOnly).map((tab) => {
          const href = base + tab.path;
          const current = location === href;
          return (
            <li key={tab.path}>
              <Link href={href} aria-current={current ? 'page' : undefined}>
                {t(tab.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
