import sharp, { type Metadata, type Sharp } from 'sharp';
import { badRequest } from '../../server/http/errors.ts';

/** Uploaded event images: banners and gallery photos, checked by their bytes (never the file name). */
export const BANNER_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;
export const BANNER_MIN = { width: 600, height: 300 };
const ACCEPTED = new Set(['png', 'jpeg', 'webp']);
// A small file that decodes into a huge image is refused before it is decoded.
const PIXELS = { limitInputPixels: 60_000_000 };

export interface StoredImage {
  contentType: 'image/jpeg' | 'image/webp';
  bytes: Buffer;
  width: number;
  height: number;
}

const invalid = (message: string, field = 'body.file') =>
  badRequest(message, { fields: [{ field, message }] });

/** The image's upright size, or a 400 when the bytes are not a PNG, JPEG or WebP image. */
async function inspect(input: Buffer) {
  let meta: Metadata | undefined;
  try {
    meta = await sharp(input, PIXELS).metadata();
  } catch {
    meta = undefined;
  }
  if (!meta?.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height)
    throw invalid('The file is not a PNG, JPEG or WebP image');
  // EXIF orientations 5–8 are turned by a quarter: the upright image has width and height swapped.
  const turned = (meta.orientation ?? 1) >= 5;
  return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
}

async function render(pipeline: Sharp, contentType: StoredImage['contentType']): Promise<StoredImage> {
  try {
    const out =
      contentType === 'image/webp'
        ? pipeline.webp({ quality: 82 })
        : pipeline.jpeg({ quality: 84, mozjpeg: true });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    return { contentType, bytes: data, width: info.width, height: info.height };
  } catch {
    throw invalid('The image could not be read: it may be damaged or too large (at most 60 megapixels)');
  }
}

/**
 * A banner: at most 1600 px wide for the page (WebP) and a 1200×630 JPEG cropped from its centre for
 * share cards. Metadata (EXIF, GPS) is dropped; the image is turned upright first.
 */
export async function bannerImages(input: Buffer): Promise<{ page: StoredImage; card: StoredImage }> {
  const size = await inspect(input);
  if (size.width < BANNER_MIN.width || size.height < BANNER_MIN.height)
    throw invalid(`The banner must be at least ${BANNER_MIN.width}×${BANNER_MIN.height} pixels`);
  const page = await render(
    sharp(input, PIXELS).rotate().resize({ width: 1600, withoutEnlargement: true }),
    'image/webp',
  );
  const card = await render(
    sharp(input, PIXELS)
      .rotate()
      .resize(1200, 630, { fit: 'cover', position: 'centre' })
      .flatten({ background: '#ffffff' }),
    'image/jpeg',
  );
  return { page, card };
}

/** A gallery photo: scaled to fit 2048×2048 (never enlarged) as JPEG, and a 400×300 thumbnail. */
export async function photoImages(input: Buffer): Promise<{ full: StoredImage; thumb: StoredImage }> {
  await inspect(input);
  const full = await render(
    sharp(input, PIXELS)
      .rotate()
      .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' }),
    'image/jpeg',
  );
  const thumb = await render(
    sharp(input, PIXELS)
      .rotate()
      .resize(400, 300, { fit: 'cover', position: 'attention' })
      .flatten({ background: '#ffffff' }),
    'image/jpeg',
  );
  return { full, thumb };
}
