import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState, type ChainedCommands, type Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { icons } from './icons';
import { openExternalLink } from './links';
import { CLICK_MODIFIER, shortcutLabel } from './shortcuts';

interface Toggle {
  name: string;
  label: string;
  /** TipTap's default binding for it. */
  keys: string;
  face: ReactNode;
  isActive(editor: Editor): boolean;
  apply(chain: ChainedCommands): ChainedCommands;
}

const TOGGLES: Toggle[][] = [
  [
    { name: 'h2', label: 'H2 heading', keys: 'Mod-Alt-2', face: 'H2', isActive: (e) => e.isActive('heading', { level: 2 }), apply: (c) => c.toggleHeading({ level: 2 }) },
    { name: 'h3', label: 'H3 heading', keys: 'Mod-Alt-3', face: 'H3', isActive: (e) => e.isActive('heading', { level: 3 }), apply: (c) => c.toggleHeading({ level: 3 }) },
  ],
  [
    { name: 'bold', label: 'Bold', keys: 'Mod-B', face: <b>B</b>, isActive: (e) => e.isActive('bold'), apply: (c) => c.toggleBold() },
    { name: 'italic', label: 'Italic', keys: 'Mod-I', face: <i>I</i>, isActive: (e) => e.isActive('italic'), apply: (c) => c.toggleItalic() },
    { name: 'strike', label: 'Strikethrough', keys: 'Mod-Shift-S', face: <s>S</s>, isActive: (e) => e.isActive('strike'), apply: (c) => c.toggleStrike() },
  ],
  [
    { name: 'bullets', label: 'Bulleted list', keys: 'Mod-Shift-8', face: icons.bulletList, isActive: (e) => e.isActive('bulletList'), apply: (c) => c.toggleBulletList() },
    { name: 'numbers', label: 'Numbered list', keys: 'Mod-Shift-7', face: icons.orderedList, isActive: (e) => e.isActive('orderedList'), apply: (c) => c.toggleOrderedList() },
    { name: 'tasks', label: 'Checklist', keys: 'Mod-Shift-9', face: icons.taskList, isActive: (e) => e.isActive('taskList'), apply: (c) => c.toggleTaskList() },
    { name: 'quote', label: 'Quote', keys: 'Mod-Shift-B', face: icons.quote, isActive: (e) => e.isActive('blockquote'), apply: (c) => c.toggleBlockquote() },
  ],
];

interface ToolButton {
  key: string;
  label: string;
  face: ReactNode;
  run(): void;
  keys?: string;
  /** Tooltip, when the label and shortcut do not say enough. */
  hint?: string;
  pressed?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  controls?: string;
}

interface ToolbarProps {
  editor: Editor;
  linkFormOpen: boolean;
  linkFormId: string;
  onLinkClick(): void;
}

/** The formatting buttons. One tab stop; arrow keys move between buttons, as in any toolbar. */
export function Toolbar({ editor, linkFormOpen, linkFormId, onLinkClick }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      active: Object.fromEntries(TOGGLES.flat().map((tool) => [tool.name, tool.isActive(current)])),
      onLink: current.isActive('link'),
      href: (current.getAttributes('link').href as string | undefined) ?? null,
      // What can().undo() answers, read straight from the history: can() builds every command on each keystroke.
      canUndo: undoDepth(current.state) > 0,
      canRedo: redoDepth(current.state) > 0,
      editable: current.isEditable,
    }),
  });
  const bar = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);

  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + buttons.length) % buttons.length;
    buttons[index]!.focus();
    setFocusIndex(index);
  }

  const readOnly = !state.editable;
  const groups: ToolButton[][] = [
    ...TOGGLES.map((group) =>
      group.map((tool) => ({
        key: tool.name,
        label: tool.label,
        face: tool.face,
        keys: tool.keys,
        pressed: state.active[tool.name] ?? false,
        disabled: readOnly,
        run: () => tool.apply(editor.chain().focus()).run(),
      })),
    ),
    [
      { key: 'link', label: state.onLink ? 'Edit link' : 'Add link', face: icons.link, run: onLinkClick, expanded: linkFormOpen, controls: linkFormOpen ? linkFormId : undefined, disabled: readOnly },
      ...(state.onLink && state.href ? [{ key: 'open-link', label: 'Open link', hint: `Open link in your browser or mail app (or ${CLICK_MODIFIER}+click it)`, face: icons.openLink, run: () => openExternalLink(state.href) }] : []),
    ],
    [
      { key: 'undo', label: 'Undo', face: icons.undo, keys: 'Mod-Z', run: () => editor.chain().focus().undo().run(), disabled: readOnly || !state.canUndo },
      { key: 'redo', label: 'Redo', face: icons.redo, keys: 'Mod-Shift-Z', run: () => editor.chain().focus().redo().run(), disabled: readOnly || !state.canRedo },
    ],
  ];
  // Roving tab stop: the button last moved to, or the first enabled one if that is gone.
  const enabled = groups.flat().filter((tool) => !tool.disabled);
  const tabStopKey = (enabled[focusIndex] ?? enabled[0])?.key;

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" ref={bar} onKeyDown={moveFocus}>
      {groups.map((group, index) => (
        <div className="tool-group" key={index}>
          {group.map((tool) => (
            <button
              key={tool.key}
              type="button"
              className="tool"
              aria-label={tool.label}
              title={tool.hint ?? (tool.keys ? `${tool.label} (${shortcutLabel(tool.keys)})` : tool.label)}
              aria-pressed={tool.pressed}
              aria-expanded={tool.expanded}
              aria-controls={tool.controls}
              disabled={tool.disabled}
              tabIndex={tool.key === tabStopKey ? 0 : -1}
              // Keep the caret in the text: a click on a tool must not blur the editor.
              onMouseDown={(event) => event.preventDefault()}
              onClick={tool.run}
            >
              {tool.face}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
