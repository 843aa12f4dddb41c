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
