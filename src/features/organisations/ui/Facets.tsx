import { useId, useState } from 'react';
import type { DirectoryFacets } from '../../../client/api.ts';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { FACETS, type Facet, SIZE_BANDS } from './directoryQuery.ts';

const TITLES: Record<Facet, MessageKey> = {
  type: 'search.facet.type',
  country: 'search.facet.country',
  region: 'search.facet.region',
  ecosystem: 'search.facet.ecosystem',
  nace: 'search.facet.nace',
  s3: 'search.facet.s3',
  size: 'search.facet.size',
  label: 'search.facet.label',
};
/** Values shown before "Show all". */
const SHORT = 8;

/** The display name of a facet value, in the current language. */
export function useFacetLabel(): (facet: Facet, value: string, label?: { en: string; it: string }) => string {
  const { t, country, locale } = useI18n();
  return (facet, value, label) => {
    switch (facet) {
      case 'type':
        return t(`orgType.${value}` as MessageKey);
      case 'country':
        return country(value);
      case 'ecosystem':
        return t(`profile.ecosystem.${value}` as MessageKey);
      case 'size':
        return t(`profile.sizeBand.${value}` as MessageKey);
      case 'label':
        return t(`profile.esca.${value}` as MessageKey);
      case 'nace':
        return label ? `${value} · ${label[locale]}` : value;
      default:
        return label ? label[locale] : value;
    }
  };
}

function FacetGroup({
  facet,
  values,
  selected,
  onToggle,
}: {
  facet: Facet;
  values: DirectoryFacets[Facet];
  selected: readonly string[];
  onToggle: (facet: Facet, value: string) => void;
}) {
  const { t, number } = useI18n();
  const labelOf = useFacetLabel();
  const [open, setOpen] = useState(false);
  const listId = useId();
  // Sizes read best in their own order; the rest by count, as the API sends them.
  const ordered =
    facet === 'size'
      ? [...values].sort(
          (a, b) =>
            SIZE_BANDS.indexOf(a.value as (typeof SIZE_BANDS)[number]) -
            SIZE_BANDS.indexOf(b.value as (typeof SIZE_BANDS)[number]),
        )
      : values;
  // Selected values stay visible when the list is folded.
  const shown = open ? ordered : ordered.filter((v, i) => i < SHORT || selected.includes(v.value));
  if (values.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{t(TITLES[facet])}</legend>
      <ul id={listId}>
        {shown.map((v) => (
          <li key={v.value}>
            <label>
              <input
                type="checkbox"
                name={facet}
                value={v.value}
                checked={selected.includes(v.value)}
                onChange={() => onToggle(facet, v.value)}
              />
              <span className="facet-name">{labelOf(facet, v.value, v.label)}</span>
              <span className="facet-count">{number(v.count)}</span>
            </label>
          </li>
        ))}
      </ul>
      {ordered.length > shown.length || open ? (
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('search.showFewer') : t('search.showAll', { count: ordered.length })}
          <span className="visually-hidden"> {t(TITLES[facet])}</span>
        </button>
      ) : null}
    </fieldset>
  );
}

/** The facets: one group of check boxes each, with the count each value would give. */
export function Facets({
  facets,
  selected,
  onToggle,
}: {
  facets: DirectoryFacets;
  selected: Record<Facet, string[]>;
  onToggle: (facet: Facet, value: string) => void;
}) {
  return (
    <>
      {FACETS.map((f) => (
        <FacetGroup key={f} facet={f} values={facets[f]} selected={selected[f]} onToggle={onToggle} />
      ))}
    </>
  );
}
