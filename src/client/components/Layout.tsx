import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link, useLocation } from 'wouter';
import { isLocale, LOCALES, type MessageKey } from '../../shared/i18n/index.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n.tsx';

/** Maps on the page register here so the footer shows the boundaries attribution only when needed. */
const MapAttributionContext = createContext<(delta: number) => void>(() => {});

export function useMapAttribution(): void {
  const register = useContext(MapAttributionContext);
  useEffect(() => {
    register(1);
    return () => register(-1);
  }, [register]);
}

interface NavItem {
  key: MessageKey;
  href?: string;
}

const NAV: NavItem[] = [
  { key: 'nav.directory', href: '/organisations' },
  { key: 'nav.regions', href: '/regions' },
  { key: 'nav.partners' },
  { key: 'nav.events', href: '/events' },
  { key: 'nav.calls', href: '/calls' },
  { key: 'nav.news' },
];

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M10 11 22 11 16 22Z" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" />
      <circle cx="10" cy="11" r="3.5" fill="#fff" />
      <circle cx="22" cy="11" r="3.5" fill="#fff" />
      <circle cx="16" cy="22" r="3.5" fill="#fff" />
    </svg>
  );
}

function MainNav() {
  const { t } = useI18n();
  const [location] = useLocation();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {NAV.map((item) => {
          if (!item.href) {
            return (
              <li key={item.key}>
                <span className="nav-item is-coming">
                  {t(item.key)} <span className="badge badge-coming">{t('common.coming')}</span>
                </span>
              </li>
            );
          }
          const active = location === item.href || location.startsWith(`${item.href}/`);
          return (
            <li key={item.key}>
              <Link href={item.href} className="nav-item" aria-current={active ? 'page' : undefined}>
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function LanguageSelect() {
  const { t, locale, setLocale } = useI18n();
  const { me, setMe } = useAuth();
  const onChange = (value: string) => {
    if (!isLocale(value) || value === locale) return;
    setLocale(value);
    if (me) {
      api.updateMe({ locale: value }).then(setMe, () => {
        // The device keeps the choice even if the account could not be updated.
      });
    }
  };
  return (
    <div className="language-select">
      <label htmlFor="language-select" className="visually-hidden">
        {t('lang.label')}
      </label>
      <select id="language-select" value={locale} onChange={(e) => onChange(e.target.value)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function AccountLinks() {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  const [, navigate] = useLocation();
  if (me === undefined) return <div className="account-links" />;
  if (!me) {
    return (
      <div className="account-links">
        <Link href="/signin" className="header-link">
          {t('auth.signIn')}
        </Link>
        <Link href="/signup" className="button button-small">
          {t('auth.signUp')}
        </Link>
      </div>
    );
  }
  const initials = me.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
  return (
    <div className="account-links">
      <span className="user-name">
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
        {me.name}
      </span>
      <Link href="/account" className="header-link">
        {t('nav.account')}
      </Link>
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={() => signOut().finally(() => navigate('/'))}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}

function Footer({ showBoundaries }: { showBoundaries: boolean }) {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p className="footer-brand">
          <strong>{t('app.name')}</strong> — {t('app.tagline')}
        </p>
        {showBoundaries && <p className="footer-boundaries">{t('footer.boundaries')}</p>}
        <ul className="footer-links">
          <li>
            <Link href="/attributions">{t('footer.attributions')}</Link>
          </li>
          <li>
            <Link href="/terms">{t('footer.terms')}</Link>
          </li>
          <li>
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </li>
        </ul>
        <p className="footer-licence">{t('footer.licence')}</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const [maps, setMaps] = useState(0);
  const register = useCallback((delta: number) => setMaps((n) => n + delta), []);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, start at the top and move focus to the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every location change.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location]);

  const home = useMemo(() => t('nav.home'), [t]);
  return (
    <MapAttributionContext.Provider value={register}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link href="/" className="brand" aria-label={home}>
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <MainNav />
          <div className="header-tools">
            <LanguageSelect />
            <AccountLinks />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <Footer showBoundaries={maps > 0} />
    </MapAttributionContext.Provider>
  );
}
