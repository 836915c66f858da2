import { useCallback, useState } from 'react';
import { SendButtons } from '../letters/SendButtons';
import type { ContactChannel } from '#shared/domain/fields';
import { buildMailto } from '#shared/domain/mailto';
import type { DocNode } from '#shared/domain/note';
import { DOCUMENT_FORMAT_LABELS, type DocumentFormat } from '#shared/domain/document-export';
import type { Brief, ReferenceUse } from '#shared/domain/reference';
import { call, openExternal } from '#renderer/api';
import { flushAll } from '#renderer/editor/flush-registry';
import { RichTextArea } from '#renderer/editor/RichTextArea';
import { SaveIndicator } from '#renderer/editor/SaveIndicator';
import { useRichText, type RichTextDraft } from '#renderer/editor/use-rich-text';

import { ExportMenu } from '#renderer/ui/ExportMenu';
import { formatDate } from '#renderer/ui/format';
import { messageOf } from '#renderer/ui/message-of';
import { DetailPage, DetailPending } from '#renderer/ui/DetailPage';
import { orNotFound } from '#renderer/ui/NotFound';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { CLIPBOARD_REFUSED, copyPlainText, copyRichText } from '../letters/clipboard';
import { downloadBase64 } from '../letters/download';
import { MarkSentDialog } from '../letters/MarkSentDialog';
import { PromptReplace } from '../letters/prompts';
import { PermissionBadge } from './reference-status';
import '../letters/letters.css';
import './references.css';

/** A reference's brief for one opening: edit it, send it, keep a copy. */
export function BriefPage({ referenceId, openingId }: { referenceId: string; openingId: string }) {
  const saveKey = `brief:${openingId}:${referenceId}`;
  const load = useCallback(() => orNotFound(flushAll(saveKey).then(() => call('references.brief.get', { openingId, referenceId }))), [saveKey, openingId, referenceId]);
  const state = useAsyncData(load);
  if (!state.data) return <DetailPending what="brief" state={state} back={{ label: 'Back to references', route: { name: 'references' } }} />;
  return <BriefWorkspace brief={state.data as Brief} saveKey={saveKey} />;
}

function BriefWorkspace({ brief, saveKey }: { brief: Brief; saveKey: string }) {
  const { openingId, referenceId, reference } = brief;
  const toast = useToast();
  const [use, setUse] = useState<Pick<ReferenceUse, 'briefedAt' | 'briefChannel' | 'thankedAt'>>(brief);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState<number>();
  const [sendError, setSendError] = useState<string>();
  const firstName = reference.name.split(/\s+/)[0] ?? reference.name;

  const save = useCallback(
    async ({ doc }: RichTextDraft<Record<string, never>>) => {
      await call('references.brief.save', { openingId, referenceId, doc: doc.toJSON() as DocNode });
    },
    [openingId, referenceId],
  );
  const [extraExtensions] = useState(() => [PromptReplace]);
  const { editor, readable, status, flush, onKeyDown } = useRichText({
    saveKey,
    doc: brief.doc,
    fields: {},
    save,
    label: 'Brief text',
    placeholder: 'Tell them the role, who may call and what to stress…',
    extraExtensions,
  });
  const plainText = () => (editor ? editor.getText({ blockSeparator: '\n\n' }).trim() : '');

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

  const openInMail = () =>
    act('open your mail app', async () => {
      const body = plainText();
      const mail = buildMailto(reference.email, brief.subject, body);
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
      const who = reference.email ? '' : ` There is no e-mail address for ${firstName} yet, so fill in the “To” line.`;
      if (!mail.truncated) setNotice(`Your mail app should open with the brief filled in.${who} Once it is on its way, choose “Mark as sent”.`);
      else if (copied) setNotice(`The brief is longer than a mail link can carry: the mail holds its beginning and the whole text is on your clipboard.${who}`);
      else setNotice(`The brief is longer than a mail link can carry, so the mail holds only its beginning. ${CLIPBOARD_REFUSED}`);
    });

  const copy = () =>
    act('copy the brief', async () => {
      if (!editor) return;
      try {
        const how = await copyRichText(editor.getHTML(), plainText());
        setNotice(how === 'rich' ? 'Copied with its formatting. Paste it into your message, then mark it as sent.' : 'Copied as plain text. Paste it into your message, then mark it as sent.');
      } catch (caught) {
        setNotice(messageOf(caught));
      }
    });

  const download = (format: DocumentFormat) =>
    act(`make the ${DOCUMENT_FORMAT_LABELS[format]} file`, async () => {
      const file = await call('references.brief.export', { openingId, referenceId, format });
      const saved = await downloadBase64(file.fileName, file.dataBase64, file.mimeType);
      if (saved) setNotice(`Saved as ${saved}.`);
    });

  async function markSent(value: { channel: ContactChannel; sentAt: string }) {
    setBusy(true);
    setSendError(undefined);
    try {
      await flush();
      setUse(await call('references.brief.markSent', { openingId, referenceId, channel: value.channel, sentAt: value.sentAt }));
      setSending(undefined);
      setNotice(undefined);
      toast.show(`Marked the brief as sent to ${reference.name}.`);
    } catch (caught) {
      setSendError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <DetailPage
      what="brief"
      className="letter-page"
      trail={[
        { label: `${brief.role} at ${brief.companyName}`, route: { name: 'opening', id: openingId } },
        { label: reference.name, route: { name: 'reference', id: referenceId } },
      ]}
      crumb="Brief"
      title={`Reference brief for ${reference.name}`}
      about={
        <>
          <p className="subtitle">
            {brief.role} at {brief.companyName} · <PermissionBadge reference={reference} />
          </p>
          <p role="status">{use.briefedAt ? `Sent ${formatDate(use.briefedAt)}.` : 'Not sent yet.'}</p>
        </>
      }
    >
      {reference.permission !== 'granted' && (
        <p className="references-warning" role="alert">
          {firstName} has not said yes yet. Ask first; send the brief once they agree.
        </p>
      )}

      <div className="letter-actions" role="group" aria-label="Send">
        <SendButtons
          sent={!!use.briefedAt}
          busy={busy}
          ready={!!editor}
          onOpenInMail={() => void openInMail()}
          onCopy={() => void copy()}
          onMarkSent={() => {
            setSendError(undefined);
            setSending(Date.now());
          }}
        />
      </div>
      <div className="letter-actions" role="group" aria-label="Keep a copy">
        <ExportMenu label="Export the brief" disabled={busy} onExport={(format) => void download(format)} />
      </div>
      <p className="letter-notice" role="status" aria-live="polite">
        {notice}
      </p>

      <section className="note-editor letter-editor" aria-label="Brief" onKeyDown={onKeyDown}>
        <div className="letter-editor-head">
          <p className="field-hint">
            To: {reference.email ?? 'no e-mail address yet'} · Subject: {brief.subject}
          </p>
          <SaveIndicator status={status} />
        </div>
        <p className="field-hint">Replace the prompts in [brackets] with your own words before you send it.</p>
        {editor ? <RichTextArea editor={editor} readable={readable} what="brief" /> : null}
      </section>

      {sending !== undefined && (
        <MarkSentDialog recipientName={reference.name} now={sending} busy={busy} error={sendError} onSubmit={(value) => void markSent(value)} onCancel={() => setSending(undefined)} />
      )}
    </DetailPage>
  );
}
