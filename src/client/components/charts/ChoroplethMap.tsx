import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../../i18n.tsx';
import { useMapAttribution } from '../Layout.tsx';
import { type EuropeDrawing, loadEuropeDrawing, type NutsLevel } from './geo.ts';
import { MapLegend, NoDataPattern } from './MapLegend.tsx';
import { type ClassMethod, classOf, legendSteps } from './scales.ts';
import './charts.css';

export interface ChoroplethValue {
  value: number;
  year?: number;
  /** The area's name when the API has one (else the boundary file's). */
  name?: string;
}

interface Tip {
  code: string;
  x: number;
  y: number;
}

const W = 640;
const H = 520;

/**
 * A value per NUTS area of one level as a choropleth of Europe (own SVG on d3-geo). Classes are
 * quantiles or equal steps of the values shown; areas without a figure are hatched and named "no data".
 * Each area is one stop for the keyboard: Tab enters the map on the highlighted area, the arrow keys move
 * between areas in code order, and a focused or hovered area shows its name, value and year.
 */
export function ChoroplethMap({
  level,
  title,
  description,
  values,
  format,
  formatFull = format,
  legendTitle,
  method = 'quantile',
  classes = 5,
  highlight,
  highlightLabel,
  hrefFor,
  children,
}: {
  level: NutsLevel;
  title: string;
  description?: string;
  values: ReadonlyMap<string, ChoroplethValue>;
  /** A value as the legend writes it, under its title (the unit). */
  format: (value: number) => string;
  /** A value as a tooltip and a screen reader say it, unit included (default: `format`). */
  formatFull?: (value: number) => string;
  legendTitle: string;
  method?: ClassMethod;
  classes?: number;
  /** The areas to outline (the region of the page). */
  highlight?: (code: string) => boolean;
  /** The legend's name of the outline ("Lombardia"). */
  highlightLabel?: string;
  /** Areas become links, followed with a click or Enter. */
  hrefFor?: (code: string) => string;
  /** More of the caption (a source line), before the boundaries' attribution. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  // Used inside url(#…) references: letters, digits and dashes only.
  const ids = `choropleth-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [drawing, setDrawing] = useState<EuropeDrawing | null | undefined>(undefined);
  const [tip, setTip] = useState<Tip | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const nodes = useRef(new Map<string, HTMLElement | SVGElement>());
  useMapAttribution();

  useEffect(() => {
    let cancelled = false;
    setDrawing(undefined);
    loadEuropeDrawing(level, W, H).then(
      (d) => !cancelled && setDrawing(d),
      () => !cancelled && setDrawing(null),
    );
    return () => {
      cancelled = true;
    };
  }, [level]);

  const { thresholds, steps } = useMemo(
    () =>
      legendSteps(
        [...values.values()].map((v) => v.value),
        classes,
        method,
      ),
    [values, classes, method],
  );
  const shapes = useMemo(
    () => (drawing?.regions ?? []).filter((r) => r.d).sort((a, b) => (a.code < b.code ? -1 : 1)),
    [drawing],
  );
  const highlighted = useMemo(() => shapes.filter((s) => highlight?.(s.code)), [shapes, highlight]);
  const stop = active ?? highlighted[0]?.code ?? shapes[0]?.code ?? null;

  const nameOf = (code: string, fallback: string) => values.get(code)?.name ?? fallback;
  const describe = (code: string, name: string) => {
    const v = values.get(code);
    const head = `${nameOf(code, name)} (${code})`;
    if (!v) return `${head}: ${t('charts.noData')}`;
    return v.year === undefined
      ? `${head}: ${formatFull(v.value)}`
      : t('map.areaValue', { area: head, value: formatFull(v.value), year: v.year });
  };

  const tipAt = (code: string, clientX: number, clientY: number) => {
    const frame = frameRef.current?.getBoundingClientRect();
    if (frame) setTip({ code, x: clientX - frame.left, y: clientY - frame.top });
  };
  const onFocus = (code: string) => {
    setActive(code);
    const box = nodes.current.get(code)?.getBoundingClientRect();
    if (box) tipAt(code, box.left + box.width / 2, box.top);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!stop || shapes.length === 0) return;
    const i = Math.max(
      0,
      shapes.findIndex((s) => s.code === stop),
    );
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (i + 1) % shapes.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (i - 1 + shapes.length) % shapes.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? shapes.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const code = shapes[next]!.code;
    setActive(code);
    nodes.current.get(code)?.focus();
  };
  const follow = (e: MouseEvent, href: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  const fillOf = (code: string) => {
    const v = values.get(code);
    return v ? (steps[classOf(v.value, thresholds)]?.colour ?? steps[0]?.colour) : `url(#${ids}-nodata)`;
  };

  const tipShape = tip ? shapes.find((s) => s.code === tip.code) : undefined;
  const tipValue = tip ? values.get(tip.code) : undefined;

  return (
    <figure className="choropleth-map">
      <div className="choropleth-frame" ref={frameRef}>
        {drawing === undefined && <p className="locator-map-status">{t('regions.mapLoading')}</p>}
        {drawing === null && <p className="locator-map-status">{t('regions.mapUnavailable')}</p>}
        {drawing && (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group of links is not a <fieldset>.
          <svg
            viewBox={`0 0 ${W} ${H}`}
            role="group"
            aria-labelledby={`${ids}-title`}
            aria-describedby={`${ids}-desc`}
            onKeyDown={onKeyDown}
          >
            <title id={`${ids}-title`}>{title}</title>
            <desc id={`${ids}-desc`}>
              {description ? `${description} ` : ''}
              {t('map.keyboardHint')}
            </desc>
            <defs>
              <NoDataPattern id={`${ids}-nodata`} />
            </defs>
            <g className="choropleth-areas">
              {shapes.map((s) => {
                const common = {
                  ref: (el: HTMLElement | SVGElement | null) => {
                    if (el) nodes.current.set(s.code, el);
                    else nodes.current.delete(s.code);
                  },
                  tabIndex: s.code === stop ? 0 : -1,
                  'aria-label': describe(s.code, s.name),
                  'data-code': s.code,
                  onFocus: () => onFocus(s.code),
                  onBlur: () => setTip(null),
                  onMouseMove: (e: MouseEvent) => tipAt(s.code, e.clientX, e.clientY),
                  onMouseLeave: () => setTip(null),
                };
                const path = <path d={s.d} fill={fillOf(s.code)} />;
                if (hrefFor) {
                  const href = hrefFor(s.code);
                  return (
                    <a key={s.code} href={href} {...common} onClick={(e) => follow(e, href)}>
                      {path}
                    </a>
                  );
                }
                return (
                  // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a named, focusable image of one area, so keyboards reach its tooltip.
                  <g key={s.code} role="img" {...common}>
                    {path}
                  </g>
                );
              })}
            </g>
            <path className="map-borders" d={drawing.borders} />
            <path className="map-coast" d={drawing.coast} />
            <g className="choropleth-highlight">
              {highlighted.map((s) => (
                <path key={s.code} d={s.d} />
              ))}
            </g>
          </svg>
        )}
        {tip && tipShape && (
          <div className="map-tooltip" aria-hidden="true" style={{ left: tip.x, top: tip.y }}>
            <strong>{nameOf(tip.code, tipShape.name)}</strong> ({tip.code})
            <br />
            {tipValue ? formatFull(tipValue.value) : t('charts.noData')}
            {tipValue?.year !== undefined && <> · {tipValue.year}</>}
          </div>
        )}
      </div>
      <MapLegend
        title={legendTitle}
        steps={steps}
        format={format}
        noData={shapes.some((s) => !values.has(s.code))}
        highlightLabel={highlighted.length ? highlightLabel : undefined}
      />
      <figcaption className="map-attribution">
        {children} {t('footer.boundaries')}
      </figcaption>
    </figure>
  );
}
