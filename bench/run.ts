// `npm run bench [name…]`: every benchmark prints its figures and ratios against a baseline measured in
// the same run. Names: foundation, scheduler, directory, import, load, regions (with the paper),
// regions-paper (the paper alone), partners.
import { directoryBench } from './directory.bench.ts';
import { foundationBench } from './foundation.bench.ts';
import { importBench } from './import.bench.ts';
import { loadBench } from './load.bench.ts';
import { partnersBench } from './partners.bench.ts';
import { regionsBench } from './regions.bench.ts';
import { regionsPaperBench } from './regions-paper.bench.ts';
import { schedulerBench } from './scheduler.bench.ts';

const all: Record<string, () => Promise<void>> = {
  foundation: () => foundationBench({ n: Number(process.env.BENCH_N ?? 500) }),
  scheduler: () => schedulerBench(),
  directory: () =>
    directoryBench({
      n: Number(process.env.BENCH_DIRECTORY_N ?? 100_000),
      runs: Number(process.env.BENCH_DIRECTORY_RUNS ?? 1),
    }),
  import: () => importBench({ rows: Number(process.env.BENCH_IMPORT_ROWS ?? 100_000) }),
  load: () =>
    loadBench({
      seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 10),
      connections: Number(process.env.BENCH_LOAD_CONNECTIONS ?? 100),
    }),
  // Similarity and the choropleth, then the Input Paper of a region with 1 000 organisations.
  regions: async () => {
    await regionsBench({ n: Number(process.env.BENCH_REGIONS_N ?? 200) });
    await paper();
  },
  'regions-paper': () => paper(),
  // Recommended partners on CORDIS H2020, split in time at each cut-off (BENCH_PARTNERS_TUNE=1: grid).
  partners: () =>
    partnersBench({
      cutoffs: (process.env.BENCH_PARTNERS_CUTOFFS ?? '2017-01-01,2018-01-01,2019-01-01').split(','),
      tune: process.env.BENCH_PARTNERS_TUNE === '1',
      // Every k-th query only (BENCH_PARTNERS_SAMPLE=k), for quick runs; 1 = all queries.
      sample: Number(process.env.BENCH_PARTNERS_SAMPLE ?? 1),
    }),
};

function paper() {
  return regionsPaperBench({
    n: Number(process.env.BENCH_PAPER_N ?? 1000),
    runs: Number(process.env.BENCH_PAPER_RUNS ?? 10),
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all[w]);
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${Object.keys(all).join(', ')}`);
  process.exit(2);
}
console.log(`Nexum benchmarks — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
for (const name of wanted.length ? wanted : Object.keys(all)) await all[name]!();
