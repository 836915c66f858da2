import { useEffect, useRef, useState } from 'react';
import type { Card } from '#shared/domain/contact';
import { CARD_MIME_TYPES } from '#shared/domain/contact';
import { call } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { FileButton } from '#renderer/ui/FileButton';
import { formatDate } from '#renderer/ui/format';
import { messageOf } from '#renderer/ui/message-of';
import { Section } from '#renderer/ui/Section';
import { cardFileProblem, fileToBase64, type CardMimeType } from './cardFiles';

interface BusinessCardsProps {
  contactId: string;
  contactName: string;
  cards: Card[];
  onChanged(): void;
}

/** Photos of the cards someone handed over: the surest spelling of a name, title and address. */
export function BusinessCards({ contactId, contactName, cards, onChanged }: BusinessCardsProps) {
  const [problem, setProblem] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [viewing, setViewing] = useState<{ card: Card; url: string }>();
  const [deleting, setDeleting] = useState<Card>();
  const [announcement, setAnnouncement] = useState<string>();

  async function choose(file: File) {
    const refusal = cardFileProblem(file);
    setProblem(refusal ?? undefined);
    if (refusal) return;
    setUploading(true);
    try {
      const dataBase64 = await fileToBase64(file);
      await call('cards.add', { contactId, fileName: file.name, mimeType: file.type as CardMimeType, dataBase64 });
      setAnnouncement(`Card photo “${file.name}” added.`);
      onChanged();
    } catch (caught) {
      setProblem(`The photo was not added: ${messageOf(caught)}`);
    } finally {
      setUploading(false);
    }
  }

  async function remove(card: Card) {
    setDeleting(undefined);
    try {
      await call('cards.delete', { id: card.id });
      setAnnouncement('Card photo moved to the trash.');
      onChanged();
    } catch (caught) {
      setProblem(`The photo was not deleted: ${messageOf(caught)}`);
    }
  }

  return (
    <Section
      title="Business cards"
      className="business-cards"
      actions={
        <FileButton label={uploading ? 'Adding…' : 'Add a card photo'} accept={CARD_MIME_TYPES.join(',')} disabled={uploading} onFile={(file) => void choose(file)} />
      }
    >
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
      {cards.length === 0 ? (
        <p className="muted">No card yet. A photo of their card keeps the exact spelling of their name, title and address at hand. PNG, JPEG or WebP, up to 5 MB.</p>
      ) : (
        <ul className="card-grid">
          {cards.map((card) => (
            <CardThumb key={card.id} card={card} contactName={contactName} onView={(url) => setViewing({ card, url })} onDelete={() => setDeleting(card)} />
          ))}
        </ul>
      )}
      <CardViewer view={viewing} contactName={contactName} onClose={() => setViewing(undefined)} />
      <ConfirmDialog open={deleting !== undefined} title="Delete this card photo?" confirmLabel="Delete photo" danger onConfirm={() => deleting && void remove(deleting)} onCancel={() => setDeleting(undefined)}>
        It goes to the trash, where you can restore it until you empty the trash. {contactName}’s details stay as they are.
      </ConfirmDialog>
    </Section>
  );
}

function altFor(card: Card, contactName: string): string {
  return `Business card of ${contactName} (${card.originalName})`;
}

function CardThumb({ card, contactName, onView, onDelete }: { card: Card; contactName: string; onView(url: string): void; onDelete(): void }) {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let current = true;
    call('cards.read', { id: card.id }).then(
      (image) => current && setUrl(`data:${image.mimeType};base64,${image.dataBase64}`),
      (caught: unknown) => current && setFailed(messageOf(caught)),
    );
    return () => {
      current = false;
    };
  }, [card.id]);

  return (
    <li className="card-thumb">
      {url ? (
        <button type="button" className="card-image-button" onClick={() => onView(url)} aria-label={`View larger: ${altFor(card, contactName)}`}>
          <img src={url} alt={altFor(card, contactName)} />
        </button>
      ) : (
        <div className="card-placeholder">{failed ? `Could not show this photo: ${failed}` : 'Loading…'}</div>
      )}
      <div className="card-meta">
        <span className="muted" title={card.originalName}>
          Added {formatDate(card.createdAt)}
        </span>
        <button type="button" className="button small quiet danger-text" onClick={onDelete} aria-label={`Delete card photo ${card.originalName}`}>
          Delete
        </button>
      </div>
    </li>
  );
}

/** The photo at full size in a modal; Escape or Close returns. */
function CardViewer({ view, contactName, onClose }: { view?: { card: Card; url: string }; contactName: string; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (view && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      closeRef.current?.focus();
    } else if (!view && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [view]);
  return (
    <dialog
      ref={ref}
      className="dialog card-viewer"
      aria-label={view ? altFor(view.card, contactName) : 'Business card'}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {view && <img src={view.url} alt={altFor(view.card, contactName)} />}
      <div className="form-actions">
        <button type="button" className="button" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
