import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { DocumentFormat } from '#shared/domain/document-export';
import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import { isSafeExternalUrl } from '#shared/domain/links';
import { monthsInWords } from '#shared/domain/durations';
import { salaryRange, STAGE_LABELS, STAGES, type Opening, type Posting, type Stage } from '#shared/domain/opening';
import { isOutcomeStage, type Outcome } from '#shared/domain/outcome';
import type { NoteSummary } from '#shared/domain/note';
import type { OpeningDetail } from '#shared/ipc/channels/openings';
import { flushAll } from '#renderer/editor/flush-registry';
import { NotesPanel } from '#renderer/editor/NotesPanel';
import { useNoteList } from '#renderer/editor/use-note-list';
import { ApiError, call } from '#renderer/api';
import { hrefFor, navigate, type OpeningIntent } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { Tip } from '#renderer/ui/Tip';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { useAddressIntent } from '#renderer/address-intent';
import { usePlaybook } from '#renderer/saved-settings';
import { DetailPage, DetailPending } from '#renderer/ui/DetailPage';
import { ExportMenu } from '#renderer/ui/ExportMenu';
import { ExternalLink } from '#renderer/ui/ExternalLink';
import { messageOf } from '#renderer/ui/message-of';
import { formatCalendarDate } from '#renderer/ui/format';
import { useNow } from '#renderer/ui/useNow';
import { outcomeStepsInWords } from '#renderer/ui/playbook-words';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { downloadBase64 } from '../letters/download';
import { OpeningEventChart } from '../insights/OpeningEventChart';
import { LetterList } from '../letters/LetterList';
import { OutcomeDialog } from '../letters/OutcomeDialog';
import { OpeningReferences } from '../references/OpeningReferences';
import { captureKindOf, onCaptured, requestCapture } from '../capture/capture-requests';
import { LogTouchpointDialog } from '../touchpoints/LogTouchpointDialog';
import '../touchpoints/touchpoints.css';
import { FactsSection, type FactField } from './FactsSection';
import { PostingSection } from './PostingSection';
import { LogInterviewForm } from './LogInterviewForm';
import { OpeningTimeline } from './OpeningTimeline';
import { LOG_INTERVIEW_INTENT, openingPath, PREP_SHEET_INTENT } from './opening-intents';
import './opening.css';

const JOB_FIELDS: FactField[] = [
  { key: 'role', label: 'Role', kind: 'text' },
  { key: 'companyName', label: 'Company', kind: 'text' },
  { key: 'jobUrl', label: 'Job link', kind: 'url', placeholder: 'https://' },
  { key: 'location', label: 'Location', kind: 'text', placeholder: 'City, or Remote' },
  { key: 'salaryMin', label: 'Salary from', kind: 'money', compact: true },
  { key: 'salaryMax', label: 'Salary to', kind: 'money', compact: true },
  { key: 'salaryCurrency', label: 'Currency', kind: 'currency', placeholder: 'EUR', compact: true },
  { key: 'source', label: 'Source', kind: 'text', placeholder: 'Job board, referral…' },
  { key: 'appliedOn', label: 'Applied on', kind: 'date' },
];

const PROCESS_FIELDS: FactField[] = [
  { key: 'nextStep', label: 'Next step', kind: 'text', hint: 'What they said happens next.' },
  { key: 'notifyBy', label: 'They will let you know by', kind: 'date' },
  { key: 'fillBy', label: 'They aim to fill the role by', kind: 'date' },
  { key: 'followUpChannel', label: 'Preferred follow-up channel', kind: 'channel', hint: 'How they would like to hear from you.' },
];

