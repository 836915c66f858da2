import { CARD_MIME_TYPES, MAX_CARD_BYTES } from '#shared/domain/contact';

export type CardMimeType = (typeof CARD_MIME_TYPES)[number];

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a chosen file cannot be a card photo, or null when it can. Checked before anything is read or sent. */
export function cardFileProblem(file: File): string | null {
  if (!(CARD_MIME_TYPES as readonly string[]).includes(file.type)) {
    return `“${file.name}” is not a PNG, JPEG or WebP image, so it cannot be kept as a card photo.`;
  }
  if (file.size > MAX_CARD_BYTES) {
    return `“${file.name}” is ${megabytes(file.size)}; a card photo can be at most 5 MB. A smaller or cropped photo will do.`;
  }
  return null;
}

/** The file's bytes as base64, without a data: prefix. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}
