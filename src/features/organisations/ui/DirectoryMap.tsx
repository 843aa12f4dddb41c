import { type MouseEvent, useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { DirectoryMapData } from '../../../client/api.ts';
import { useMapAttribution } from '../../../client/components/Layout.tsx';
import '../../../client/components/charts/charts.css';
import { useI18n } from '../../../client/i18n.tsx';
import {
  classBreaks,
  classOf,
  colourOf,
  loadMapDrawing,
  MAP_HEIGHT,
  MAP_WIDTH,
  type MapDrawing,
} from './mapDrawing.ts';

interface Hover {
  code: string;
  name: string;
  count: number;
  x: number;
  y: number;
}

/**
 * Choropleth of the matching organisations per NUTS 2 region. A click on a region filters the directory
 * by it; the same figures, with the same links, are in a table for keyboard and screen-reader users.
 */
export function DirectoryMap({
  data,
  loading,
  selected,
  hrefFor,
  onSelect,
}: {
  data: DirectoryMapData | undefined;
  loading: boolean;
  selected: readonly string[];
  hrefFor: (code: string) => string;
  onSelect: (code: string) => void;
}) {
  const { t, number, country } = useI18n();
  const titleId = useId();
  const [drawing, setDrawing] = useState<MapDrawing | null | undefined>(undefined);
  const [hover, setHover] = useState<Hover | null>(null);
  useMapAttribution();

  useEffect(() => {
    let cancelled = false;
    loadMapDrawing().then(
      (d) => !cancelled && setDrawing(d),
      () => !cancelled && setDrawing(null),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const counts = useMemo(() => new Map((data?.regions ?? []).map((r) => [r.code, r.count])), [data]);
  const breaks = useMemo(() => classBreaks(Math.max(0, ...counts.values())), [counts]);
  const names = useMemo(() => new Map(drawing?.regions.map((r) => [r.code, r.name]) ?? []), [drawing]);

  const onMove = (e: MouseEvent<SVGPathElement>, code: string, name: string) => {
    const frame = e.currentTarget.ownerSVGElement?.parentElement?.getBoundingClientRect();
    if (!frame) return;
    setHover({
      code,
      name,
      count: counts.get(code) ?? 0,
      x: e.clientX - frame.left,
      y: e.clientY - frame.top,
    });
  };

  return (
    <figure className="directory-map" aria-busy={loading}>
      <div className="directory-map-frame">
        {drawing === undefined && <p className="locator-map-status">{t('search.mapLoading')}</p>}
        {drawing === null && <p className="locator-map-status">{t('search.mapUnavailable')}</p>}
        {drawing && (
          <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-labelledby={titleId}>
            <title id={titleId}>{t('search.mapLabel')}</title>
            <g className="choropleth">
              {drawing.regions.map((r) => (
                // biome-ignore lint/a11y/noStaticElementInteractions: the table below offers the same links to keyboards.
                <path
                  key={r.code}
                  d={r.d}
                  data-code={r.code}
                  className={`map-class-${colourOf(classOf(counts.get(r.code) ?? 0, breaks), breaks.length)}${selected.includes(r.code) ? ' is-selected' : ''}`}
                  onMouseMove={(e) => onMove(e, r.code, r.name)}
                  onMouseLeave={() => setHover(null)}
                  onClick={() => onSelect(r.code)}
                />
              ))}
            </g>
            <path className="map-borders" d={drawing.borders} />
            <path className="map-coast" d={drawing.coast} />
          </svg>
        )}
        {hover && (
          <div className="map-tooltip" aria-hidden="true" style={{ left: hover.x, top: hover.y }}>
            <strong>{hover.name}</strong> ({hover.code})
            <br />
            {t('search.organisationsCount', { count: hover.count })}
          </div>
        )}
      </div>
      <div className="map-legend">
        <span className="map-legend-title">{t('search.mapLegend')}</span>
        <ul>
          <li>
            <span className="map-swatch map-class-0" aria-hidden="true" /> {t('search.mapNone')}
          </li>
          {breaks.map((from, i) => {
            const next = breaks[i + 1];
            return (
              <li key={from}>
                <span
                  className={`map-swatch map-class-${colourOf(i + 1, breaks.length)}`}
                  aria-hidden="true"
                />{' '}
                {next === undefined
                  ? t('search.mapFrom', { from: number(from) })
                  : next - 1 === from
                    ? number(from)
                    : t('search.mapRange', { from: number(from), to: number(next - 1) })}
              </li>
            );
          })}
        </ul>
      </div>
      <figcaption className="map-attribution">
        {t('search.mapHint')} {t('footer.boundaries')}
      </figcaption>
      {data && (
        <details className="map-table">
          <summary>{t('search.mapTable')}</summary>
          {data.unlocated > 0 && (
            <p className="muted">{t('search.mapUnlocated', { count: data.unlocated })}</p>
          )}
          <table>
            <caption className="visually-hidden">{t('search.mapTableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.region')}</th>
                <th scope="col">{t('common.country')}</th>
                <th scope="col" className="numeric">
                  {t('search.mapCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.regions.map((r) => (
                <tr key={r.code} className={selected.includes(r.code) ? 'is-selected' : undefined}>
                  <th scope="row">
                    <Link
                      href={hrefFor(r.code)}
                      aria-current={selected.includes(r.code) ? 'true' : undefined}
                    >
                      {names.get(r.code) ?? r.name}
                      <span className="visually-hidden"> {t('search.mapFilterBy')}</span>
                    </Link>{' '}
                    <span className="muted">{r.code}</span>
                  </th>
                  <td>{country(r.countryCode)}</td>
                  <td className="numeric">{number(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
