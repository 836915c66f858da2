import type { InviteOffer, InviteReading } from '#shared/domain/capture';

/** What to open: the invite or e-mail dialog, for an opening or with the opening to choose, with a file already dropped. */
export type CaptureRequest =
  | { kind: 'invite'; openingId?: string; file?: File; reading?: InviteReading; offer?: InviteOffer }
  | { kind: 'email'; openingId?: string; file?: File };

/** What was saved, so that the screens showing it load it again. */
export type Captured = { kind: 'interview'; openingId: string; interviewId: string } | { kind: 'touchpoint'; openingId: string } | { kind: 'offer' };

const requests = new Set<(request: CaptureRequest) => void>();
const captured = new Set<(what: Captured) => void>();

/** Opens the capture dialogs (mounted once, in the app shell) from anywhere: a button, a drop, the palette. */
export function requestCapture(request: CaptureRequest): void {
  for (const listener of requests) listener(request);
}

export function onCaptureRequest(listener: (request: CaptureRequest) => void): () => void {
  requests.add(listener);
  return () => requests.delete(listener);
}

export function announceCaptured(what: Captured): void {
  for (const listener of captured) listener(what);
}

export function onCaptured(listener: (what: Captured) => void): () => void {
  captured.add(listener);
  return () => captured.delete(listener);
}

/** Which dialog a dropped or chosen file belongs to, by its name or type; null for anything else. */
export function captureKindOf(file: { name: string; type: string }): 'invite' | 'email' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.ics') || name.endsWith('.ical') || name.endsWith('.ifb') || file.type === 'text/calendar') return 'invite';
  if (name.endsWith('.eml') || file.type === 'message/rfc822') return 'email';
  return null;
}

/** A file's bytes as base64, for the e-mail channel (which reads any charset the message declares). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
