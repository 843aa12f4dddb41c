import { useId } from 'react';
import { useI18n } from '../../i18n.tsx';
import type { LegendStep } from './scales.ts';

/** The hatch of areas without a figure: told apart from the lightest class without relying on colour. */
export function NoDataPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#f3f4f6" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#9ca3af" strokeWidth="1.6" />
    </pattern>
  );
}

/** A choropleth's key: each class's range and colour, the "no data" hatch and the outlined area. */
export function MapLegend({
  title,
  steps,
  format,
  noData,
  highlightLabel,
}: {
  title: string;
  steps: readonly LegendStep[];
  format: (value: number) => string;
  noData: boolean;
  highlightLabel?: string | undefined;
}) {
  const { t } = useI18n();
  const pattern = `nodata-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <div className="map-legend">
      <span className="map-legend-title">{title}</span>
      <ul>
        {steps.map((s, i) => (
          <li key={`${s.from}-${s.to}`}>
            <span className="map-swatch" style={{ background: s.colour }} aria-hidden="true" />{' '}
            {s.from === s.to
              ? format(s.from)
              : t(i === steps.length - 1 ? 'map.rangeLast' : 'map.range', {
                  from: format(s.from),
                  to: format(s.to),
                })}
          </li>
        ))}
        {noData && (
          <li>
            <svg className="map-swatch-svg" width="16" height="16" aria-hidden="true" focusable="false">
              <defs>
                <NoDataPattern id={pattern} />
              </defs>
              <rect
                x="0.5"
                y="0.5"
                width="15"
                height="15"
                rx="3"
                fill={`url(#${pattern})`}
                stroke="#9ca3af"
              />
            </svg>{' '}
            {t('map.noData')}
          </li>
        )}
        {highlightLabel && (
          <li>
            <span className="map-swatch map-swatch-highlight" aria-hidden="true" /> {highlightLabel}
          </li>
        )}
      </ul>
    </div>
  );
}
