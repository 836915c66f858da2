import { MARK_END, MARK_START } from '#shared/domain/search';

export interface Segment {
  text: string;
  marked: boolean;
}

/** Splits text carrying search markers into plain and matched pieces; a stray marker is dropped. */
export function segmentsOf(marked: string): Segment[] {
  const segments: Segment[] = [];
  let inside = false;
  let current = '';
  const flush = () => {
    if (current) segments.push({ text: current, marked: inside });
    current = '';
  };
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      inside = char === MARK_START;
    } else {
      current += char;
    }
  }
  flush();
  return segments;
}
