import { Link } from 'wouter';
import type { IndicatorSource } from '../../../client/api.ts';
import { sourceAnchor } from '../../../client/attributions.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { en } from '../../../shared/i18n/en.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

/**
 * What must be shown beside figures of each source (its attribution: the CC BY 4.0 credit, "Source:
 * Eurostat"), in the reader's language for the sources Nexum ships, linked to the attributions page.
 */
export function SourceLinks({
  ids,
  sources,
}: {
  ids: Iterable<string>;
  sources: readonly IndicatorSource[];
}) {
  const { t } = useI18n();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (
    <span className="source-links">
      {unique.map((id, i) => {
        const key = `indicatorSource.${id}`;
        const text = key in en ? t(key as MessageKey) : (byId.get(id)?.attribution ?? id);
        return (
          <span key={id}>
            {i > 0 && '; '}
            <Link href={`/attributions#${sourceAnchor(id)}`}>{text}</Link>
          </span>
        );
      })}
    </span>
  );
}
