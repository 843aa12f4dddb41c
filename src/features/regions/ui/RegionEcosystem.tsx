import { Link } from 'wouter';
import { api, type Region } from '../../../client/api.ts';
import { OrganisationList } from '../../../client/components/cards.tsx';
import { BarChart } from '../../../client/components/charts/BarChart.tsx';
import { SampleBadge } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { en } from '../../../shared/i18n/en.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

/** The directory filtered by the region (a country by its code), plus any further filter. */
export function directoryHref(region: Pick<Region, 'code' | 'level' | 'countryCode'>, extra = ''): string {
  const base = region.level === 0 ? `country=${region.countryCode}` : `region=${region.code}`;
  return `/organisations?${base}${extra ? `&${extra}` : ''}`;
}

const known = (key: string): key is MessageKey => key in en;

/**
 * The regional ecosystem as the directory holds it: organisations by type, by EU industrial ecosystem and
 * by NACE section, the clusters with their member counts, and how many records are generated samples.
 */
export function RegionEcosystem({ region, title }: { region: Region; title: string }) {
  const { t, number, locale } = useI18n();
  const eco = region.ecosystem;
  const { data: nace } = useApi(
    (signal) =>
      eco.byNaceSection.length ? api.naceSections(signal) : Promise.resolve({ items: [] as never[] }),
    [eco.byNaceSection.length > 0],
  );
  const naceName = new Map((nace?.items ?? []).map((n) => [n.code, locale === 'it' ? n.nameIt : n.nameEn]));
  const label = (prefix: string, key: string) => {
    const k = `${prefix}${key}`;
    return known(k) ? t(k) : key;
  };
  const orgs = t('regionProfile.organisations');

  return (
    <>
      <p>
        {t('regionProfile.ecosystemTotal', { count: eco.total, name: title })}
        {eco.sample > 0 && (
          <>
            {' '}
            {t('regionProfile.ecosystemSample', { count: eco.sample })} <SampleBadge sample />
          </>
        )}
      </p>
      {eco.total === 0 ? (
        <p className="muted">{t('regions.noOrganisations')}</p>
      ) : (
        <div className="ecosystem-grid">
          <BarChart
            title={t('regionProfile.byType')}
            categoryLabel={t('common.type')}
            valueLabel={orgs}
            total={eco.total}
            rows={eco.byType.map((b) => ({
              key: b.key,
              label: label('orgType.', b.key),
              value: b.n,
              href: directoryHref(region, `type=${encodeURIComponent(b.key)}`),
            }))}
          />
          <BarChart
            title={t('regionProfile.byEcosystem')}
            categoryLabel={t('search.facet.ecosystem')}
            valueLabel={orgs}
            colour="#0f766e"
            rows={eco.byEcosystem.map((b) => ({
              key: b.key,
              label: label('profile.ecosystem.', b.key),
              value: b.n,
              href: directoryHref(region, `ecosystem=${encodeURIComponent(b.key)}`),
            }))}
          />
          <BarChart
            title={t('regionProfile.byNace')}
            categoryLabel={t('search.facet.nace')}
            valueLabel={orgs}
            colour="#7c3aed"
            rows={eco.byNaceSection.map((b) => ({
              key: b.key,
              label: naceName.has(b.key) ? `${b.key} – ${naceName.get(b.key)}` : b.key,
              value: b.n,
              href: directoryHref(region, `nace=${encodeURIComponent(b.key)}`),
            }))}
          />
        </div>
      )}
      {eco.byEcosystem.length > 0 && <p className="muted small">{t('regionProfile.multipleNote')}</p>}

      <h3>{t('regionProfile.clusters')}</h3>
      {eco.clusters.length === 0 ? (
        <p className="muted">{t('regionProfile.noClusters')}</p>
      ) : (
        <ul className="cluster-list">
          {eco.clusters.map((c) => (
            <li key={c.id}>
              <Link href={`/organisations/${c.slug}`}>{c.name}</Link> <SampleBadge sample={c.sample} />{' '}
              <span className="muted">{t('regionProfile.members', { count: c.members })}</span>
            </li>
          ))}
        </ul>
      )}

      <div className="section-header">
        <h3>
          {t('regions.organisations', { name: title })}{' '}
          <span className="count">{number(region.organisationCount)}</span>
        </h3>
        {region.organisationCount > 0 && <Link href={directoryHref(region)}>{t('regions.seeAll')}</Link>}
      </div>
      <OrganisationList organisations={region.organisations} empty={t('regions.noOrganisations')} />
      {region.organisationCount > region.organisations.length && (
        <p className="muted">
          {t('common.showingFirst', {
            shown: region.organisations.length,
            total: number(region.organisationCount),
          })}
        </p>
      )}
    </>
  );
}
