import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '#shared/domain/search';
import { useRoute } from '#renderer/router';
import { useThemeChoice } from '#renderer/theme';
import { ariaKeys, formatKeys } from '../shortcuts/keys';
import { actionsFor } from './actions';
import { commandsFor } from './commands';
import { MarkedText } from './MarkedText';
import { paletteGroups } from './palette-options';
import { usePaletteActions } from './usePaletteActions';
import { useSearchResults, type SearchState } from './useSearchResults';
import './search.css';

const NO_RESULTS: SearchResult[] = [];

interface CommandPaletteProps {
  open: boolean;
  onClose(): void;
  /** "Show keyboard shortcuts" opens the list the shell owns. */
  onShowShortcuts(): void;
}

function statusText(state: SearchState, text: string, count: number): string {
  if (state.status === 'error') return `Search did not work: ${state.message}`;
  if (state.status === 'idle') return 'Type a word or two to look through everything you wrote: openings, interviews and debriefs, notes, letters, touchpoints, people and references.';
  if (state.status === 'loading' && count === 0) return 'Looking…';
  if (state.status === 'done' && state.results.length === 0) return `Nothing in your vault matches “${text.trim()}”.`;
  return '';
}

/** Goes to a result or a screen (kept outside the component, where the hooks lint allows changing the address). */
function openAddress(href: string): void {
  window.location.hash = href;
}

/** One box over everything: search results as you type, the places to go and the things to do, all from the keyboard. */
export function CommandPalette({ open, onClose, onShowShortcuts }: CommandPaletteProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const titleId = useId();
  const state = useSearchResults(open ? text : '');
  const results = state.status === 'done' || state.status === 'loading' ? state.results : NO_RESULTS;
  const runAction = usePaletteActions(onShowShortcuts);
  // A switch to the theme already on is left out.
  const theme = useThemeChoice();
  const onOpening = useRoute().name === 'opening';
  const groups = useMemo(() => paletteGroups(results, commandsFor(text), actionsFor(text, theme, onOpening)), [results, text, theme, onOpening]);
  const options = groups.flatMap((group) => group.options);
  const selected = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      inputRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnTo.current?.focus();
    }
  }, [open]);

  function close() {
    setText('');
    setActive(0);
    onClose();
  }

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    close();
    if ('action' in option) runAction(option.action);
    else openAddress(option.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(selected);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  const status = statusText(state, text, options.length);
  return (
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId} className="sr-only">
        Search
      </h2>
      <input
        ref={inputRef}
        className="palette-input"
        type="text"
        role="combobox"
        aria-label="Search everything"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? optionId(selected) : undefined}
        placeholder="Search or type a command…"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={text}
        onChange={(event) => {
          // New text starts again from the top.
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="palette-status" role="status">
        {status}
      </p>
      <div id={listId} role="listbox" aria-label="Results" className="palette-list">
        {groups.map((group) => (
          <div key={group.label} role="group" aria-label={group.label} className="palette-group">
            <div className="palette-group-label" aria-hidden="true">
              {group.label}
            </div>
            {group.options.map((option, offset) => {
              const mine = group.start + offset;
              return (
                <div
                  key={option.key}
                  id={optionId(mine)}
                  role="option"
                  aria-selected={mine === selected}
                  className={`palette-option${option.keys ? ' with-keys' : ''}`}
                  aria-keyshortcuts={option.keys ? ariaKeys(option.keys) : undefined}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => setActive(mine)}
                  onClick={() => choose(mine)}
                >
                  <span className="palette-title">
                    <MarkedText text={option.title} />
                    {option.context && <span className="palette-context"> · {option.context}</span>}
                  </span>
                  {option.snippet && (
                    <span className="palette-snippet">
                      <MarkedText text={option.snippet} />
                    </span>
                  )}
                  {option.keys && (
                    <kbd className="palette-keys" aria-hidden="true">
                      {formatKeys(option.keys)}
                    </kbd>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </dialog>
  );
}
