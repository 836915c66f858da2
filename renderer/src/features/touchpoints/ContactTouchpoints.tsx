import { useCallback, useState } from 'react';
import type { Contact } from '#shared/domain/contact';
import type { OpeningSummary } from '#shared/domain/opening';
import { call } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useNow } from '#renderer/ui/useNow';
import { LogTouchpointDialog } from './LogTouchpointDialog';
import { TouchpointList } from './TouchpointList';
import './touchpoints.css';

/** Everything said with this person, across their openings, and a way to log more. */
export function ContactTouchpoints({ contact, openings }: { contact: Contact; openings: OpeningSummary[] }) {
  const load = useCallback(() => call('touchpoints.list', { contactId: contact.id }), [contact.id]);
  const { data, error, reload } = useAsyncData(load);
  const [logging, setLogging] = useState(false);
  const now = useNow();
  const toast = useToast();
  return (
    <Section
      title="Touchpoints"
      actions={
        openings.length > 0 && (
          <button type="button" className="button small" onClick={() => setLogging(true)}>
            Log a touchpoint
          </button>
        )
      }
    >
      {error && <Alert tone="error">The touchpoints could not be loaded: {error}</Alert>}
      {data && <TouchpointList touchpoints={data} showOpening onChanged={reload} />}
      {logging && (
        <LogTouchpointDialog
          openings={openings.map((opening) => ({ id: opening.id, name: `${opening.role} at ${opening.companyName}`, followUpChannel: opening.followUpChannel }))}
          people={[contact]}
          contactId={contact.id}
          now={now}
          onCancel={() => setLogging(false)}
          onLogged={() => {
            setLogging(false);
            toast.show('Touchpoint logged.');
            reload();
          }}
        />
      )}
    </Section>
  );
}

/** Shown while one of the person's openings is still in process and the LinkedIn hold is on. */
export function LinkedInHoldBadge() {
  return (
    <span className="badge hold-badge" role="status" title="Their hiring process is still open. Connect on LinkedIn once it is over; Afterview will remind you.">
      Don’t connect yet
    </span>
  );
}
