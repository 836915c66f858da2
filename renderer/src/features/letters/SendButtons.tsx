interface SendButtonsProps {
  /** Once sent, the mail app is no longer the main action and "Mark as sent" goes away. */
  sent: boolean;
  busy: boolean;
  /** The editor is mounted, so there is text to send. */
  ready: boolean;
  onOpenInMail(): void;
  onCopy(): void;
  onMarkSent(): void;
}

/** The send actions shared by letters and reference briefs. */
export function SendButtons({ sent, busy, ready, onOpenInMail, onCopy, onMarkSent }: SendButtonsProps) {
  return (
    <>
      <button type="button" className={`button ${sent ? '' : 'primary'}`} disabled={busy || !ready} onClick={onOpenInMail}>
        Open in mail app
      </button>
      <button type="button" className="button" disabled={busy || !ready} onClick={onCopy}>
        Copy
      </button>
      {!sent && (
        <button type="button" className="button" disabled={busy} onClick={onMarkSent}>
          Mark as sent…
        </button>
      )}
    </>
  );
}
