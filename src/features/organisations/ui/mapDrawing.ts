// Geometry of the directory map: NUTS 2 regions of the mainland projected once per page load, with the
// country borders and coasts drawn over them (the shared loader of every map, client/components/charts/geo.ts).
import { type EuropeDrawing, loadEuropeDrawing } from '../../../client/components/charts/geo.ts';

export type { RegionShape } from '../../../client/components/charts/geo.ts';
export type MapDrawing = EuropeDrawing;

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 520;

/** One download and one projection per page load; a failure is not kept, so a later visit retries. */
export function loadMapDrawing(): Promise<MapDrawing> {
  return loadEuropeDrawing(2, MAP_WIDTH, MAP_HEIGHT);
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
