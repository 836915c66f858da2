import { getSchema, type AnyExtension } from '@tiptap/react';
import Placeholder from '@tiptap/extension-placeholder';
import TaskItem from '@tiptap/extension-task-item';
import TaskList from '@tiptap/extension-task-list';
import StarterKit from '@tiptap/starter-kit';
import type { Schema } from '@tiptap/pm/model';
import { isSafeExternalUrl } from '#shared/domain/links';
import { BrowserCaret } from './browser-caret';
import { LinkClicks } from './link-clicks';
import { NearCaret } from './near-caret';
import { NoteLink } from './note-link';
import { NoteSection, SectionedDocument } from './note-sections';
import { RedoKey } from './redo-key';
import { TypedTextScroll } from './typed-text-scroll';

/**
 * What a note may contain. The schema is also the paste filter: anything it
 * has no place for (scripts, images, styles, frames, event handlers) is
 * dropped when HTML is pasted, and only https/mailto links keep their href.
 */
export const NOTE_PLACEHOLDER = 'Write what you want to remember: what was said, what you noticed, what to do next…';

export function noteExtensions({ placeholder = NOTE_PLACEHOLDER, sections = false }: { placeholder?: string; sections?: boolean } = {}): AnyExtension[] {
  return [
    // A long note is edited in sections of blocks (see note-sections.ts); what it stores is the same.
    ...(sections ? [SectionedDocument, NoteSection] : []),
    StarterKit.configure({
      // A long note ends in a section, never a bare paragraph: the trailing-paragraph rule would add a section a transaction.
      ...(sections ? { document: false as const, trailingNode: { notAfter: ['noteSection'] } } : {}),
      // The title is the note's top level; the body starts at level 2.
      heading: { levels: [2, 3] },
      // Configured below with our own rules.
      link: false,
    }),
    NoteLink.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: [],
      isAllowedUri: (url) => isSafeExternalUrl(url),
      shouldAutoLink: (url) => isSafeExternalUrl(url),
      HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow' },
    }),
    TaskList,
    TaskItem.configure({
      nested: true,
      a11y: { checkboxLabel: (node) => `Task: ${node.textContent || 'empty item'}` },
    }),
    Placeholder.configure({ placeholder }),
    LinkClicks,
    TypedTextScroll,
    BrowserCaret,
    NearCaret,
    RedoKey,
  ];
}

let schema: Schema | undefined;

/** True when a stored document fits the schema, so opening it loses nothing. */
export function fitsNoteSchema(doc: unknown): boolean {
  schema ??= getSchema(noteExtensions());
  try {
    schema.nodeFromJSON(doc).check();
    return true;
  } catch {
    return false;
  }
}
