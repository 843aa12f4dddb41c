import { api, type EventDetail } from '../../../client/api.ts';
import { ImageUploadManager } from '../../../client/components/ImageUpload.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import './summary.css';

const MAX_BYTES = 10 * 1024 * 1024;

/** Upload or remove the banner; the server checks the image and makes the page and share-card sizes. */
export function BannerManager({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <ImageUploadManager
      text={{
        heading: t('eventInfo.banner'),
        none: t('eventInfo.noBanner'),
        file: t('eventInfo.bannerFile'),
        hint: t('eventInfo.bannerHint'),
        upload: t('eventInfo.bannerUpload'),
        remove: t('eventInfo.bannerRemove'),
        choose: t('eventInfo.bannerChoose'),
        tooLarge: t('eventInfo.bannerTooLarge'),
        saved: t('eventInfo.bannerSaved'),
        removed: t('eventInfo.bannerRemoved'),
      }}
      preview={
        event.banner
          ? { src: event.banner.cardUrl, alt: t('eventInfo.bannerPreview'), className: 'banner-preview' }
          : null
      }
      maxBytes={MAX_BYTES}
      upload={(file) => api.uploadEventBanner(event.id, file)}
      remove={() => api.deleteEventBanner(event.id)}
      onChanged={onChanged}
      rowClassName="banner-row"
    />
  );
}
