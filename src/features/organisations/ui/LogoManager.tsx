import { api, type Organisation } from '../../../client/api.ts';
import { ImageUploadManager } from '../../../client/components/ImageUpload.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

const MAX_BYTES = 5 * 1024 * 1024;

/** Upload or remove the logo; the server checks the real image type and scales it to 256×256 at most. */
export function LogoManager({
  organisation: o,
  onChanged,
}: {
  organisation: Organisation;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <ImageUploadManager
      text={{
        heading: t('profile.logo'),
        none: t('profile.noLogo'),
        file: t('profile.logoFile'),
        hint: t('profile.logoHint'),
        upload: t('profile.logoUpload'),
        remove: t('profile.logoRemove'),
        choose: t('profile.logoChoose'),
        tooLarge: t('profile.logoTooLarge'),
        saved: t('profile.logoSaved'),
        removed: t('profile.logoRemoved'),
      }}
      preview={
        o.logoUrl
          ? { src: o.logoUrl, alt: t('profile.logoAlt', { name: o.name }), className: 'logo-preview' }
          : null
      }
      maxBytes={MAX_BYTES}
      upload={(file) => api.uploadLogo(o.id, file)}
      remove={() => api.deleteLogo(o.id)}
      onChanged={onChanged}
      className="logo-manager"
      rowClassName="logo-row"
      formClassName="logo-form"
    />
  );
}
