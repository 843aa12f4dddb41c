import type { RegionIndicator, RegionIndicators } from '../../../client/api.ts';
import { formatValue, ordinal } from '../../../client/components/charts/format.ts';
import { Missing } from '../../../client/components/charts/Missing.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { indicatorById } from '../../../shared/indicators.ts';
import { indicatorLabel, risGroupLabel, unitLabel } from './indicatorText.ts';
import { SourceLinks } from './SourceLinks.tsx';

/** The figures a region profile opens with, in this order. */
export const KEY_INDICATORS = [
  'gerd_pc_gdp',
  'gdp_pps_hab',
  'population',
  'rii_2019',
  'berd_pc_gdp',
  'hrst_pc_act',
] as const;

const RANK_OF: Record<number, MessageKey> = {
  0: 'regionProfile.rankCountries',
  1: 'regionProfile.rankNuts1',
  2: 'regionProfile.rankNuts2',
};

function KeyFigure({
  id,
  figure,
  sources,
}: {
  id: string;
  figure: RegionIndicator | undefined;
  sources: RegionIndicators['sources'];
}) {
  const { t, locale } = useI18n();
  const def = indicatorById.get(id);
  const indicator =
    figure?.indicator ?? (def && { id, label: def.label.en, unit: def.unit, decimals: def.decimals });
  if (!indicator) return null;
  const latest = figure?.latest;
  const unit = unitLabel(locale, indicator.unit);
  const rank = figure?.rank;
  const rankKey = rank ? RANK_OF[rank.level] : undefined;
  return (
    <li className="key-figure">
      <h3 className="key-figure-label">{indicatorLabel(locale, indicator)}</h3>
      {latest ? (
        <>
          <p className="key-figure-value">
            {latest.value !== null ? (
              <>
                <span className="key-figure-number">
                  {formatValue(locale, latest.value, indicator.decimals)}
                </span>{' '}
                <span className="key-figure-unit">{unit}</span>
              </>
            ) : (
              <span className="key-figure-number key-figure-text">
                {latest.valueText ? risGroupLabel(locale, latest.valueText) : <Missing />}
              </span>
            )}
          </p>
          <p className="key-figure-meta">
            <span className="key-figure-year">{t('regionProfile.year', { year: latest.year })}</span> ·{' '}
            <SourceLinks ids={[latest.source]} sources={sources} />
          </p>
          {rank && rankKey && (
            <p className="key-figure-rank">
              {t(rankKey, {
                position: ordinal(locale, rank.position),
                count: rank.of,
                year: rank.year,
              })}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="key-figure-value">
            <span className="key-figure-number">
              <Missing />
            </span>
          </p>
          <p className="key-figure-meta">{t('regionProfile.noFigure')}</p>
        </>
      )}
    </li>
  );
}

/**
 * The headline figures with their year, unit, source and rank among the regions of the same level. A
 * figure the region lacks is shown as missing; the scoreboard group appears once it has been imported.
 */
export function KeyFigures({ data, hasRisGroups }: { data: RegionIndicators; hasRisGroups: boolean }) {
  const { t } = useI18n();
  const byId = new Map(data.indicators.map((i) => [i.indicator.id, i]));
  const ids: string[] = [...KEY_INDICATORS];
  if (hasRisGroups || byId.has('ris_group')) ids.push('ris_group');
  return (
    <>
      <ul className="key-figures">
        {ids.map((id) => (
          <KeyFigure key={id} id={id} figure={byId.get(id)} sources={data.sources} />
        ))}
      </ul>
      <p className="muted small">{t('regionProfile.rankNote')}</p>
    </>
  );
}
