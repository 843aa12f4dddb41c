import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api, type IndicatorList } from '../../../client/api.ts';
import { ChoroplethMap, type ChoroplethValue } from '../../../client/components/charts/ChoroplethMap.tsx';
import { formatValue, ordinal } from '../../../client/components/charts/format.ts';
import { Missing } from '../../../client/components/charts/Missing.tsx';
import type { ClassMethod } from '../../../client/components/charts/scales.ts';
import { ErrorState } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { figureText, indicatorLabel, isWithin, mapLevel, unitLabel } from './indicatorText.ts';
import { SourceLinks } from './SourceLinks.tsx';

const DIMENSIONS = ['economy', 'innovation', 'structure'] as const;
const DIMENSION_KEYS: Record<(typeof DIMENSIONS)[number], MessageKey> = {
  economy: 'regionProfile.dimension.economy',
  innovation: 'regionProfile.dimension.innovation',
  structure: 'regionProfile.dimension.structure',
};
const LEVEL_KEYS: Record<0 | 2, MessageKey> = {
  0: 'regionProfile.mapTitleCountries',
  2: 'regionProfile.mapTitleNuts2',
};

/**
 * Europe coloured by one indicator the reader picks, at the region's level (countries for a country,
 * NUTS 2 below), with the region outlined; every area links to its own profile. The figures are in a
 * ranked table under the map.
 */
export function IndicatorMap({
  region,
  catalogue,
}: {
  region: { code: string; level: number; title: string };
  catalogue: IndicatorList;
}) {
  const { t, locale, country } = useI18n();
  const selectId = useId();
  const classesId = useId();
  const level = mapLevel(region.level);
  const choices = catalogue.items.filter((i) => i.kind === 'number' && i.regions > 0);
  const [picked, setPicked] = useState(
    choices.some((c) => c.id === 'gerd_pc_gdp') ? 'gerd_pc_gdp' : (choices[0]?.id ?? ''),
  );
  const [method, setMethod] = useState<ClassMethod>('quantile');
  const { data, error, loading, reload } = useApi(
    (signal) => api.indicatorValues(picked, { level }, signal),
    [picked, level],
  );

  const values = useMemo(
    () =>
      new Map<string, ChoroplethValue>(
        (data?.items ?? []).flatMap((i) =>
          i.value === null
            ? []
            : [[i.code, { value: i.value, year: i.year, name: level === 0 ? country(i.code) : i.name }]],
        ),
      ),
    [data, level, country],
  );
  const ranked = useMemo(
    () =>
      (data?.items ?? [])
        .filter((i) => i.value !== null)
        .map((i) => ({ ...i, name: level === 0 ? country(i.code) : i.name }))
        .sort((a, b) => b.value! - a.value!),
    [data, level, country],
  );
  const highlight = useMemo(
    () => (code: string) => isWithin(region.code, region.level, code),
    [region.code, region.level],
  );
  if (!picked) return <p className="muted">{t('regionProfile.noIndicators')}</p>;

  const indicator = data?.indicator;
  const label = indicator ? indicatorLabel(locale, indicator) : '';
  const years = [...new Set(ranked.map((r) => r.year))].sort();
  return (
    <div className="indicator-map">
      <div className="indicator-map-controls">
        <div className="field">
          <label htmlFor={selectId}>{t('regionProfile.mapIndicator')}</label>
          <select id={selectId} value={picked} onChange={(e) => setPicked(e.target.value)}>
            {DIMENSIONS.map((d) => {
              const inGroup = choices.filter((c) => c.dimension === d);
              return inGroup.length ? (
                <optgroup key={d} label={t(DIMENSION_KEYS[d])}>
                  {inGroup.map((c) => (
                    <option key={c.id} value={c.id}>
                      {indicatorLabel(locale, c)}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
            {choices
              .filter((c) => !c.dimension)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {indicatorLabel(locale, c)}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={classesId}>{t('regionProfile.mapClasses')}</label>
          <select id={classesId} value={method} onChange={(e) => setMethod(e.target.value as ClassMethod)}>
            <option value="quantile">{t('regionProfile.mapQuantiles')}</option>
            <option value="equal">{t('regionProfile.mapEqualSteps')}</option>
          </select>
        </div>
      </div>
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !data || !indicator ? (
        <p className="muted" role="status">
          {t('regions.mapLoading')}
        </p>
      ) : (
        <div aria-busy={loading}>
          <ChoroplethMap
            level={level}
            title={t(LEVEL_KEYS[level], { indicator: label })}
            description={t('regionProfile.mapDescription', {
              count: values.size,
              unit: unitLabel(locale, indicator.unit),
            })}
            values={values}
            format={(v) => formatValue(locale, v, indicator.decimals)}
            formatFull={(v) => figureText(locale, indicator, v)}
            legendTitle={unitLabel(locale, indicator.unit)}
            method={method}
            highlight={highlight}
            highlightLabel={region.title}
            hrefFor={(code) => `/regions/${code}`}
          >
            {years.length > 1
              ? t('regionProfile.mapYears', { first: years[0]!, last: years[years.length - 1]! })
              : years.length === 1
                ? t('regionProfile.year', { year: years[0]! })
                : ''}{' '}
            <SourceLinks ids={data.sources.map((s) => s.id)} sources={data.sources} />.
          </ChoroplethMap>
          {data.eu?.value !== null && data.eu?.value !== undefined && (
            <p className="small">
              {t('regionProfile.euValue', {
                value: figureText(locale, indicator, data.eu.value),
                year: data.eu.year,
              })}
            </p>
          )}
          <details className="chart-table">
            <summary>
              {t('regionProfile.mapTable')}
              <span className="visually-hidden">: {label}</span>
            </summary>
            {/* Keyboards scroll it through the links it holds. */}
            <div className="chart-table-scroll">
              <table className="table">
                <caption className="visually-hidden">{t(LEVEL_KEYS[level], { indicator: label })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{level === 0 ? t('common.country') : t('common.region')}</th>
                    <th scope="col" className="numeric">
                      {unitLabel(locale, indicator.unit)}
                    </th>
                    <th scope="col" className="numeric">
                      {t('charts.year')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('regionProfile.rankInYear')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.map((r) => (
                    <tr key={r.code} className={highlight(r.code) ? 'is-selected' : undefined}>
                      <th scope="row">
                        <Link href={`/regions/${r.code}`}>{r.name}</Link>{' '}
                        <span className="muted">{r.code}</span>
                      </th>
                      <td className="numeric">{formatValue(locale, r.value!, indicator.decimals)}</td>
                      <td className="numeric">{r.year}</td>
                      <td className="numeric">{r.rank === null ? <Missing /> : ordinal(locale, r.rank)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      )}
    </div>
  );
}
