import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type Me } from './api.ts';
import { useI18n } from './i18n.tsx';

interface AuthContextValue {
  /** undefined while the first /me request is in flight, null when signed out. */
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const { locale, setLocale, hasStoredLocale } = useI18n();

  const refresh = useCallback(async () => {
    try {
      setMeState((await api.session()).user);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setMeState(null);
      else setMeState((current) => current ?? null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Without a language chosen on this device, follow the account's preference.
  useEffect(() => {
    if (me && !hasStoredLocale && me.locale !== locale) setLocale(me.locale);
  }, [me, hasStoredLocale, locale, setLocale]);

  const setMe = useCallback((next: Me | null) => setMeState(next), []);
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setMeState(null);
    }
  }, []);

  const value = useMemo(() => ({ me, setMe, refresh, signOut }), [me, setMe, refresh, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
