import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import type { ReferenceWithUses } from '#shared/domain/reference';
import { DEFAULT_SETTINGS, type Settings } from '#shared/domain/settings';
import { fakeTransport } from '../fake-transport';
import { makeLetterDetail, letterIds } from '../letters/letter-fixtures';
import { ids, makeContact, makeInterview, makeOpening, ok } from '../screen-fixtures';

/*
 * Every screen that states a playbook value shows the one saved in Settings,
 * never the default: as loaded at start, and again right after a save.
 */

const T = '2026-03-02T09:00:00.000Z';
const granted = (id: string, name: string): ReferenceWithUses => ({
  id, contactId: null, name, relationship: null, email: null, phone: null, permission: 'granted', askedAt: T, answeredAt: T, notes: null, createdAt: T, updatedAt: T,
  uses: [{ openingId: ids.opening, referenceId: id, role: 'Data Engineer', companyName: 'Globex', stage: 'interviewing', briefedAt: null, briefChannel: null, thankedAt: null, briefRevision: 0 }],
});

/** The app over a fake vault whose settings are `stored` (and become what is saved). */
function app(stored: Settings, now = Date.now()) {
  let settings = stored;
  const startedAt = new Date(now - 5 * 3_600_000).toISOString();
  const fake = fakeTransport({
    'settings.get': () => ok(settings),
    'settings.save': (input) => ok((settings = input as Settings)),
    'reminders.agenda': () => ok({ overdue: [], today: [], week: [], more: 0 }),
    'openings.list': () => ok([]),
    'openings.get': () => ok({ opening: makeOpening({ stage: 'interviewing' }), interviews: [], contacts: [makeContact()], notes: [], posting: null }),
    'references.list': () => ok([granted('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Dana Lee'), granted('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'Ari Moss')]),
    'letters.list': (input) =>
      ok(
        (input as { interviewId?: string } | undefined)?.interviewId
          ? []
          : [makeLetterDetail({ startedAt, dueAt: new Date(now + 19 * 3_600_000).toISOString() }).letter],
      ),
    'letters.get': (input) =>
      ok(
        (input as { id: string }).id === letterIds.reply
          ? makeLetterDetail({ id: letterIds.reply, kind: 'rejection', interviewId: null, startedAt, dueAt: new Date(now + 19 * 3_600_000).toISOString() })
          : makeLetterDetail({ startedAt, dueAt: new Date(now + 19 * 3_600_000).toISOString() }),
      ),
    'interviews.get': () => ok({ interview: makeInterview(), opening: makeOpening(), team: [], debrief: null, notes: [], cards: [] }),
  });
  setTransport(fake.transport);
  return fake;
}

async function visit(hash: string) {
  await act(async () => {
    window.location.hash = hash;
  });
}

afterEach(() => {
  window.location.hash = '';
});

const saved: Settings = {
  ...DEFAULT_SETTINGS,
  playbook: {
    ...DEFAULT_SETTINGS.playbook,
    minGrantedReferences: 3,
    stayInTouchEveryDays: 30,
    stayInTouchTimes: 2,
    thankYouNudgeHours: 1,
    thankYouWarningHours: 4,
    thankYouDeadlineHours: 6,
    letterMailByDays: 5,
  },
};

describe('screens show the saved settings', () => {
  it('the opening warns below the saved references minimum, and its letter counts down on the saved window', async () => {
    app(saved);
    window.location.hash = `#/openings/${ids.opening}`;
    render(<App />);
    // Two of three have said yes: the warning Today gives, here too.
    expect(await screen.findByText(/2 of 3 references have said yes\. Ask one more person/)).toBeInTheDocument();
    // Started 5 h ago on a 6 h window, warning from 4 h: one hour left, drawn as a warning (not the stored 24 h).
    const letters = await screen.findByRole('list', { name: 'Letters' });
    const countdown = within(letters).getByText(/left$/);
    expect(countdown).toHaveTextContent(/^(59 min|1 h) left$/);
    expect(countdown.closest('.countdown')).toHaveClass('countdown-warning');
  });

  it('the letter pages say the saved stay-in-touch cadence, thank-you window and mail-by days', async () => {
    app(saved);
    window.location.hash = `#/letters/${letterIds.reply}`;
    render(<App />);
    expect(await screen.findByText(/Afterview will remind you to check in every 30 days, twice\./)).toBeInTheDocument();

    await visit(`#/letters/${letterIds.ana}`);
    expect(await screen.findByText(/send it within 6 hours/)).toBeInTheDocument();
    expect(screen.getByLabelText('Also post a handwritten copy')).toHaveAccessibleDescription(/mail-by date 5 days out/);
  });

  it('a save in Settings shows on the other screens at once, without a reload', async () => {
    app(DEFAULT_SETTINGS);
    window.location.hash = `#/openings/${ids.opening}`;
    render(<App />);
    await screen.findByRole('list', { name: 'References for this opening' });
    expect(screen.queryByText(/references have said yes/)).not.toBeInTheDocument();

    await visit('#/settings');
    const user = userEvent.setup();
    const minimum = await screen.findByLabelText('References ready before interviews');
    await user.clear(minimum);
    await user.type(minimum, '3');
    const every = screen.getByLabelText('Stay in touch every');
    await user.clear(every);
    await user.type(every, '30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument());

    await visit(`#/openings/${ids.opening}`);
    expect(await screen.findByText(/2 of 3 references have said yes/)).toBeInTheDocument();
    await visit(`#/letters/${letterIds.reply}`);
    expect(await screen.findByText(/check in every 30 days, 3 times/)).toBeInTheDocument();
  });
});
