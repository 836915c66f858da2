import { isSafeExternalUrl } from '#shared/domain/links';
import type { DocNode } from '#shared/domain/note';

/**
 * A copy of the document without link marks the app would refuse to open
 * (javascript:, file:, http:, custom schemes). The text stays; only the link
 * goes, so a pasted hostile link can never reach the operating system later.
 */
export function withSafeLinks(node: DocNode): DocNode {
  const copy: DocNode = { ...node };
  if (node.marks) {
    const marks = node.marks.filter((mark) => mark.type !== 'link' || isSafeExternalUrl(String(mark.attrs?.href ?? '')));
    if (marks.length > 0) copy.marks = marks;
    else delete copy.marks;
  }
  if (node.content) copy.content = node.content.map(withSafeLinks);
  return copy;
}
