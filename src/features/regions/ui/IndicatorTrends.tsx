import type { IndicatorFigure, RegionIndicators } from '../../../client/api.ts';
import { formatValue } from '../../../client/components/charts/format.ts';
import { LineChart, type LineSeries } from '../../../client/components/charts/LineChart.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { indicatorLabel, unitLabel } from './indicatorText.ts';
import { SourceLinks } from './SourceLinks.tsx';

/** The indicators whose trend the profile draws, when the region has at least two years of them. */
export const TREND_INDICATORS = [
  'gerd_pc_gdp',
  'berd_pc_gdp',
  'gdp_pps_hab',
  'hrst_pc_act',
  'rd_personnel_pc_act',
  'tertiary_pc_25_64',
] as const;

const points = (figures: readonly IndicatorFigure[]) =>
  figures.filter((f) => f.value !== null).map((f) => ({ x: f.year, y: f.value }));

/**
 * The region's figures over the years against its country's and the EU27 aggregate's, one chart per
 * indicator, each with its table and the sources of all its lines.
 */
export function IndicatorTrends({
  data,
  regionName,
  countryName,
}: {
  data: RegionIndicators;
  regionName: string;
  countryName: string;
}) {
  const { t, locale } = useI18n();
  const byId = new Map(data.indicators.map((i) => [i.indicator.id, i]));
  const shown = TREND_INDICATORS.flatMap((id) => {
    const i = byId.get(id);
    return i && points(i.figures).length >= 2 ? [i] : [];
  });
  if (shown.length === 0) return <p className="muted">{t('regionProfile.noTrends')}</p>;
  return (
    <div className="trend-grid">
      {shown.map((i) => {
        const label = indicatorLabel(locale, i.indicator);
        const series: LineSeries[] = [
          { key: 'region', label: regionName, points: points(i.figures), style: 0 },
        ];
        if (i.country?.figures.length)
          series.push({ key: 'country', label: countryName, points: points(i.country.figures), style: 1 });
        if (i.eu.length)
          series.push({ key: 'eu', label: t('regionProfile.eu'), points: points(i.eu), style: 2 });
        const headingId = `trend-${i.indicator.id}`;
        return (
          <section key={i.indicator.id} className="trend" aria-labelledby={headingId}>
            <h3 id={headingId}>{label}</h3>
            <LineChart
              title={label}
              series={series}
              unit={unitLabel(locale, i.indicator.unit)}
              format={(v) => formatValue(locale, v, i.indicator.decimals)}
            />
            <p className="chart-source small">
              <SourceLinks
                ids={[...i.figures, ...(i.country?.figures ?? []), ...i.eu].map((f) => f.source)}
                sources={data.sources}
              />
            </p>
          </section>
        );
      })}
    </div>
  );
}
