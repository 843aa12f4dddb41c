import sharp from 'sharp';
import { AppError, badRequest, forbidden, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { LogoRepo } from './logo.repo.ts';
import { canOrganisation } from './organisations.policy.ts';
import type { OrganisationsService } from './organisations.service.ts';

export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
export const LOGO_MAX_SIDE = 256;
const ACCEPTED = new Set(['png', 'jpeg', 'webp']);

export const logoTooLarge = () => new AppError('payload_too_large', 413, 'The logo file is larger than 5 MB');

/**
 * Checks what the bytes really are (never the name or the declared type), then scales the image to fit
 * 256×256 (never enlarging), turned upright, as PNG so transparency survives and PDFs can embed it.
 */
export async function processLogo(input: Buffer) {
  let format: string | undefined;
  try {
    // 50 megapixels: a small file that decodes into a huge image is refused before it is decoded.
    format = (await sharp(input, { limitInputPixels: 50_000_000 }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !ACCEPTED.has(format))
    throw badRequest('The file is not a PNG, JPEG or WebP image', {
      fields: [{ field: 'body.file', message: 'Upload a PNG, JPEG or WebP image' }],
    });
  try {
    const { data, info } = await sharp(input, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { contentType: 'image/png' as const, bytes: data, width: info.width, height: info.height };
  } catch {
    throw badRequest('The image could not be read: it may be damaged or too large (at most 50 megapixels)', {
      fields: [{ field: 'body.file', message: 'The image could not be read' }],
    });
  }
}

export function logoService(repo: LogoRepo, organisations: OrganisationsService) {
  return {
    /** The organisation whose logo the actor may change; checked before the upload is read. */
    async editable(actor: Actor | null, idOrSlug: string) {
      if (!actor) throw unauthenticated();
      const o = await organisations.readable(actor, idOrSlug);
      if (!canOrganisation(actor, 'update', o))
        throw forbidden('Only the organisation’s admins change its logo');
      return { actor, organisation: o };
    },

    async put(actor: Actor, organisationId: string, file: Buffer) {
      const image = await processLogo(file);
      const updatedAt = await repo.put(organisationId, image, actor.userId);
      return {
        url: `/api/v1/organisations/${organisationId}/logo?v=${updatedAt.getTime()}`,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
      };
    },

    async remove(actor: Actor, organisationId: string) {
      await repo.remove(organisationId, actor.userId);
    },

    /** The stored logo, if the caller may see the organisation. */
    async get(actor: Actor | null, idOrSlug: string) {
      const o = await organisations.readable(actor, idOrSlug);
      const logo = await repo.get(o.id);
      return logo ? { ...logo, published: o.status === 'published' } : null;
    },
  };
}
export type LogoService = ReturnType<typeof logoService>;
