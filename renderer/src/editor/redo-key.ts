import { Extension } from '@tiptap/react';

/**
 * Redo with nothing left to redo does nothing. ProseMirror's keymap, when the
 * command bound to a letter with Shift declines, tries the same letter without
 * Shift: Ctrl+Shift+Z became Ctrl+Z, and one redo too many undid the last edit.
 * Ahead of TipTap's own binding (higher priority), so that it never declines.
 */
export const RedoKey = Extension.create({
  name: 'redoKey',
  priority: 1_000,
  addKeyboardShortcuts() {
    return {
      'Shift-Mod-z': ({ editor }) => {
        editor.commands.redo();
        return true;
      },
    };
  },
});
