import { useEditorState } from '@tiptap/react';
import { SendButtons } from './SendButtons';
import { useCallback, useId, useState } from 'react';
import { DOCUMENT_FORMAT_LABELS, type DocumentFormat } from '#shared/domain/document-export';
import { LIMITS, type ContactChannel } from '#shared/domain/fields';
import type { LetterSummary } from '#shared/domain/letter';
import { buildMailto } from '#shared/domain/mailto';
import type { DocNode } from '#shared/domain/note';
import type { LetterDetail } from '#shared/ipc/channels/letters';
import { call, openExternal } from '#renderer/api';
import { flushAll } from '#renderer/editor/flush-registry';
import { RichTextArea } from '#renderer/editor/RichTextArea';
import { SaveIndicator } from '#renderer/editor/SaveIndicator';
import { useRichText, type RichTextDraft } from '#renderer/editor/use-rich-text';
import { hrefFor, navigate } from '#renderer/router';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { ExportMenu } from '#renderer/ui/ExportMenu';
import { messageOf } from '#renderer/ui/message-of';
import { DetailPage, DetailPending } from '#renderer/ui/DetailPage';
import { orNotFound } from '#renderer/ui/NotFound';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useNow } from '#renderer/ui/useNow';
import { CLIPBOARD_REFUSED, copyPlainText, copyRichText } from './clipboard';
import { downloadBase64 } from './download';
import { Tip } from '#renderer/ui/Tip';
import { COUNTDOWN_REFRESH_MS, CountdownText, letterTitle, StatusBadge } from './letter-status';
import { LetterTrack } from './LetterTrack';
import { MarkSentDialog } from './MarkSentDialog';
import { findPrompts, nextPrompt, PromptReplace } from './prompts';
import { ReferencePanel } from './ReferencePanel';
import './letters.css';

/** A letter: its header and countdown, the editor with the reference beside it, and the ways to send it. */
export function LetterPage({ id }: { id: string }) {
  // Edits to this letter from an editor just closed must land before we read it back.
  const load = useCallback(() => orNotFound(flushAll(id).then(() => call('letters.get', { id }))), [id]);
  const state = useAsyncData(load);
  const data = state.data && state.data.letter.id === id ? state.data : undefined;
  if (!data) return <DetailPending what="letter" state={state} back={{ label: 'Back to the pipeline', route: { name: 'pipeline' } }} />;
  return <LetterWorkspace detail={data} />;
}

type Pending = { what: string; run(): Promise<void> };

