import { lazy, Suspense, useEffect, useState } from 'react';
import { call } from '#renderer/api';
import { navigate } from '#renderer/router';
import { messageOf } from '#renderer/ui/message-of';
import { useToast } from '#renderer/ui/toast';
import { onCaptureRequest, type CaptureRequest } from './capture-requests';
import type { OpeningChoice } from './OpeningSelect';

// Loaded on first use: the start-up script stays as small as it was.
const ImportInviteDialog = lazy(() => import('./ImportInviteDialog').then((module) => ({ default: module.ImportInviteDialog })));
const ImportEmailDialog = lazy(() => import('./ImportEmailDialog').then((module) => ({ default: module.ImportEmailDialog })));

/**
 * The invite and e-mail dialogs, mounted once in the app shell and opened by
 * requestCapture() from an opening's page (its buttons, a file dropped on it),
 * the command palette, or the mailbox's invitations in Settings.
 */
export function CaptureDialogs() {
  const toast = useToast();
  const [request, setRequest] = useState<CaptureRequest | null>(null);
  const [openings, setOpenings] = useState<OpeningChoice[]>([]);

  useEffect(
    () =>
      onCaptureRequest((next) => {
        setRequest(next);
        call('openings.list')
          .then((list) => setOpenings(list.filter((opening) => !['accepted', 'rejected', 'withdrawn'].includes(opening.stage) || opening.id === next.openingId).map((opening) => ({ id: opening.id, name: `${opening.role} at ${opening.companyName}` }))))
          .catch((caught: unknown) => toast.show(`Your openings could not be loaded: ${messageOf(caught)}`, { tone: 'error' }));
      }),
    [toast],
  );

  if (!request) return null;
  const close = () => setRequest(null);
  const done = (message: string, interviewId?: string) => {
    close();
    if (!message) return;
    toast.show(message, interviewId ? { action: { label: 'Open', run: () => navigate({ name: 'interview', id: interviewId }) } } : undefined);
  };

  if (request.kind === 'invite') {
    return (
      <Suspense fallback={null}>
        <ImportInviteDialog key="invite" openings={openings} openingId={request.openingId} file={request.file} reading={request.reading} offer={request.offer} onDone={done} onCancel={close} />
      </Suspense>
    );
  }
  return (
    <Suspense fallback={null}>
    <ImportEmailDialog
      key="email"
      openings={openings}
      openingId={request.openingId}
      file={request.file}
      onDone={done}
      onCancel={close}
      onInvite={(reading, openingId) => setRequest({ kind: 'invite', reading, openingId })}
    />
    </Suspense>
  );
}
