import { useEffect, useId, useRef, useState } from 'react';
import type { InviteOffer, InviteReading } from '#shared/domain/capture';
import { call } from '#renderer/api';
import { type FieldErrors } from '#renderer/ui/forms';
import { messageOf } from '#renderer/ui/message-of';
import { FormDialog } from '../letters/FormDialog';
import { announceCaptured } from './capture-requests';
import { CaptureDrop } from './CaptureDrop';
import { InviteReview, type InviteDraftResult } from './InviteReview';
import type { OpeningChoice } from './OpeningSelect';
import './capture.css';

interface ImportInviteDialogProps {
  openings: OpeningChoice[];
  /** The opening it is for (the opening page); otherwise chosen in the dialog. */
  openingId?: string;
  /** A file dropped or chosen before the dialog opened. */
  file?: File;
  /** An invite already read: from an e-mail, or found in the mailbox. */
  reading?: InviteReading;
  offer?: InviteOffer;
  onDone(message: string, interviewId?: string): void;
  onCancel(): void;
}

const LABELS: Record<InviteReading['action'], string> = {
  create: 'Add interview',
  update: 'Update interview',
  unchanged: 'Save again',
  cancel: 'Mark cancelled',
  outdated: 'Close',
  'nothing-to-cancel': 'Close',
  'already-cancelled': 'Close',
};

/**
 * A calendar invitation into an interview: choose or drop its .ics (or paste
 * its text), then review what was read, change anything, and confirm. An
 * invitation with several events offers them one after another.
 */
export function ImportInviteDialog({ openings, openingId: fixedOpening, file, reading: given, offer, onDone, onCancel }: ImportInviteDialogProps) {
  const pasteId = useId();
  const [text, setText] = useState('');
  const [readings, setReadings] = useState<InviteReading[] | null>(given ? [given] : offer ? [offer.reading] : null);
  const [index, setIndex] = useState(0);
  const openingOf = (next: InviteReading | undefined) => fixedOpening ?? next?.existing?.openingId ?? next?.suggestedOpeningId ?? '';
  const [openingId, setOpeningId] = useState(() => openingOf(given ?? offer?.reading));
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const draftRef = useRef<() => InviteDraftResult>(() => ({ errors: {} }));
  const reading = readings?.[index];

  async function read(source: string) {
    setError(undefined);
    setBusy(true);
    try {
      const result = await call('capture.readInvite', { text: source });
      setReadings(result.invites);
      setIndex(0);
      setOpeningId(openingOf(result.invites[0]));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  async function readFile(chosen: File) {
    if (chosen.size > 2 * 1024 * 1024) return setError(`This file is ${(chosen.size / 1_048_576).toFixed(1)} MB; an invitation is far smaller (at most 2 MB). Is it a whole calendar export?`);
    await read(await chosen.text());
  }

  useEffect(() => {
    if (file) void Promise.resolve(file).then(readFile);
    // Only the file the dialog opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function next(message: string, interviewId?: string) {
    if (readings && index + 1 < readings.length) {
      setIndex(index + 1);
      setOpeningId(openingOf(readings[index + 1]));
      setErrors({});
      return;
    }
    onDone(message, interviewId);
  }

  async function confirm() {
    if (!reading) {
      if (!text.trim()) return setError('Choose an .ics file, drop one here, or paste the text of the invitation.');
      return read(text);
    }
    const { proposal } = reading;
    const key = { uid: proposal.uid, recurrenceId: proposal.recurrenceId, sequence: proposal.sequence };
    if (LABELS[reading.action] === 'Close') return next('');
    setError(undefined);
    setBusy(true);
    try {
      if (reading.action === 'cancel') {
        const interview = await call('capture.cancelInvite', { ...key, offerId: offer?.id });
        announceCaptured({ kind: 'interview', openingId: interview.openingId, interviewId: interview.id });
        return next('The interview is marked cancelled.', interview.id);
      }
      const draft = draftRef.current();
      const missingOpening = !reading.existing && !openingId ? { openingId: 'Choose the opening this interview is for.' } : {};
      if ('errors' in draft || Object.keys(missingOpening).length > 0) {
        setErrors({ ...('errors' in draft ? draft.errors : {}), ...missingOpening });
        return;
      }
      setErrors({});
      const interview = await call('capture.confirmInvite', { invite: key, interview: { ...draft.input, openingId: reading.existing?.openingId ?? openingId }, offerId: offer?.id });
      announceCaptured({ kind: 'interview', openingId: interview.openingId, interviewId: interview.id });
      next(reading.action === 'create' ? `Round ${interview.round} is added from the invitation.` : 'The interview is updated from the invitation.', interview.id);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const title = !reading ? 'Import a calendar invitation' : readings!.length > 1 ? `Invitation ${index + 1} of ${readings!.length}` : reading.action === 'cancel' ? 'A cancelled invitation' : 'Review the interview';
  return (
    <FormDialog title={title} submitLabel={reading ? LABELS[reading.action] : busy ? 'Reading…' : 'Read invitation'} busy={busy} error={error} onSubmit={() => void confirm()} onCancel={onCancel}>
      {!reading ? (
        <CaptureDrop prompt="Drop the invitation’s .ics file here, or" label="Choose .ics file…" accept=".ics,text/calendar" busy={busy} onFile={(chosen) => void readFile(chosen)}>
          <div className="field">
            <label htmlFor={pasteId}>Or paste the invitation’s text</label>
            <textarea id={pasteId} rows={5} value={text} spellCheck={false} placeholder="BEGIN:VCALENDAR…" onChange={(event) => setText(event.target.value)} />
          </div>
        </CaptureDrop>
      ) : (
        <InviteReview key={index} reading={reading} openings={fixedOpening ? [] : openings} openingId={openingId} onOpening={setOpeningId} errors={errors} draftRef={draftRef} />
      )}
    </FormDialog>
  );
}
