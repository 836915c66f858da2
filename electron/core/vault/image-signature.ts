import type { CARD_MIME_TYPES } from '#shared/domain/contact';
import { SIGNATURES } from '#shared/domain/file-kind';

export type ImageMimeType = (typeof CARD_MIME_TYPES)[number];

const signature = (id: string) => SIGNATURES.find((entry) => entry.id === id)!;

/** The first bytes of each format, so a renamed file is never taken for an image. */
const FORMATS: Record<ImageMimeType, { extension: string; matches: (bytes: Uint8Array) => boolean }> = {
  'image/png': { extension: 'png', matches: signature('png').matches },
  'image/jpeg': { extension: 'jpg', matches: signature('jpeg').matches },
  'image/webp': { extension: 'webp', matches: signature('webp').matches },
};

export function isImageOfType(bytes: Uint8Array, mimeType: ImageMimeType): boolean {
  return FORMATS[mimeType].matches(bytes);
}

export function extensionFor(mimeType: ImageMimeType): string {
  return FORMATS[mimeType].extension;
}
