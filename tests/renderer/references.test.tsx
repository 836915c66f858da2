import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport, type Transport } from '#renderer/api';
import { hrefFor, NAV_ITEMS, parseRoute } from '#renderer/router';
import { OpeningReferences } from '#renderer/features/references/OpeningReferences';
import { BriefPage } from '#renderer/features/references/BriefPage';
import { buildMailto } from '#shared/domain/mailto';
import type { Brief, ReferenceWithUses } from '#shared/domain/reference';
import { fakeEvents, fakeTransport } from './fake-transport';
import { inputsOf, ok, renderWithToasts } from './screen-fixtures';

const OPENING = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const DANA = '33333333-3333-4333-8333-333333333333';
const ARI = '44444444-4444-4444-8444-444444444444';
const T = '2026-03-02T09:00:00.000Z';

function reference(id: string, name: string, permission: ReferenceWithUses['permission'], openingIds: string[]): ReferenceWithUses {
  return {
    id, contactId: null, name, relationship: null, email: `${name.split(' ')[0]!.toLowerCase()}@example.com`, phone: null, permission,
    askedAt: permission === 'not_asked' ? null : T, answeredAt: permission === 'granted' ? T : null, notes: null, createdAt: T, updatedAt: T,
    uses: openingIds.map((openingId) => ({ openingId, referenceId: id, role: 'Data Analyst', companyName: 'Northwind', stage: 'interviewing', briefedAt: null, briefChannel: null, thankedAt: null, briefRevision: 0 })),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('References on an opening', () => {
  it('warns when an interviewing opening has fewer than 2 references who said yes, and attaches another', async () => {
    const list = [reference(DANA, 'Dana Lee', 'granted', [OPENING]), reference(ARI, 'Ari Moss', 'asked', [OTHER])];
    const fake = fakeTransport({
      'references.list': () => ok(list),
      'references.attach': () => ok(list[1]!.uses[0]),
    });
    setTransport(fake.transport);
    const user = userEvent.setup();
    renderWithToasts(<OpeningReferences openingId={OPENING} stage="interviewing" />);

    expect(await screen.findByRole('alert')).toHaveTextContent('1 of 2 references have said yes');
    const attached = screen.getByRole('list', { name: 'References for this opening' });
    expect(within(attached).getByText('Dana Lee')).toBeInTheDocument();
    expect(within(attached).getByText(/Said yes/)).toBeInTheDocument();
    expect(within(attached).getByRole('button', { name: 'Write the brief' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Use a reference'), 'Ari Moss');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(inputsOf(fake.invoke, 'references.attach')).toEqual([{ openingId: OPENING, referenceId: ARI }]));
  });

  it('says nothing with two who said yes, or before interviews', async () => {
    const list = [reference(DANA, 'Dana Lee', 'granted', [OPENING]), reference(ARI, 'Ari Moss', 'granted', [OPENING])];
    setTransport(fakeTransport({ 'references.list': () => ok(list) }).transport);
    const { unmount } = renderWithToasts(<OpeningReferences openingId={OPENING} stage="interviewing" />);
    expect(await screen.findByText('Ari Moss')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    unmount();

    setTransport(fakeTransport({ 'references.list': () => ok([]) }).transport);
    renderWithToasts(<OpeningReferences openingId={OPENING} stage="applied" />);
    expect(await screen.findByText('No references for this opening yet.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('Brief page', () => {
  const dana = reference(DANA, 'Dana Lee', 'granted', [OPENING]);
  const brief: Brief = {
    ...dana.uses[0]!,
    reference: dana,
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi Dana, mention the churn model.' }] }] },
    plainText: 'Hi Dana, mention the churn model.',
    subject: 'Reference for the Data Analyst role at Northwind',
  };

  function openBrief(shell: Partial<Transport> = {}) {
    const fake = fakeTransport({
      'references.brief.get': () => ok(brief),
      'references.brief.save': () => ok({ id: 'x', revision: 1, updatedAt: T }),
      'references.brief.markSent': (input) => ok({ ...brief, briefedAt: (input as { sentAt: string }).sentAt, briefChannel: 'email' }),
      'references.brief.export': (input) => ok({ fileName: `Reference brief.${(input as { format: string }).format}`, mimeType: 'text/markdown', dataBase64: btoa('# Brief') }),
    });
    setTransport({ ...fake.transport, ...shell });
    const user = userEvent.setup();
    renderWithToasts(<BriefPage referenceId={DANA} openingId={OPENING} />);
    return { ...fake, user };
  }

  it('opens the mail app to the reference with the subject and the brief', async () => {
    const { user, invoke } = openBrief();
    expect(await screen.findByRole('heading', { level: 1, name: 'Reference brief for Dana Lee' })).toBeInTheDocument();
    await screen.findByRole('textbox', { name: 'Brief text' });
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));
    await waitFor(() => expect(inputsOf(invoke, 'shell.openExternal')).toEqual([{ url: buildMailto('dana@example.com', brief.subject, 'Hi Dana, mention the churn model.').url }]));
    expect(await screen.findByText(/Your mail app should open with the brief filled in/)).toBeInTheDocument();
  });

  it('in the desktop app, says "Saved" only for a file the save dialog saved, under the name chosen there', async () => {
    let blob = 0;
    URL.createObjectURL = vi.fn(() => `blob:app://afterview/${++blob}`);
    URL.revokeObjectURL = vi.fn();
    const events = fakeEvents();
    const { user } = openBrief({ on: events.on, reportsSaves: true });
    await screen.findByRole('textbox', { name: 'Brief text' });
    const exportAs = async (label: string) => {
      await user.click(screen.getByRole('button', { name: 'Export the brief' }));
      await user.click(within(screen.getByRole('menu', { name: 'Export the brief' })).getByRole('menuitem', { name: label }));
      await waitFor(() => expect(events.listening('file.saved')).toBe(1));
    };

    // The dialog stays open: nothing is said yet, and Cancel there says nothing at all.
    await exportAs('PDF');
    expect(screen.getByRole('button', { name: 'Export the brief' })).toBeDisabled();
    await events.emit('file.saved', { url: 'blob:app://afterview/1', outcome: 'cancelled', fileName: null });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export the brief' })).toBeEnabled());
    expect(screen.queryByText(/Saved as/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Another download's word is not this one's.
    await exportAs('Word (DOCX)');
    await events.emit('file.saved', { url: 'blob:app://afterview/99', outcome: 'saved', fileName: 'other.pdf' });
    expect(screen.queryByText(/Saved as/)).not.toBeInTheDocument();
    await events.emit('file.saved', { url: 'blob:app://afterview/2', outcome: 'saved', fileName: 'Dana brief (final).docx' });
    expect(await screen.findByText('Saved as Dana brief (final).docx.')).toBeInTheDocument();

    await exportAs('Markdown');
    await events.emit('file.saved', { url: 'blob:app://afterview/3', outcome: 'failed', fileName: null });
    expect(await screen.findByText(/Could not make the Markdown file: the file could not be written to that folder/)).toBeInTheDocument();
    expect(events.listening('file.saved')).toBe(0);
  });

  it('marks the brief as sent and downloads it in each format', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:brief');
    URL.revokeObjectURL = vi.fn();
    const { user, invoke } = openBrief();
    await screen.findByRole('textbox', { name: 'Brief text' });
    expect(screen.getByText('Not sent yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as sent to Dana Lee' });
    fireEvent.change(within(dialog).getByLabelText('When you sent it'), { target: { value: '2026-03-01T18:30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as sent' }));
    await waitFor(() => expect(inputsOf(invoke, 'references.brief.markSent')).toHaveLength(1));
    expect(inputsOf(invoke, 'references.brief.markSent')[0]).toEqual({ openingId: OPENING, referenceId: DANA, channel: 'email', sentAt: new Date(2026, 2, 1, 18, 30).toISOString() });
    await waitFor(() => expect(screen.getByText(/^Sent /)).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Mark as sent…' })).not.toBeInTheDocument();

    for (const label of ['PDF', 'Word (DOCX)', 'Markdown', 'Web page (HTML)']) {
      await user.click(screen.getByRole('button', { name: 'Export the brief' }));
      await user.click(within(screen.getByRole('menu', { name: 'Export the brief' })).getByRole('menuitem', { name: label }));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Export the brief' })).toBeEnabled());
    }
    expect(inputsOf(invoke, 'references.brief.export').map((input) => (input as { format: string }).format)).toEqual(['pdf', 'docx', 'markdown', 'html']);
    expect(await screen.findByText('Saved as Reference brief.html.')).toBeInTheDocument();
  });
});

describe('reference routes', () => {
  it('reads and writes the references, reference and brief addresses, and lists References in the sidebar', () => {
    expect(parseRoute('#/references')).toEqual({ name: 'references' });
    expect(parseRoute(`#/references/${DANA}`)).toEqual({ name: 'reference', id: DANA });
    expect(parseRoute(`#/references/${DANA}/briefs/${OPENING}`)).toEqual({ name: 'brief', referenceId: DANA, openingId: OPENING });
    expect(parseRoute(`#/references/${DANA}/briefs/not-an-id`)).toEqual({ name: 'today' });
    expect(hrefFor({ name: 'brief', referenceId: DANA, openingId: OPENING })).toBe(`#/references/${DANA}/briefs/${OPENING}`);
    expect(hrefFor({ name: 'reference', id: DANA })).toBe(`#/references/${DANA}`);
    expect(NAV_ITEMS.find((item) => item.label === 'References')?.section).toEqual(['references', 'reference', 'brief']);
  });
});
