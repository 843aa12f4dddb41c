import { useId, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError, api, type RegionSummary } from '../../../client/api.ts';
import { Empty, ErrorState, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle, useSearchHits } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { COMPARE_MAX, COMPARE_MIN } from '../../../shared/region-similarity.ts';
import { CompareFigures } from './CompareFigures.tsx';
import { levelKey } from './levels.ts';
import { compareHref } from './SimilarRegions.tsx';
import './regions.css';

/** The codes of the URL (?codes=ITC4,ES52), cleaned: upper case, each once, six at most. */
export function parseCodes(search: string): string[] {
  const raw = new URLSearchParams(search).get('codes') ?? '';
  const codes = raw
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => /^[A-Z]{2}[0-9A-Z]{0,3}$/.test(c));
  return [...new Set(codes)].slice(0, COMPARE_MAX);
}

function RegionPicker({ chosen, onAdd }: { chosen: string[]; onAdd: (code: string) => void }) {
  const { t, country } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const { hits, searching } = useSearchHits<RegionSummary>(
    q,
    (query, signal) => api.regions({ q: query, pageSize: 12 }, signal),
    [],
  );
  const full = chosen.length >= COMPARE_MAX;
  const offered = hits.filter((h) => !chosen.includes(h.code));
  return (
    <div className="field compare-picker">
      <label htmlFor={`${id}-q`}>{t('compare.add')}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={q}
        disabled={full}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setQ(e.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {full ? t('compare.full') : t('compare.searchHint')}
      </p>
      {!full && offered.length > 0 && (
        <ul className="compare-hits" aria-busy={searching}>
          {offered.map((h) => {
            const name = h.level === 0 ? country(h.countryCode) : h.name;
            return (
              <li key={h.code}>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('compare.addRegion', { name })}
                  onClick={() => {
                    onAdd(h.code);
                    setQ('');
                  }}
                >
                  {name}
                </button>{' '}
                <span className="muted">
                  {h.code} · {t(levelKey(h.level))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Chosen({
  codes,
  names,
  onRemove,
}: {
  codes: string[];
  names: Map<string, string>;
  onRemove: (code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <ul className="chip-list compare-chosen" aria-label={t('compare.chosen')}>
      {codes.map((code) => {
        const name = names.get(code) ?? code;
        return (
          <li key={code} className="compare-chip">
            <Link href={`/regions/${code}`}>{name}</Link> <span className="muted">{code}</span>
            <button
              type="button"
              className="compare-chip-remove"
              aria-label={t('compare.remove', { name })}
              onClick={() => onRemove(code)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export default function ComparePage() {
  const { t } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const codes = parseCodes(search);
  const key = codes.join(',');
  useDocumentTitle(t('compare.title'));
  const enough = codes.length >= COMPARE_MIN;
  const comparison = useApi(
    (signal) => (enough ? api.compareRegions(codes, signal) : Promise.resolve(null)),
    [key],
  );
  // With one region chosen there is no comparison yet, but its name is still shown.
  const single = useApi(
    (signal) => (codes.length === 1 ? api.region(codes[0]!, signal) : Promise.resolve(null)),
    [key],
  );
  const names = new Map<string, string>();
  if (single.data) names.set(single.data.code, single.data.name);
  for (const r of comparison.data?.regions ?? []) names.set(r.code, r.name);
  const go = (next: string[]) => navigate(next.length ? compareHref(next) : '/regions/compare');
  const missing =
    comparison.error instanceof ApiError && comparison.error.status === 404
      ? ((comparison.error.details as { missing?: string[] } | undefined)?.missing ?? [])
      : [];

  return (
    <div className="container page">
      <PageHeader title={t('compare.title')} lead={t('compare.lead')} />
      <section className="card section" aria-labelledby="compare-regions">
        <h2 id="compare-regions">{t('compare.chosen')}</h2>
        <Chosen codes={codes} names={names} onRemove={(c) => go(codes.filter((x) => x !== c))} />
        <RegionPicker chosen={codes} onAdd={(c) => go([...codes, c])} />
      </section>
      {!enough && <Empty>{t('compare.needTwo')}</Empty>}
      {enough && missing.length > 0 && (
        <p className="form-error" role="alert">
          {t('compare.notFound', { codes: missing.join(', ') })}
        </p>
      )}
      {enough && comparison.error && !missing.length && !comparison.data && (
        <ErrorState error={comparison.error} onRetry={comparison.reload} level={2} />
      )}
      {enough && comparison.loading && !comparison.data && <Loading />}
      {enough && comparison.data && (
        <CompareFigures data={comparison.data} csvUrl={api.compareCsvUrl(codes)} />
      )}
    </div>
  );
}
