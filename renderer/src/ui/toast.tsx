import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run(): void | Promise<void> };
}

interface ToastApi {
  /** Shows a short message; with an action (e.g. Undo) it stays longer. */
  show(message: string, options?: { tone?: Toast['tone']; action?: Toast['action'] }): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const OutletContext = createContext<((element: HTMLElement | null) => void) | null>(null);

/** Long enough to read two lines twice; an action (Undo) gets longer. Hovering or focusing one holds it. */
export const TOAST_DURATION_MS = 6000;
export const TOAST_WITH_ACTION_MS = 10000;

const currentPage = () => window.location.hash;

/**
 * Short notices ("Round 1 is logged."). Each goes away on its own after a
 * few seconds, when the user leaves the page it belongs to (the page it was
 * shown on, or the one the same action went on to), with its × button, or
 * with Escape. They sit where <ToastOutlet /> is (the sidebar), so they never
 * cover the page's content or an editor.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [outlet, setOutlet] = useState<HTMLElement | null>(null);
  const nextId = useRef(1);
  /** The page (address) each notice belongs to, taken once the change that showed it has rendered. */
  const pages = useRef(new Map<number, string>());
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const show = useCallback<ToastApi['show']>((message, options = {}) => {
    const id = nextId.current++;
    setToasts((list) => [...list.slice(-2), { id, message, tone: options.tone ?? 'info', action: options.action }]);
  }, []);
  const api = useMemo<ToastApi>(() => ({ show }), [show]);

  // After the render of the action that showed it: an action that shows a notice and then opens another page leaves it on that page.
  useLayoutEffect(() => {
    const shown = new Set(toasts.map((toast) => toast.id));
    for (const id of pages.current.keys()) if (!shown.has(id)) pages.current.delete(id);
    for (const id of shown) if (!pages.current.has(id)) pages.current.set(id, currentPage());
  }, [toasts]);

  const hasToasts = toasts.length > 0;
  useEffect(() => {
    if (!hasToasts) return;
    const leavePage = () => setToasts((list) => list.filter((toast) => (pages.current.get(toast.id) ?? currentPage()) === currentPage()));
    const onKeyDown = (event: KeyboardEvent) => {
      // Escape belongs to an open dialog, menu or field first; what nothing else wanted closes the newest notice.
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setToasts((list) => list.slice(0, -1));
    };
    window.addEventListener('hashchange', leavePage);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('hashchange', leavePage);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [hasToasts]);

  const region = (
    <div className="toasts" role="region" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} dismiss={dismiss} />
      ))}
    </div>
  );

  return (
    <ToastContext.Provider value={api}>
      <OutletContext.Provider value={setOutlet}>
        {children}
        {outlet ? createPortal(region, outlet) : region}
      </OutletContext.Provider>
    </ToastContext.Provider>
  );
}

/** Where notices appear: placed in the sidebar, beside the page and never over it. */
export function ToastOutlet() {
  const register = useContext(OutletContext);
  return <div className="toast-outlet" ref={register ?? undefined} />;
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss(id: number): void }) {
  const [held, setHeld] = useState(false);
  const { id, action } = toast;
  const onDone = () => dismiss(id);
  useEffect(() => {
    if (held) return;
    // Starts again after being held, so there is always time to read it once more.
    const timer = setTimeout(() => dismiss(id), action ? TOAST_WITH_ACTION_MS : TOAST_DURATION_MS);
    return () => clearTimeout(timer);
  }, [id, action, dismiss, held]);
  return (
    <div
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            onDone();
            void toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss (Esc)" onClick={onDone}>
        ×
      </button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
