// NUTS 2021 boundaries for every map: the TopoJSON of a level downloaded once per page load (from /geo/,
// see assets/geo/SOURCE.md), and Europe projected once per level and frame size. d3-geo and
// topojson-client load only on pages that draw a map.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type NutsLevel = 0 | 1 | 2;

export interface NutsProperties {
  NUTS_ID: string;
  CNTR_CODE: string;
  NAME_LATN: string;
  bbox?: [number, number, number, number];
  isOversea?: boolean;
}
export type NutsTopology = Topology<{ NUTS: GeometryCollection<NutsProperties> }>;
export type NutsFeature = Feature<Geometry, NutsProperties>;

export const topologyUrl = (level: NutsLevel) => `/geo/nuts2021-level${level}.topo.json`;

const topologies = new Map<NutsLevel, Promise<NutsTopology>>();

/** One download per level and page load; a failure is not kept, so a later visit retries. */
export function loadNutsTopology(level: NutsLevel): Promise<NutsTopology> {
  let p = topologies.get(level);
  if (!p) {
    const url = topologyUrl(level);
    p = fetch(url, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json() as Promise<NutsTopology>;
    });
    topologies.set(level, p);
    p.catch(() => topologies.delete(level));
  }
  return p;
}

/** The features of a topology (topojson-client loaded on demand). */
export async function nutsFeatures(topology: NutsTopology): Promise<NutsFeature[]> {
  const topojson = await import('topojson-client');
  return (topojson.feature(topology, topology.objects.NUTS) as FeatureCollection<Geometry, NutsProperties>)
    .features;
}

export interface RegionShape {
  code: string;
  name: string;
  country: string;
  d: string;
}
export interface EuropeDrawing {
  width: number;
  height: number;
  regions: RegionShape[];
  /** Country borders, drawn over the regions. */
  borders: string;
  coast: string;
}

const drawings = new Map<string, Promise<EuropeDrawing>>();

/**
 * Europe at one NUTS level in a `width` × `height` frame. Every level shares the frame of the NUTS 2
 * mainland, so maps of countries and of regions line up, and a country's overseas parts (one geometry
 * at level 0) do not shrink Europe to a corner.
 */
export function loadEuropeDrawing(level: NutsLevel, width: number, height: number, padding = 8) {
  const key = `${level}:${width}x${height}:${padding}`;
  let p = drawings.get(key);
  if (!p) {
    p = drawEurope(level, width, height, padding);
    drawings.set(key, p);
    p.catch(() => drawings.delete(key));
  }
  return p;
}

async function drawEurope(
  level: NutsLevel,
  width: number,
  height: number,
  padding: number,
): Promise<EuropeDrawing> {
  const [topology, frameTopology, d3, topojson] = await Promise.all([
    loadNutsTopology(level),
    loadNutsTopology(2),
    import('d3-geo'),
    import('topojson-client'),
  ]);
  const all = await nutsFeatures(topology);
  // The outermost regions (Canarias, Azores, Madeira, the French overseas departments) are drawn where
  // they fall, most outside the frame, and listed in the tables like every other region.
  const frame: FeatureCollection<Geometry, NutsProperties> = {
    type: 'FeatureCollection',
    features: (level === 2 ? all : await nutsFeatures(frameTopology)).filter((f) => !f.properties.isOversea),
  };
  // Lambert azimuthal equal-area centred on Europe, as Eurostat's own maps (EPSG:3035).
  const projection = d3
    .geoAzimuthalEqualArea()
    .rotate([-10, -52])
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      frame,
    );
  const path = d3.geoPath(projection);
  const nuts = topology.objects.NUTS;
  const countryOf = (g: { properties?: unknown }) => (g.properties as NutsProperties | undefined)?.CNTR_CODE;
  return {
    width,
    height,
    regions: all.map((f) => ({
      code: f.properties.NUTS_ID,
      name: f.properties.NAME_LATN,
      country: f.properties.CNTR_CODE,
      d: path(f) ?? '',
    })),
    borders: path(topojson.mesh(topology, nuts, (a, b) => a !== b && countryOf(a) !== countryOf(b))) ?? '',
    coast: path(topojson.mesh(topology, nuts, (a, b) => a === b)) ?? '',
  };
}