/** NOT_FOUND (or an id the core refuses) becomes null: the page says the opening is not here. */
function loadDetail(id: string): Promise<OpeningDetail | null> {
  return call('openings.get', { id }).catch((caught: unknown) => {
    if (caught instanceof ApiError && (caught.code === 'NOT_FOUND' || (caught.code === 'INVALID_INPUT' && caught.field === 'id'))) return null;
    throw caught;
  });
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** " with its 2 interviews and 1 note", or nothing when it has neither. */
function withItsParts(data: OpeningDetail): string {
  const parts = [data.interviews.length > 0 ? plural(data.interviews.length, 'interview', 'interviews') : '', data.notes.length > 0 ? plural(data.notes.length, 'note', 'notes') : ''].filter(Boolean);
  return parts.length > 0 ? ` with its ${parts.join(' and ')}` : '';
}

const numberFormat = new Intl.NumberFormat();

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">Not set</span>}</dd>
    </div>
  );
}

const ACTIVE: readonly Stage[] = ['applied', 'interviewing', 'offer'];
const NO_NOTES: NoteSummary[] = [];

export function OpeningPage({ id, intent }: { id: string; intent?: OpeningIntent }) {
  const load = useCallback(() => loadDetail(id), [id]);
  const detail = useAsyncData(load);
  // One view of the notes for the panel and the timeline: a title saved in one shows in the other.
  const notes = useNoteList(detail.data?.notes ?? NO_NOTES);
  const loadTouchpoints = useCallback(() => call('touchpoints.list', { openingId: id }), [id]);
  const touchpoints = useAsyncData(loadTouchpoints);
  // Today's "Log the follow-up" opens the page with the log dialog already open.
  const [loggingTouch, setLoggingTouch] = useState(intent === 'log_follow_up');
  const [suggestingRest, setSuggestingRest] = useState(intent === 'move_on');
  const now = useNow();
  const toast = useToast();
  const playbook = usePlaybook();
  const [local, setLocal] = useState<Opening>();
  // The posting as last saved here, shown at once (the page's data is not read again for it).
  const [savedPosting, setSavedPosting] = useState<{ openingId: string; posting: Posting | null }>();
  const [logging, setLogging] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [exporting, setExporting] = useState(false);
  // false, or the dialog open (with an outcome chosen already when it came from the stage list).
  const [recordingOutcome, setRecordingOutcome] = useState<false | { initial?: Outcome }>(false);
  const notesRef = useRef<HTMLDivElement>(null);
  const [noteRequest, setNoteRequest] = useState<{ noteId: string }>();
  const logButtonRef = useRef<HTMLButtonElement>(null);
  const stageId = useId();
  // The command palette's "Log interview…" and "Export prep sheet…" for this opening.
  const [prepSheetRequests, setPrepSheetRequests] = useState(0);
  useAddressIntent(openingPath(id), LOG_INTERVIEW_INTENT, () => setLogging(true));
  useAddressIntent(openingPath(id), PREP_SHEET_INTENT, () => setPrepSheetRequests((count) => count + 1));
  const [dropping, setDropping] = useState(false);
  // An interview or touchpoint imported from a file: shown here at once.
  const { reload: reloadDetail } = detail;
  const { reload: reloadTouchpoints } = touchpoints;
  useEffect(
    () =>
      onCaptured((what) => {
        if (what.kind === 'offer' || what.openingId !== id) return;
        setLocal(undefined);
        reloadDetail();
        if (what.kind === 'touchpoint') reloadTouchpoints();
      }),
    [id, reloadDetail, reloadTouchpoints],
  );

  if (!detail.data) return <DetailPending what="opening" state={detail} back={{ label: 'Back to the pipeline', route: { name: 'pipeline' } }} />;

  const data = detail.data;
  // The latest saved (or optimistic) version wins over what was loaded.
  const opening = local && local.id === data.opening.id && local.updatedAt >= data.opening.updatedAt ? local : data.opening;
  const nextRound = data.interviews.reduce((max, interview) => Math.max(max, interview.round), 0) + 1;

  async function changeStage(stage: Stage) {
    // An outcome sets things in motion (a reply, staying in touch, the references, LinkedIn): the outcome dialog records it.
    if (isOutcomeStage(stage)) {
      setRecordingOutcome({ initial: stage });
      return;
    }
    const before = opening;
    setLocal({ ...opening, stage });
    try {
      setLocal(await call('openings.update', { id: opening.id, stage }));
      toast.show(`Moved to ${STAGE_LABELS[stage]}.`);
    } catch (caught) {
      setLocal(before);
      toast.show(`The stage could not be changed: ${messageOf(caught)}`, { tone: 'error' });
    }
  }

  /** The move-on suggestion's one click, through the same outcome step as the dialog. */
  async function markDormant() {
    setSuggestingRest(false);
    try {
      const { opening: rested } = await call('openings.recordOutcome', { openingId: opening.id, outcome: 'dormant' });
      setLocal(rested);
      toast.show(`Marked dormant. ${outcomeStepsInWords('dormant', playbook).join(' ')}`);
    } catch (caught) {
      toast.show(`The opening could not be marked dormant: ${messageOf(caught)}`, { tone: 'error' });
    }
  }

  async function remove() {
    setConfirmingDelete(false);
    try {
      await call('openings.delete', { id: opening.id });
    } catch (caught) {
      toast.show(`The opening could not be deleted: ${messageOf(caught)}`, { tone: 'error' });
      return;
    }
    navigate({ name: 'pipeline' });
    toast.show(`“${opening.role}” is in the trash.`, {
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await call('trash.restore', { kind: 'opening', id: opening.id });
            navigate({ name: 'opening', id: opening.id });
            toast.show(`“${opening.role}” is back.`);
          } catch (caught) {
            toast.show(`It could not be restored: ${messageOf(caught)}`, { tone: 'error' });
          }
        },
      },
    });
  }

  /** The prep sheet holds every note in full: open editors save first. */
  async function exportPrepSheet(format: DocumentFormat) {
    setExporting(true);
    try {
      await flushAll();
      const file = await call('openings.prepSheet.export', { id: opening.id, format });
      const saved = await downloadBase64(file.fileName, file.dataBase64, file.mimeType);
      if (saved) toast.show(`Saved as ${saved}.`);
    } catch (caught) {
      toast.show(`The prep sheet could not be made: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setExporting(false);
    }
  }

  const salary = salaryRange(opening, numberFormat);

  /** A calendar invite (.ics) or an e-mail (.eml) dropped anywhere on the page. */
  function dropped(event: DragEvent) {
    setDropping(false);
    const file = event.dataTransfer.files[0];
    const kind = file ? captureKindOf(file) : null;
    if (!file) return;
    event.preventDefault();
    if (!kind) {
      toast.show(`“${file.name}” is not a calendar invitation (.ics) or an e-mail (.eml).`, { tone: 'error' });
      return;
    }
    requestCapture({ kind, openingId: opening.id, file });
  }

  return (
    // An .ics or .eml dropped anywhere on the page opens its import.
    <div
      className={dropping ? 'capture-dropping' : undefined}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDropping(false);
      }}
      onDrop={dropped}
    >
    <DetailPage
      what="opening"
      className="opening-page"
      trail={[{ label: 'Pipeline', route: { name: 'pipeline' } }]}
      title={opening.role}
      about={
        <p className="subtitle">
          <a href={hrefFor({ name: 'company', id: opening.companyId })}>{opening.companyName}</a>
          {opening.location && <> · {opening.location}</>}
        </p>
      }
      actions={
        <>
          <div className="field stage-field">
            <label htmlFor={stageId}>Stage</label>
            <select id={stageId} value={opening.stage} onChange={(event) => void changeStage(event.target.value as Stage)}>
              {STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {STAGE_LABELS[stage]}
                </option>
              ))}
            </select>
          </div>
          <ExportMenu label="Prep sheet: everything about this opening in one document" text="Prep sheet" className="button" busy={exporting} onExport={(format) => void exportPrepSheet(format)} openRequests={prepSheetRequests} />
          <button type="button" className="button" onClick={() => setRecordingOutcome({})}>
            Record outcome…
          </button>
          <button type="button" className="button" onClick={() => setConfirmingDelete(true)}>
            Delete…
          </button>
        </>
      }
      actionsClassName="opening-actions"
      refreshError={detail.error}
    >
      {suggestingRest && ACTIVE.includes(opening.stage) && (
        <div className="panel move-on" role="region" aria-label="Time to move on?">
          <p>
            Your follow-ups have gone unanswered. Marking this opening dormant takes it off your mind; Afterview reminds you to look back in {monthsInWords(playbook.revisitAfterMonths)}, and if they
            get in touch it comes back by itself.
          </p>
          <div className="form-actions">
            <button type="button" className="button primary" onClick={() => void markDormant()}>
              Mark dormant
            </button>
            <button type="button" className="button" onClick={() => setSuggestingRest(false)}>
              Not yet
            </button>
          </div>
          <Tip id="when_to_move_on" />
        </div>
      )}

      <div className="opening-layout">
        <div className="opening-main">
          <section className="panel" aria-labelledby="timeline-title">
            <div className="section-header">
              <h2 id="timeline-title">Timeline</h2>
              <div className="section-actions">
                <button type="button" className="button small" onClick={() => requestCapture({ kind: 'invite', openingId: opening.id })}>
                  Import invite…
                </button>
                <button type="button" className="button small" onClick={() => requestCapture({ kind: 'email', openingId: opening.id })}>
                  Import e-mail…
                </button>
                <button type="button" className="button small" onClick={() => setLoggingTouch(true)}>
                  Log a touchpoint
                </button>
                {!logging && (
                  <button ref={logButtonRef} type="button" className="button primary small" onClick={() => setLogging(true)}>
                    Log interview
                  </button>
                )}
              </div>
            </div>
            {logging && (
              <LogInterviewForm
                openingId={opening.id}
                companyName={opening.companyName}
                contacts={data.contacts}
                round={nextRound}
                onCancel={() => {
                  setLogging(false);
                  setTimeout(() => logButtonRef.current?.focus(), 0);
                }}
                onLogged={(interview) => {
                  toast.show(`Round ${interview.round} is logged.`);
                  navigate({ name: 'interview', id: interview.id });
                }}
              />
            )}
            {touchpoints.error && <Alert tone="error">The touchpoints could not be loaded: {touchpoints.error}</Alert>}
            <OpeningEventChart
              openingId={opening.id}
              // Anything logged or changed on the page draws the chart again.
              version={`${opening.updatedAt}|${opening.stage}|${data.opening.updatedAt}|${data.interviews.map((interview) => interview.startsAt).join()}|${(touchpoints.data ?? []).map((touch) => touch.id).join()}`}
              now={now}
            />
            <OpeningTimeline
              interviews={data.interviews}
              notes={notes.list}
              touchpoints={touchpoints.data ?? []}
              onTouchpointsChanged={touchpoints.reload}
              now={now}
              onOpenNote={(note) => {
                setNoteRequest({ noteId: note.id });
                notesRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                notesRef.current?.focus();
              }}
            />
          </section>

          <LetterList
            // Recording a rejection adds a letter: load the list again.
            key={opening.stage}
            filter={{ openingId: opening.id }}
            title="Letters"
            showKind
            empty="No letters yet. Each person on an interview team gets a thank-you note here once the interview is logged."
          />

          <OpeningReferences openingId={opening.id} stage={opening.stage} />

          {/* The panel has its own heading; this wrapper is where the timeline sends focus. */}
          <div className="panel" ref={notesRef} tabIndex={-1}>
            <NotesPanel parentType="opening" parentId={opening.id} notes={data.notes} shared={notes} onChanged={detail.reload} openRequest={noteRequest} />
          </div>
        </div>

        <aside className="opening-side" aria-label="About this opening">
          <FactsSection title="The job" editLabel="Edit the job details" opening={opening} fields={JOB_FIELDS} onSaved={setLocal}>
            <dl className="facts-list">
              <Fact label="Job link">
                {opening.jobUrl &&
                  (isSafeExternalUrl(opening.jobUrl) ? (
                    <ExternalLink href={opening.jobUrl} className="external">
                      {new URL(opening.jobUrl).hostname}
                    </ExternalLink>
                  ) : (
                    <span title="Only https links open from Afterview.">{opening.jobUrl}</span>
                  ))}
              </Fact>
              <Fact label="Location">{opening.location}</Fact>
              <Fact label="Salary">{salary}</Fact>
              <Fact label="Source">{opening.source}</Fact>
              <Fact label="Applied on">{opening.appliedOn && formatCalendarDate(opening.appliedOn)}</Fact>
            </dl>
          </FactsSection>

          <FactsSection title="Hiring process" editLabel="Edit the hiring process" opening={opening} fields={PROCESS_FIELDS} onSaved={setLocal}>
            <dl className="facts-list">
              <Fact label="Next step">{opening.nextStep}</Fact>
              <Fact label="They will let you know by">{opening.notifyBy && formatCalendarDate(opening.notifyBy)}</Fact>
              <Fact label="They aim to fill the role by">{opening.fillBy && formatCalendarDate(opening.fillBy)}</Fact>
              <Fact label="Preferred follow-up channel">{opening.followUpChannel && CONTACT_CHANNEL_LABELS[opening.followUpChannel]}</Fact>
            </dl>
            {!opening.nextStep && !opening.notifyBy && <p className="field-hint">Ask at the end of each interview what happens next and by when. The debrief keeps these up to date.</p>}
          </FactsSection>

          <PostingSection
            key={opening.id}
            openingId={opening.id}
            posting={savedPosting?.openingId === opening.id ? savedPosting.posting : data.posting}
            onSaved={(posting) => setSavedPosting({ openingId: opening.id, posting })}
          />

          <section className="panel" aria-labelledby="contacts-title">
            <h2 id="contacts-title">People</h2>
            {data.contacts.length === 0 ? (
              <p className="field-hint">No one yet. People you add to an interview team appear here.</p>
            ) : (
              <ul className="people">
                {data.contacts.map((contact) => (
                  <li key={contact.id}>
                    <a href={hrefFor({ name: 'contact', id: contact.id })}>{contact.name}</a>
                    {contact.title && <span className="muted"> · {contact.title}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>

      {loggingTouch && (
        <LogTouchpointDialog
          openings={[{ id: opening.id, name: `${opening.role} at ${opening.companyName}`, followUpChannel: opening.followUpChannel }]}
          people={data.contacts}
          now={now}
          onCancel={() => setLoggingTouch(false)}
          onLogged={() => {
            setLoggingTouch(false);
            toast.show('Touchpoint logged.');
            touchpoints.reload();
            // An answer may have woken a dormant opening.
            setLocal(undefined);
            detail.reload();
          }}
        />
      )}
      {recordingOutcome && (
        <OutcomeDialog
          opening={opening}
          people={data.contacts}
          initialOutcome={recordingOutcome.initial}
          onRecorded={(updated) => {
            setRecordingOutcome(false);
            setLocal(updated);
          }}
          onCancel={() => setRecordingOutcome(false)}
        />
      )}
      {confirmingDelete && (
        <ConfirmDialog open title="Delete this opening?" confirmLabel="Move to trash" danger onConfirm={() => void remove()} onCancel={() => setConfirmingDelete(false)}>
          <p>
            “{opening.role}” at {opening.companyName} goes to the trash{withItsParts(data)}. You can restore it from there. The people you met stay in your
            contacts.
          </p>
        </ConfirmDialog>
      )}
    </DetailPage>
    </div>
  );
}
