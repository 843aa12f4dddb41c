import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';
import { useI18n } from './i18n.tsx';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Loads data for a page; re-runs when `deps` change and aborts the request it replaces. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the loader depends on.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef
      .current(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
        setLoading(false);
      });
    return () => controller.abort();
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload, setData };
}

/** Sets document.title to "<page> · Nexum", or "Nexum" for '' (the format the server uses in the HTML). */
export function useDocumentTitle(title: string | undefined): void {
  const app = useI18n().t('app.name');
  useEffect(() => {
    if (title === undefined) return;
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}

/**
 * What a search box finds as the user types: asks after a 250 ms pause and from 2 characters on, and
 * aborts the request a newer query replaces. A failed search shows no hits rather than an error.
 */
export function useSearchHits<T>(
  query: string,
  search: (q: string, signal: AbortSignal) => Promise<{ items: T[] }>,
  deps: DependencyList,
): { hits: T[]; setHits: (hits: T[]) => void; searching: boolean } {
  const [hits, setHits] = useState<T[]>([]);
  const [searching, setSearching] = useState(false);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      searchRef
        .current(q, controller.signal)
        .then((r) => setHits(r.items))
        .catch(() => setHits([]))
        .finally(() => setSearching(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, ...deps]);

  return { hits, setHits, searching };
}
