import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useId, useState } from 'react';
import type { GeometryCollection } from 'topojson-specification';
import { useI18n } from '../i18n.tsx';
import { loadNutsTopology, type NutsFeature, type NutsProperties, nutsFeatures } from './charts/geo.ts';
import { useMapAttribution } from './Layout.tsx';

const WIDTH = 480;
const HEIGHT = 360;
const PADDING = 16;

interface Drawing {
  context: string[];
  country: string[];
  target: string[];
  borders: string;
  coast: string;
  marker: [number, number] | null;
}

function overlaps(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function extentOf(features: NutsFeature[]): [number, number, number, number] {
  const boxes = features
    .map((f) => f.properties.bbox)
    .filter((b): b is [number, number, number, number] => !!b);
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

async function draw(code: string): Promise<Drawing | null> {
  // d3-geo and topojson-client load only on pages that show a map.
  const [topology, d3, topojson] = await Promise.all([
    loadNutsTopology(2),
    import('d3-geo'),
    import('topojson-client'),
  ]);
  const all = await nutsFeatures(topology);
  const countryCode = code.slice(0, 2);
  const inCountry = all.filter((f) => f.properties.CNTR_CODE === countryCode);
  if (inCountry.length === 0) return null;
  const target =
    code.length === 2 ? inCountry : inCountry.filter((f) => f.properties.NUTS_ID.startsWith(code));
  const mainland = inCountry.filter((f) => !f.properties.isOversea);
  // Fit to the country without its outermost regions, unless the region itself lies overseas.
  const fitTo = target.length > 0 && target.every((f) => f.properties.isOversea) ? target : mainland;
  const frame: FeatureCollection<Geometry, NutsProperties> = { type: 'FeatureCollection', features: fitTo };

  const [lon, lat] = d3.geoCentroid(frame);
  const projection = d3
    .geoAzimuthalEqualArea()
    .rotate([-lon, -lat])
    .fitExtent(
      [
        [PADDING, PADDING],
        [WIDTH - PADDING, HEIGHT - PADDING],
      ],
      frame,
    );
  const path = d3.geoPath(projection);

  const [x0, y0, x1, y1] = extentOf(fitTo);
  const marginX = Math.max(2, (x1 - x0) * 0.6);
  const marginY = Math.max(2, (y1 - y0) * 0.6);
  const view: [number, number, number, number] = [x0 - marginX, y0 - marginY, x1 + marginX, y1 + marginY];
  const visible = (f: NutsFeature) => !f.properties.bbox || overlaps(f.properties.bbox, view);
  const targetIds = new Set(target.map((f) => f.properties.NUTS_ID));
  const toPath = (f: NutsFeature) => path(f) ?? '';

  const nuts: GeometryCollection<NutsProperties> = {
    type: 'GeometryCollection',
    geometries: topology.objects.NUTS.geometries.filter((g) => {
      const bbox = (g.properties as NutsProperties | undefined)?.bbox;
      return !bbox || overlaps(bbox, view);
    }),
  };
  const countryOf = (g: { properties?: unknown }) => (g.properties as NutsProperties | undefined)?.CNTR_CODE;
  const borders = path(topojson.mesh(topology, nuts, (a, b) => a !== b && countryOf(a) !== countryOf(b)));
  const coast = path(topojson.mesh(topology, nuts, (a, b) => a === b));

  let marker: [number, number] | null = null;
  if (target.length > 0 && code.length > 2) {
    const targetFrame: FeatureCollection<Geometry, NutsProperties> = {
      type: 'FeatureCollection',
      features: target,
    };
    // Regions smaller than a few pixels (city regions) get a ring so they can be found.
    if (path.area(targetFrame) < 150) {
      const point = projection(d3.geoCentroid(targetFrame));
      if (point) marker = [point[0], point[1]];
    }
  }

  return {
    context: all.filter((f) => f.properties.CNTR_CODE !== countryCode && visible(f)).map(toPath),
    country: inCountry.filter((f) => !targetIds.has(f.properties.NUTS_ID) && visible(f)).map(toPath),
    target: target.filter(visible).map(toPath),
    borders: borders ?? '',
    coast: coast ?? '',
    marker,
  };
}

/** A small SVG map locating a NUTS region (or a whole country) within its country. */
export function LocatorMap({ code, name, countryName }: { code: string; name: string; countryName: string }) {
  const { t } = useI18n();
  const titleId = useId();
  const [drawing, setDrawing] = useState<Drawing | null | undefined>(undefined);
  useMapAttribution();

  useEffect(() => {
    let cancelled = false;
    setDrawing(undefined);
    draw(code).then(
      (result) => !cancelled && setDrawing(result),
      () => !cancelled && setDrawing(null),
    );
    return () => {
      cancelled = true;
    };
  }, [code]);

  const label = t('regions.map', { name, country: countryName });
  return (
    <figure className="locator-map">
      <div className="locator-map-frame">
        {drawing === undefined && <p className="locator-map-status">{t('regions.mapLoading')}</p>}
        {drawing === null && <p className="locator-map-status">{t('regions.mapUnavailable')}</p>}
        {drawing && (
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
            <title id={titleId}>{label}</title>
            <g className="map-context">
              {drawing.context.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static paths, recomputed as a whole.
                <path key={i} d={d} />
              ))}
            </g>
            <g className="map-country">
              {drawing.country.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static paths, recomputed as a whole.
                <path key={i} d={d} />
              ))}
            </g>
            <g className="map-target">
              {drawing.target.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static paths, recomputed as a whole.
                <path key={i} d={d} />
              ))}
            </g>
            <path className="map-borders" d={drawing.borders} />
            <path className="map-coast" d={drawing.coast} />
            {drawing.marker && (
              <circle className="map-marker" cx={drawing.marker[0]} cy={drawing.marker[1]} r={9} />
            )}
          </svg>
        )}
      </div>
      <figcaption className="map-attribution">{t('footer.boundaries')}</figcaption>
    </figure>
  );
}
