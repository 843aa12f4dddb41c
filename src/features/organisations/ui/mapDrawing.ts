// Geometry of the directory map: NUTS 2 regions of the mainland projected once per page load, with the
// country borders and coasts drawn over them. No I/O besides the topology download.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

interface NutsProperties {
  NUTS_ID: string;
  CNTR_CODE: string;
  NAME_LATN: string;
  isOversea?: boolean;
}
type NutsTopology = Topology<{ NUTS: GeometryCollection<NutsProperties> }>;

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 520;
const PADDING = 8;
const TOPOLOGY_URL = '/geo/nuts2021-level2.topo.json';

export interface RegionShape {
  code: string;
  name: string;
  country: string;
  d: string;
}
export interface MapDrawing {
  regions: RegionShape[];
  borders: string;
  coast: string;
}

let drawing: Promise<MapDrawing> | undefined;

/** One download and one projection per page load; a failure is not kept, so a later visit retries. */
export function loadMapDrawing(): Promise<MapDrawing> {
  drawing ??= draw();
  drawing.catch(() => {
    drawing = undefined;
  });
  return drawing;
}

async function draw(): Promise<MapDrawing> {
  const [response, d3, topojson] = await Promise.all([
    fetch(TOPOLOGY_URL, { credentials: 'same-origin' }),
    import('d3-geo'),
    import('topojson-client'),
  ]);
  if (!response.ok) throw new Error(`${TOPOLOGY_URL}: ${response.status}`);
  const topology = (await response.json()) as NutsTopology;
  const all = (
    topojson.feature(topology, topology.objects.NUTS) as FeatureCollection<Geometry, NutsProperties>
  ).features;
  // Fitting the outermost regions too (Canarias, Azores, Madeira, the French overseas departments) would
  // shrink Europe to a corner: the frame is the mainland's; they are drawn where they fall (most outside
  // it) and listed in the table like every other region.
  const mainland = all.filter((f) => !f.properties.isOversea);
  const frame: FeatureCollection<Geometry, NutsProperties> = {
    type: 'FeatureCollection',
    features: mainland,
  };
  // Lambert azimuthal equal-area centred on Europe, as Eurostat's own maps (EPSG:3035).
  const projection = d3
    .geoAzimuthalEqualArea()
    .rotate([-10, -52])
    .fitExtent(
      [
        [PADDING, PADDING],
        [MAP_WIDTH - PADDING, MAP_HEIGHT - PADDING],
      ],
      frame,
    );
  const path = d3.geoPath(projection);
  const nuts = topology.objects.NUTS;
  const countryOf = (g: { properties?: unknown }) => (g.properties as NutsProperties | undefined)?.CNTR_CODE;
  return {
    regions: all.map((f: Feature<Geometry, NutsProperties>) => ({
      code: f.properties.NUTS_ID,
      name: f.properties.NAME_LATN,
      country: f.properties.CNTR_CODE,
      d: path(f) ?? '',
    })),
    borders: path(topojson.mesh(topology, nuts, (a, b) => a !== b && countryOf(a) !== countryOf(b))) ?? '',
    coast: path(topojson.mesh(topology, nuts, (a, b) => a === b)) ?? '',
  };
}

/**
 * Class limits for counts from 1 to `max`: geometric steps, rounded to 1-2-5 numbers, so that a region
 * with 3 organisations and one with 300 both read at a glance. Returns the lower bound of each class.
 */
export function classBreaks(max: number, classes = 5): number[] {
  if (max <= 0) return [];
  const nice = (x: number) => {
    if (x <= 1) return 1;
    const p = 10 ** Math.floor(Math.log10(x));
    const m = x / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  };
  const breaks = [1];
  for (let i = 1; i < classes; i++) {
    const b = nice(max ** (i / classes));
    if (b > breaks[breaks.length - 1]! && b <= max) breaks.push(b);
  }
  return breaks;
}

/** The class (1…n) of a count, 0 for none. */
export function classOf(count: number, breaks: readonly number[]): number {
  let c = 0;
  for (let i = 0; i < breaks.length; i++) if (count >= breaks[i]!) c = i + 1;
  return c;
}

/** The colour (1…5) of a class: with fewer than five classes, the darker ones, so few regions stand out. */
export function colourOf(cls: number, classes: number, colours = 5): number {
  return cls === 0 ? 0 : colours - classes + cls;
}
