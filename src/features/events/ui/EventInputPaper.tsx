import type { EventDetail } from '../../../client/api.ts';
import { ExternalLink } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';

/**
 * The Input Paper of the event: the address the organisers gave, and the paper Nexum generates on the
 * host region (unless the organisers turned it off), in the reader's language with its PDF.
 */
export function EventInputPaper({ event: e }: { event: EventDetail }) {
  const { t, locale } = useI18n();
  const region = e.showInputPaper ? e.hostRegion : null;
  if (!e.inputPaperUrl && !region) return null;
  const paper = region ? `/api/v1/regions/${encodeURIComponent(region.code)}/paper?lang=${locale}` : '';
  return (
    <div>
      <dt>{t('eventInfo.inputPaper')}</dt>
      <dd>
        {e.inputPaperUrl && (
          <span className="block">
            <ExternalLink href={e.inputPaperUrl} />
          </span>
        )}
        {region && (
          <span className="block">
            <a href={paper}>{t('event.inputPaperRegion', { region: region.name })}</a> (
            <a href={`${paper}&format=pdf`} type="application/pdf">
              {t('event.inputPaperPdf')}
            </a>
            )
          </span>
        )}
      </dd>
    </div>
  );
}
