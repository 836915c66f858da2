import { Extension } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { openExternalLink } from './links';

function anchorIn(event: Event, root: HTMLElement): HTMLAnchorElement | null {
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  return target && root.contains(target) ? target : null;
}

/**
 * The address the note stores for this link. The editor blanks the href of a
 * link the policy refuses, but a click on it must still say why it does not open.
 */
function storedHref(view: EditorView, anchor: HTMLAnchorElement): string | null {
  const href = anchor.getAttribute('href');
  if (href) return href;
  const pos = view.posAtDOM(anchor, 0);
  const link = view.state.doc.resolve(pos).marks().find((mark) => mark.type.name === 'link') ?? view.state.doc.nodeAt(pos)?.marks.find((mark) => mark.type.name === 'link');
  return typeof link?.attrs.href === 'string' ? link.attrs.href : href;
}

/**
 * Links inside a note never navigate the app. A plain click places the caret
 * (so a link can be edited); Ctrl/⌘+click hands a safe link to the operating system.
 */
export const LinkClicks = Extension.create({
  name: 'linkClicks',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('linkClicks'),
        props: {
          handleDOMEvents: {
            click: (view, event) => {
              const anchor = anchorIn(event, view.dom);
              if (!anchor) return false;
              event.preventDefault();
              if (event.ctrlKey || event.metaKey) {
                openExternalLink(storedHref(view, anchor));
                return true;
              }
              return false;
            },
            // A middle click would otherwise ask for a new window.
            auxclick: (view, event) => {
              if (!anchorIn(event, view.dom)) return false;
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
