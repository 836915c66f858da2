import { Extension } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { openExternalLink } from './links';

function anchorIn(event: Event, root: HTMLElement): HTMLAnchorElement | null {
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  return target && root.contains(target) ? target : null;
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
                openExternalLink(anchor.getAttribute('href'));
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
