import { useCallback, useState } from 'react';
import { INTERVIEW_FORMAT_LABELS } from '#shared/domain/interview';
import { call } from '#renderer/api';
import { NotesPanel } from '#renderer/editor/NotesPanel';
import { hrefFor, navigate } from '#renderer/router';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { formatTimeRange, localZone } from '#renderer/ui/datetime';
import { ExternalLink, MailLink } from '#renderer/ui/ExternalLink';
import { messageOf } from '#renderer/ui/message-of';
import { DetailPage, DetailPending } from '#renderer/ui/DetailPage';
import { orNotFound } from '#renderer/ui/NotFound';
import { Section } from '#renderer/ui/Section';
import { hoursInWords } from '#shared/domain/durations';
import { usePlaybook } from '#renderer/saved-settings';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useReturnFocus } from '#renderer/ui/useReturnFocus';
import { LetterList } from '../letters/LetterList';
import { DebriefForm } from './DebriefForm';
import { InterviewEditForm } from './InterviewEditForm';
import './interview.css';

export function InterviewPage({ id }: { id: string }) {
  const load = useCallback(() => orNotFound(call('interviews.get', { id })), [id]);
  const state = useAsyncData(load);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();
  const toast = useToast();
  const playbook = usePlaybook();
  const editButton = useReturnFocus<HTMLButtonElement>(editing);

  const detail = state.data && state.data.interview.id === id ? state.data : undefined;
  if (!detail) return <DetailPending what="interview" state={state} back={{ label: 'Back to the pipeline', route: { name: 'pipeline' } }} />;

  const { interview, opening, team } = detail;
  const heading = interview.title ? `Round ${interview.round} · ${interview.title}` : `Round ${interview.round} interview`;
  const userZone = localZone();
  const here = formatTimeRange(interview.startsAt, interview.endsAt, userZone);
  const there = formatTimeRange(interview.startsAt, interview.endsAt, interview.timeZone);

  async function remove() {
    setConfirming(false);
    try {
      await call('interviews.delete', { id });
      navigate({ name: 'opening', id: opening.id });
      toast.show('Interview moved to the trash.', {
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await call('trash.restore', { kind: 'interview', id });
              navigate({ name: 'interview', id });
            } catch (caught) {
              toast.show(`Could not restore the interview: ${messageOf(caught)}`, { tone: 'error' });
            }
          },
        },
      });
    } catch (caught) {
      toast.show(`Could not delete the interview: ${messageOf(caught)}`, { tone: 'error' });
    }
  }

  return (
    <DetailPage
      what="interview"
      className="interview-page"
      trail={[{ label: `${opening.role} at ${opening.companyName}`, route: { name: 'opening', id: opening.id } }]}
      crumb={`Round ${interview.round}`}
      title={heading}
      about={
        <>
          <p className="subtitle">
            <a href={hrefFor({ name: 'opening', id: opening.id })}>{opening.role}</a> at <a href={hrefFor({ name: 'company', id: opening.companyId })}>{opening.companyName}</a>
          </p>
          <p className="interview-when">
            <time dateTime={interview.startsAt}>{here}</time>
            {there !== here && (
              <span className="muted">
                {' '}
                ({there} in {interview.timeZone}, where it was arranged)
              </span>
            )}
          </p>
        </>
      }
      actions={
        <>
          {!editing && (
            <button type="button" className="button" ref={editButton} onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
          <button type="button" className="button quiet danger-text" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </>
      }
      announcement={announcement ?? ''}
      refreshError={state.error}
    >
      {editing ? (
        <InterviewEditForm
          detail={detail}
          onSaved={() => {
            setEditing(false);
            setAnnouncement('Interview details saved.');
            state.reload();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="interview-overview">
          <Section title="Details">
            <dl className="facts">
              <dt>Format</dt>
              <dd>{INTERVIEW_FORMAT_LABELS[interview.format]}</dd>
              {interview.location && (
                <>
                  <dt>Place</dt>
                  <dd>{interview.location}</dd>
                </>
              )}
              {interview.meetingUrl && (
                <>
                  <dt>Meeting link</dt>
                  <dd>
                    <ExternalLink href={interview.meetingUrl} />
                    {!interview.meetingUrl.startsWith('https:') && <span className="field-hint"> Only https links open from Afterview; copy this one if you trust it.</span>}
                  </dd>
                </>
              )}
              {!interview.location && !interview.meetingUrl && (
                <>
                  <dt>Where</dt>
                  <dd className="muted">Not noted yet</dd>
                </>
              )}
            </dl>
          </Section>

          <Section title="Interview team">
            {team.length === 0 ? (
              <p className="muted">Nobody noted yet. Add the people you met with “Edit details”; each gets a thank-you note of their own.</p>
            ) : (
              <ul className="plain-list team-list">
                {team.map((member) => (
                  <li key={member.contactId}>
                    <a className="strong" href={hrefFor({ name: 'contact', id: member.contactId })}>
                      {member.name}
                    </a>
                    {member.title && <span className="muted">{member.title}</span>}
                    {member.email && <MailLink email={member.email} />}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      )}

      <LetterList
        // A changed team changes who gets a note: load the list again.
        key={team.map((member) => member.contactId).join()}
        filter={{ interviewId: interview.id }}
        title="Thank-you notes"
        empty={`Add the people you met to the interview team: each gets a thank-you note of their own, due ${hoursInWords(playbook.thankYouDeadlineHours)} after the interview.`}
      />

      <DebriefForm key={interview.id} interviewId={interview.id} debrief={detail.debrief} team={team} />

      <NotesPanel parentType="interview" parentId={interview.id} notes={detail.notes} onChanged={state.reload} />

      <ConfirmDialog open={confirming} title="Delete this interview?" confirmLabel="Move to trash" danger onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        It goes to the trash with its debrief and notes. You can restore it from there.
      </ConfirmDialog>
    </DetailPage>
  );
}