function LetterWorkspace({ detail }: { detail: LetterDetail }) {
  const { opening, debrief, recipient } = detail;
  const id = detail.letter.id;
  const toast = useToast();
  const now = useNow(COUNTDOWN_REFRESH_MS);
  const [letter, setLetter] = useState<LetterSummary>(detail.letter);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** When the mark-as-sent dialog was opened: its default sent time. */
  const [sending, setSending] = useState<number>();
  const [sendError, setSendError] = useState<string>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [pending, setPending] = useState<Pending>();
  const subjectId = useId();

  const save = useCallback(
    async ({ fields, doc }: RichTextDraft<{ subject: string }>) => {
      const saved = await call('letters.save', { id, subject: fields.subject, doc: doc.toJSON() as DocNode });
      setLetter((previous) => ({ ...previous, subject: fields.subject, updatedAt: saved.updatedAt }));
    },
    [id],
  );
  const [extraExtensions] = useState(() => [PromptReplace]);
  const { editor, readable, status, fields, setField, flush, onKeyDown } = useRichText({
    saveKey: id,
    doc: detail.letter.doc,
    fields: { subject: detail.letter.subject },
    save,
    label: 'Letter text',
    placeholder: 'Write your note here…',
    extraExtensions,
  });
  const promptCount = useEditorState({ editor, selector: ({ editor: current }) => (current ? findPrompts(current.state.doc).length : 0) }) ?? 0;

  const title = letterTitle(letter);
  const firstName = letter.recipientName.split(/\s+/)[0] ?? letter.recipientName;
  const email = letter.recipientEmail ?? recipient?.email ?? null;

  const plainText = () => (editor ? editor.getText({ blockSeparator: '\n\n' }).trim() : '');

  /** Runs an action once the text is saved; errors become a message, not a crash. */
  async function act(what: string, action: () => Promise<void>) {
    setBusy(true);
    try {
      await flush();
      await action();
    } catch (caught) {
      toast.show(`Could not ${what}: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  /** Sending a letter that still holds the template's prompts deserves a second look. */
  function checkPrompts(what: string, run: () => Promise<void>) {
    if (promptCount > 0) setPending({ what, run });
    else void run();
  }

  const markStatus = (next: 'ready' | 'draft') =>
    act(next === 'ready' ? 'mark it ready' : 'move it back to draft', async () => {
      await call('letters.save', { id, subject: fields.subject, doc: (editor?.getJSON() ?? detail.letter.doc) as DocNode, status: next });
      setLetter((previous) => ({ ...previous, status: next }));
      setNotice(next === 'ready' ? 'Marked ready. Send it by e-mail or copy it, then mark it as sent.' : 'Back to draft.');
    });

  const openInMail = () =>
    act('open your mail app', async () => {
      const body = plainText();
      const mail = buildMailto(email, fields.subject, body);
      let copied = true;
      if (mail.truncated) {
        try {
          await copyPlainText(body);
        } catch {
          copied = false;
        }
      }
      try {
        await openExternal(mail.url);
      } catch (caught) {
        // Refused by the link policy, or no mail app: said in the page, never silently.
        setNotice(messageOf(caught));
        return;
      }
      const who = email ? '' : ` There is no e-mail address for ${firstName} yet, so fill in the “To” line.`;
      if (!mail.truncated) setNotice(`Your mail app should open with the note filled in.${who} Once it is on its way, choose “Mark as sent”.`);
      else if (copied) setNotice(`The note is longer than a mail link can carry, so the mail holds its beginning and the whole text is on your clipboard: paste it over the body.${who}`);
      else setNotice(`The note is longer than a mail link can carry, so the mail holds only its beginning. ${CLIPBOARD_REFUSED}`);
    });

  const copy = () =>
    act('copy the note', async () => {
      if (!editor) return;
      try {
        const how = await copyRichText(editor.getHTML(), plainText());
        setNotice(how === 'rich' ? 'Copied with its formatting. Paste it into your e-mail, then mark it as sent.' : 'Copied as plain text. Paste it into your e-mail, then mark it as sent.');
      } catch (caught) {
        setNotice(messageOf(caught));
      }
    });

  async function markSent(value: { channel: ContactChannel; sentAt: string }) {
    setBusy(true);
    setSendError(undefined);
    try {
      await flush();
      const updated = await call('letters.markSent', { id, channel: value.channel, sentAt: value.sentAt });
      setLetter(updated);
      setSending(undefined);
      setNotice(undefined);
      toast.show(`Marked as sent to ${letter.recipientName}.`);
    } catch (caught) {
      setSendError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const setTrack = (enabled: boolean) =>
    act(enabled ? 'add the handwritten copy' : 'remove the handwritten copy', async () => {
      setLetter(await call('letters.setLetterTrack', { id, enabled }));
    });

  const setPosted = (posted: boolean) =>
    act('update the posted state', async () => {
      setLetter(await call('letters.markPosted', { id, posted }));
    });

  const exportAs = (format: DocumentFormat) =>
    act(`make the ${DOCUMENT_FORMAT_LABELS[format]} file`, async () => {
      const file = await call('letters.export', { id, format });
      const saved = await downloadBase64(file.fileName, file.dataBase64, file.mimeType);
      if (saved) setNotice(`Saved as ${saved}.`);
    });

  async function remove() {
    setConfirmingDelete(false);
    try {
      await flush();
      await call('letters.delete', { id });
    } catch (caught) {
      toast.show(`Could not delete the letter: ${messageOf(caught)}`, { tone: 'error' });
      return;
    }
    navigate(letter.interviewId ? { name: 'interview', id: letter.interviewId } : { name: 'opening', id: letter.openingId });
    toast.show(`The ${letter.kind === 'thank_you' ? 'note' : 'reply'} to ${letter.recipientName} is in the trash.`, {
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await call('trash.restore', { kind: 'letter', id });
            navigate({ name: 'letter', id });
          } catch (caught) {
            toast.show(`Could not restore the letter: ${messageOf(caught)}`, { tone: 'error' });
          }
        },
      },
    });
  }

  function goToNextPrompt() {
    if (!editor) return;
    const prompt = nextPrompt(editor.state.doc, editor.state.selection.to);
    if (prompt) editor.chain().focus().setTextSelection({ from: prompt.from, to: prompt.to }).scrollIntoView().run();
  }

  const sent = letter.status === 'sent';
  return (
    <DetailPage
      what="letter"
      className="letter-page"
      trail={[
        { label: `${opening.role} at ${opening.companyName}`, route: { name: 'opening', id: opening.id } },
        ...(letter.interviewId ? [{ label: 'Interview', route: { name: 'interview', id: letter.interviewId } } as const] : []),
      ]}
      title={title}
      about={
        <>
          <p className="subtitle">
            {letter.recipientTitle && <>{letter.recipientTitle} — </>}
            <a href={hrefFor({ name: 'opening', id: opening.id })}>{letter.role || opening.role}</a> at {letter.companyName || opening.companyName}
          </p>
          <div className="letter-header-state" aria-label="Where this letter stands" role="group">
            <StatusBadge letter={letter} />
            <CountdownText letter={letter} now={now} />
          </div>
        </>
      }
      actions={
        <>
          <ExportMenu label="Export the letter" disabled={busy || !editor} onExport={(format) => void exportAs(format)} />
          <button type="button" className="button quiet danger-text" onClick={() => setConfirmingDelete(true)}>
            Delete…
          </button>
        </>
      }
      actionsClassName="letter-header-actions"
    >
      {letter.kind === 'thank_you' && !sent && <Tip id="thank_within_a_day" />}

      <div className="letter-actions" role="group" aria-label="Send">
        {letter.status === 'draft' && (
          <button type="button" className="button" disabled={busy || !editor} onClick={() => checkPrompts('mark it ready', () => markStatus('ready'))}>
            Mark ready
          </button>
        )}
        {letter.status === 'ready' && (
          <button type="button" className="button quiet" disabled={busy || !editor} onClick={() => void markStatus('draft')}>
            Back to draft
          </button>
        )}
        <SendButtons
          sent={sent}
          busy={busy}
          ready={!!editor}
          onOpenInMail={() => checkPrompts('open it in your mail app', openInMail)}
          onCopy={() => checkPrompts('copy it', copy)}
          onMarkSent={() => {
            setSendError(undefined);
            setSending(Date.now());
          }}
        />
      </div>
      <p className="letter-notice" role="status" aria-live="polite">
        {notice}
      </p>

      <div className="letter-layout">
        <section className="note-editor letter-editor" aria-label="Letter" onKeyDown={onKeyDown}>
          <div className="letter-editor-head">
            <div className="letter-subject">
              <label htmlFor={subjectId}>Subject</label>
              <input id={subjectId} value={fields.subject} maxLength={LIMITS.name} disabled={!readable} onChange={(event) => setField('subject', event.target.value)} onBlur={() => void flush()} />
            </div>
            <SaveIndicator status={status} />
          </div>
          <p className="field-hint">
            To: {email ?? <>no e-mail address yet{letter.contactId && <> — <a href={hrefFor({ name: 'contact', id: letter.contactId })}>add one to {firstName}’s contact</a></>}</>}
          </p>
          {promptCount > 0 ? (
            <p className="prompt-bar">
              <span>
                {promptCount === 1 ? '1 prompt' : `${promptCount} prompts`} in [brackets] to replace with your own words.
              </span>
              <button type="button" className="button small" onClick={goToNextPrompt} disabled={!readable}>
                Next prompt
              </button>
            </p>
          ) : (
            <p className="prompt-bar prompt-bar-done">No prompts left: read it through once, then send.</p>
          )}
          {editor ? <RichTextArea editor={editor} readable={readable} what="letter" /> : null}
        </section>

        <aside className="letter-side" aria-label="Beside the letter">
          <LetterTrack letter={letter} now={now} busy={busy} onTrack={(enabled) => void setTrack(enabled)} onPosted={(posted) => void setPosted(posted)} onDownload={() => void exportAs('pdf')} />
          <ReferencePanel kind={letter.kind} debrief={debrief} interviewId={letter.interviewId} recipientFirstName={firstName} />
        </aside>
      </div>

      {sending !== undefined && (
        <MarkSentDialog
          recipientName={letter.recipientName}
          now={sending}
          busy={busy}
          error={sendError}
          onSubmit={(value) => void markSent(value)}
          onCancel={() => setSending(undefined)}
        />
      )}
      <ConfirmDialog
        open={pending !== undefined}
        title="Some prompts are still in the letter"
        confirmLabel="Continue anyway"
        onConfirm={() => {
          const run = pending?.run;
          setPending(undefined);
          void run?.();
        }}
        onCancel={() => setPending(undefined)}
      >
        {promptCount === 1 ? 'One bracketed prompt is' : `${promptCount} bracketed prompts are`} still there. They are notes to you, not words for {firstName}: replace or delete them before you {pending?.what ?? 'send it'}.
      </ConfirmDialog>
      <ConfirmDialog open={confirmingDelete} title="Delete this letter?" confirmLabel="Move to trash" danger onConfirm={() => void remove()} onCancel={() => setConfirmingDelete(false)}>
        It goes to the trash, where you can restore it.
      </ConfirmDialog>
    </DetailPage>
  );
}
