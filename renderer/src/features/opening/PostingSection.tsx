import { useId, useState } from 'react';
import { LIMITS } from '#shared/domain/fields';
import { postingInputSchema, type Posting } from '#shared/domain/opening';
import { call } from '#renderer/api';
import { TextAreaField } from '#renderer/ui/Field';
import { Form } from '#renderer/ui/Form';
import { formatDate } from '#renderer/ui/format';
import { issuesToPathErrors } from '#renderer/ui/forms';
import { useEditInPlace } from '#renderer/ui/useEditInPlace';

interface PostingSectionProps {
  openingId: string;
  posting: Posting | null;
  onSaved(posting: Posting | null): void;
}

/** How much of a long posting shows before "Show all". */
const PREVIEW_CHARS = 600;

/**
 * The job posting, pasted whole and kept: postings are taken down once the
 * role is filled, and the next round's questions often come from them.
 */
export function PostingSection({ openingId, posting, onSaved }: PostingSectionProps) {
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const { draft, setDraft, editRef, stopEditing, errors, busy, submit } = useEditInPlace<string>(['text']);

  function save() {
    if (draft === undefined) return;
    const input = { id: openingId, text: draft };
    const parsed = postingInputSchema.safeParse(input);
    return submit(parsed.success ? {} : issuesToPathErrors(parsed.error), async () => {
      onSaved(await call('openings.posting.save', input));
      stopEditing();
    });
  }

  const long = posting !== null && posting.text.length > PREVIEW_CHARS;
  const shown = posting && long && !expanded ? `${posting.text.slice(0, PREVIEW_CHARS).trimEnd()}…` : posting?.text;
  return (
    <section className="panel posting-panel" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Job posting</h2>
        {draft === undefined && (
          <button ref={editRef} type="button" className="button small" aria-label={posting ? 'Edit the job posting' : 'Paste the job posting'} onClick={() => setDraft(posting?.text ?? '')}>
            {posting ? 'Edit' : 'Paste'}
          </button>
        )}
      </div>
      {draft !== undefined ? (
        <Form className="facts-form" label="The job posting" error={errors.form} busy={busy} submitLabel="Save" busyLabel="Saving…" onSubmit={() => void save()} onCancel={stopEditing}>
          <TextAreaField
            label="The posting's text"
            name="text"
            rows={10}
            value={draft}
            maxLength={LIMITS.posting}
            error={errors.text}
            hint="Paste the whole ad. Leave it empty to remove it."
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
          />
        </Form>
      ) : posting ? (
        <>
          <p className="posting-text">{shown}</p>
          <div className="posting-footer">
            <span className="muted">Kept on {formatDate(posting.savedAt)}</span>
            {long && (
              <button type="button" className="button small" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
                {expanded ? 'Show less' : 'Show all'}
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="field-hint">Postings are taken down once the role is filled. Paste it here while it is online: it is kept, searchable and in the prep sheet.</p>
      )}
    </section>
  );
}
