import { useEffect, useId, useRef } from 'react';
import { formatKeys, SHORTCUT_GROUPS } from './keys';
import './shortcuts.css';

/** The list of keyboard shortcuts; Escape or Close shuts it and focus goes back where it was. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      closeRef.current?.focus();
    } else if (!open && dialog.open) {
      // Focus goes back only if it is still ours: opening search in its place keeps it in search.
      const hadFocus = dialog.contains(document.activeElement) || document.activeElement === document.body;
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (hadFocus) returnTo.current?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog shortcuts-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="shortcuts-head">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <button type="button" className="button small" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
      <div className="shortcuts-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcuts-group" aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.entries.map((entry) => (
                <div key={entry.keys + entry.action} className="shortcut-row">
                  <dt>
                    <kbd>{formatKeys(entry.keys)}</kbd>
                  </dt>
                  <dd>{entry.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
