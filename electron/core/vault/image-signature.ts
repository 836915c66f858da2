import type { CARD_MIME_TYPES } from '../../../shared/domain/contact';

export type ImageMimeType = (typeof CARD_MIME_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The first bytes of each format, so a renamed file is never taken for an image. */
const FORMATS: Record<ImageMimeType, { extension: string; matches: (bytes: Uint8Array) => boolean }> = {
  'image/png': { extension: 'png', matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  'image/jpeg': { extension: 'jpg', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  'image/webp': { extension: 'webp', matches: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) },
};

export function isImageOfType(bytes: Uint8Array, mimeType: ImageMimeType): boolean {
  return FORMATS[mimeType].matches(bytes);
}

export function extensionFor(mimeType: ImageMimeType): string {
  return FORMATS[mimeType].extension;
}
