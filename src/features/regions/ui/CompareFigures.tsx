import type { Comparison } from '../../../client/api.ts';
import { formatTick } from '../../../client/components/charts/format.ts';
import { LineLegend, SmallLineChart } from '../../../client/components/charts/SmallLineChart.tsx';
import { ExternalLink } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { formatFigure, indicatorLabel, unitLabel } from '../../../shared/indicators.ts';

type Row = Comparison['indicators'][number];
type Figure = NonNullable<Row['regions'][number]['latest']>;

function useFigure() {
  const { locale } = useI18n();
  return (row: Row, f: Figure | null | undefined) => {
    if (!f) return null;
    return f.value === null ? (f.valueText ?? '') : formatFigure(locale, f.value, row.indicator.decimals);
  };
}

function NoFigure() {
  const { t } = useI18n();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('compare.noFigure')}</span>
    </>
  );
}

function LatestTable({ data }: { data: Comparison }) {
  const { t, locale } = useI18n();
  const figure = useFigure();
  return (
    <div className="table-wrap">
      <table className="table compare-table">
        <caption className="visually-hidden">{t('compare.latest')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.indicator')}</th>
            {data.regions.map((r) => (
              <th key={r.code} scope="col">
                {r.name} <span className="muted">{r.code}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.indicators.map((row) => (
            <tr key={row.indicator.id}>
              <th scope="row">
                {indicatorLabel(locale, row.indicator.id, row.indicator.label)}
                <span className="muted compare-unit">{unitLabel(locale, row.indicator.unit)}</span>
              </th>
              {row.regions.map((r) => (
                <td key={r.code} className={row.indicator.kind === 'number' ? 'numeric' : undefined}>
                  {r.latest ? (
                    t('compare.figure', { value: figure(row, r.latest) ?? '', year: r.latest.year })
                  ) : (
                    <NoFigure />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SmallMultiple({ row, names }: { row: Row; names: Map<string, string> }) {
  const { t, locale } = useI18n();
  const figure = useFigure();
  const label = indicatorLabel(locale, row.indicator.id, row.indicator.label);
  const unit = unitLabel(locale, row.indicator.unit);
  const series = row.regions.map((r) => ({
    name: names.get(r.code) ?? r.code,
    points: r.series.filter((f) => f.value !== null).map((f) => ({ x: f.year, y: f.value! })),
  }));
  const years = [...new Set(row.regions.flatMap((r) => r.series.map((f) => f.year)))].sort((a, b) => a - b);
  if (!years.length) return null;
  const from = years[0]!;
  const to = years[years.length - 1]!;
  const byYear = row.regions.map((r) => new Map(r.series.map((f) => [f.year, f])));
  return (
    <figure className="small-multiple">
      <figcaption>
        <strong>{label}</strong> <span className="muted">{unit}</span>
      </figcaption>
      <SmallLineChart
        title={label}
        description={t('compare.chartLabel', { label, unit, from, to })}
        series={series}
        formatY={(y) => formatTick(locale, y, 10 ** -row.indicator.decimals)}
      />
      {from === to && <p className="muted">{t('compare.singleYear', { year: from })}</p>}
      <details>
        <summary>{t('compare.showTable', { label })}</summary>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('compare.year')}</th>
                {series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  {byYear.map((m, i) => {
                    const value = figure(row, m.get(year));
                    return (
                      <td key={row.regions[i]!.code} className="numeric">
                        {value ?? <NoFigure />}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** The figures of a comparison: the latest ones in a table, each indicator over time, the sources. */
export function CompareFigures({ data, csvUrl }: { data: Comparison; csvUrl: string }) {
  const { t } = useI18n();
  const names = new Map(data.regions.map((r) => [r.code, r.name]));
  const charted = data.indicators.filter((row) => row.indicator.kind === 'number');
  return (
    <>
      <section className="card section" aria-labelledby="compare-latest">
        <div className="section-header">
          <h2 id="compare-latest">{t('compare.latest')}</h2>
          <a href={csvUrl} download>
            {t('compare.download')}
          </a>
        </div>
        <LatestTable data={data} />
      </section>
      <section className="card section" aria-labelledby="compare-trends">
        <h2 id="compare-trends">{t('compare.trends')}</h2>
        <LineLegend names={data.regions.map((r) => r.name)} label={t('compare.chosen')} />
        <div className="small-multiples">
          {charted.map((row) => (
            <SmallMultiple key={row.indicator.id} row={row} names={names} />
          ))}
        </div>
      </section>
      <section className="card section" aria-labelledby="compare-sources">
        <h2 id="compare-sources">{t('compare.sources')}</h2>
        <ul className="link-list">
          {data.sources.map((s) => (
            <li key={s.id}>
              {s.url ? <ExternalLink href={s.url}>{s.name}</ExternalLink> : s.name}{' '}
              <span className="muted">
                {s.attribution} · {s.licence}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
