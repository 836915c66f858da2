import { Extension } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Typed text is inserted by the browser, which brings the caret into view as
 * it does so. ProseMirror then scrolls to the selection once more, measuring
 * every element from the caret up to the window: in a long note that is some
 * seventy layout reads on each key, for a scroll that is already done. This
 * skips ProseMirror's second scroll for text the browser has just typed; every
 * other change (Enter, paste, undo, a toolbar command) still scrolls as before.
 */
export const TypedTextScroll = Extension.create({
  name: 'typedTextScroll',
  addProseMirrorPlugins() {
    // Set for the task in which the browser inserts typed text: ProseMirror reads that change in the same task.
    let typing = false;
    return [
      new Plugin({
        key: new PluginKey('typedTextScroll'),
        props: {
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (event.inputType !== 'insertText' || typing) return false;
              typing = true;
              setTimeout(() => {
                typing = false;
              });
              return false;
            },
          },
          handleScrollToSelection: () => typing,
        },
      }),
    ];
  },
});
