import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTransport, type Transport } from '#renderer/api';
import { CsvImport } from '#renderer/features/import/CsvImport';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { NOT_TEXT_FILES, TEXT_FILES } from '#support/not-text-files';
import { renderWithToasts } from './fixtures';

/**
 * The wizard against the real core over a temp vault: what the user sees in
 * the preview is what the core answers, and what is imported is in the vault.
 */
let core: CoreHarness;
let calls: string[];
beforeEach(() => {
  core = coreHarness('2026-03-10T09:00:00.000Z');
  calls = [];
  const transport: Transport = {
    // A JSON round trip, as over IPC or HTTP.
    invoke: async (channel, input) => {
      calls.push(channel);
      return core.dispatch(channel, input === undefined ? undefined : JSON.parse(JSON.stringify(input)));
    },
    on: () => () => undefined,
    ready: () => undefined,
  };
  setTransport(transport);
});
afterEach(() => core.cleanup());

const csvFile = (text: string, name = 'openings.csv') => new File([text], name, { type: 'text/csv' });
const GOOD = 'Employer;Job title;Status;Date applied\nAcme;Engineer;Applied;2026-03-01\nGlobex;Designer;Interview;03/04/2026\n';
const BAD = 'Employer;Job title;Status;Date applied\nAcme;Engineer;Applied;2026-03-01\n;Tester;Ghosted;\nGlobex;Designer;Interview;2026-03-04\n';

function setup() {
  const onImported = vi.fn();
  const onUndone = vi.fn();
  renderWithToasts(
    <>
      <button type="button">Elsewhere</button>
      <CsvImport onImported={onImported} onUndone={onUndone} />
    </>,
  );
  return { user: userEvent.setup(), onImported, onUndone };
}

async function openAndChoose(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
  const dialog = screen.getByRole('dialog', { name: 'Import openings from a CSV file' });
  expect(within(dialog).getByLabelText('CSV file')).toHaveFocus();
  await user.upload(within(dialog).getByLabelText('CSV file'), file);
  await screen.findByRole('heading', { name: 'Step 1 of 2: Match the columns' });
  return dialog;
}

describe('CsvImport', () => {
  it('maps the columns from the header, refuses a file with a bad row, then imports the fixed file', async () => {
    const { user, onImported } = setup();
    const dialog = await openAndChoose(user, csvFile(BAD));
    expect(dialog).toHaveTextContent('openings.csv · 3 rows · values separated by semicolons');
    expect(dialog).not.toHaveTextContent('not UTF-8');
    // Guessed from the header names, each with an example from the file.
    expect(within(dialog).getByLabelText('Company (required)')).toHaveDisplayValue('Employer');
    expect(within(dialog).getByLabelText('Role (required)')).toHaveDisplayValue('Job title');
    expect(within(dialog).getByLabelText('Stage')).toHaveDisplayValue('Status');
    expect(within(dialog).getByLabelText('Applied date')).toHaveDisplayValue('Date applied');
    expect(within(dialog).getByLabelText('Location')).toHaveDisplayValue('Not imported');
    expect(dialog).toHaveTextContent('e.g. “Acme”');

    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }));
    await screen.findByRole('heading', { name: 'Step 2 of 2: Check and import' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('1 row of 3 cannot be imported, so nothing will be. Fix these rows in the file and try again.');
    const problems = within(dialog).getByRole('list', { name: 'Rows with problems' });
    expect(problems).toHaveTextContent('Line 3: Stage “Ghosted” is not one Afterview knows. Use one of: Interested, Applied, Interviewing, Offer, Accepted, Rejected, Withdrawn, Dormant. Company is required.');
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(within(dialog).getByRole('table')).toHaveTextContent('Globex');
    expect(calls).not.toContain('csvImport.run');

    // The user fixes the file and picks it again: the same mapping is checked at once.
    await user.upload(within(dialog).getByLabelText('Choose the file again after fixing it'), csvFile(GOOD));
    // Line 3 is fixed, but 03/04/2026 reads two ways: refused until the order is chosen.
    await waitFor(() =>
      expect(within(dialog).getByRole('list', { name: 'Rows with problems' }).textContent).toBe(
        'Line 3: Applied date “03/04/2026” could be 3 April or March 4. Choose the date order for this file, or write it as 2026-03-04.',
      ),
    );
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Back to columns' }));
    await user.selectOptions(within(dialog).getByLabelText('Date order'), 'Day first (31/12/2026)');
    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }));
    expect(await within(dialog).findByText('Ready to import 2 openings (2 new companies).')).toBeInTheDocument();
    const rows = within(within(dialog).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent))).toEqual([
      ['2', 'Acme new', 'Engineer', 'Applied'],
      ['3', 'Globex new', 'Designer', 'Interviewing'],
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Import 2 openings' }));
    expect(await screen.findByText('Imported 2 openings and 2 new companies.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onImported).toHaveBeenCalledWith(expect.objectContaining({ imported: 2 }));
    const list = await core.call('openings.list', undefined);
    expect(list.map((opening) => [opening.companyName, opening.role, opening.stage, opening.appliedOn]).sort()).toEqual([
      ['Acme', 'Engineer', 'applied', '2026-03-01'],
      ['Globex', 'Designer', 'interviewing', '2026-04-03'],
    ]);
    expect(screen.getByRole('button', { name: 'Import CSV…' })).toHaveFocus();
  });

  it('undoes the import from its notification', async () => {
    const { user, onUndone } = setup();
    const dialog = await openAndChoose(user, csvFile('Company,Role\nAcme,Engineer\n'));
    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Import 1 opening' }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Import undone: 1 opening moved to the trash.')).toBeInTheDocument();
    expect(onUndone).toHaveBeenCalled();
    expect(await core.call('openings.list', undefined)).toEqual([]);
  });

  it('asks for the company and role columns when the header does not name them', async () => {
    const { user } = setup();
    const dialog = await openAndChoose(user, csvFile('A,B\nAcme,Engineer\n'));
    expect(within(dialog).getByLabelText('Company (required)')).toHaveAccessibleDescription('Choose the column with the company.');
    expect(within(dialog).getByRole('button', { name: 'Check rows' })).toBeDisabled();
    await user.selectOptions(within(dialog).getByLabelText('Company (required)'), 'A');
    await user.selectOptions(within(dialog).getByLabelText('Role (required)'), 'B');
    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }));
    expect(await within(dialog).findByText('Ready to import 1 opening (1 new company).')).toBeInTheDocument();
  });

  it('reads a Windows-1252 file (as older Excel saves CSV) and says so, instead of showing broken accents', async () => {
    const { user } = setup();
    // "Entreprise;Poste\nSociété Générale;Développeur" in Windows-1252: é is the single byte 0xE9.
    const bytes = Uint8Array.from([...Buffer.from('Entreprise;Poste\nSoci'), 0xe9, ...Buffer.from('t'), 0xe9, ...Buffer.from(' G'), 0xe9, ...Buffer.from('n'), 0xe9, ...Buffer.from('rale;D'), 0xe9, ...Buffer.from('veloppeur\n')]);
    const dialog = await openAndChoose(user, new File([bytes], 'excel.csv', { type: 'text/csv' }));
    expect(dialog).toHaveTextContent('This file is not UTF-8, so it was read as Windows text');
    expect(dialog).toHaveTextContent('e.g. “Société Générale”');
    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Import 1 opening' }));
    await screen.findByText('Imported 1 opening and 1 new company.');
    expect((await core.call('openings.list', undefined)).map((opening) => [opening.companyName, opening.role])).toEqual([['Société Générale', 'Développeur']]);
  });

  it('explains a malformed or oversized file and stays on the first step', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
    const dialog = screen.getByRole('dialog');
    await user.upload(within(dialog).getByLabelText('CSV file'), csvFile('Company,Role\nAcme,"Engineer\n'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Line 2: a quoted field is never closed. Look for a missing " on that line.');

    const big = csvFile('x');
    Object.defineProperty(big, 'size', { value: 5_000_001 });
    await user.upload(within(dialog).getByLabelText('CSV file'), big);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('“openings.csv” is larger than 5 MB. Split it into smaller files and import each.');
    expect(calls.filter((channel) => channel === 'csvImport.read')).toHaveLength(1);
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent('Import openings from a CSV file');
  });

  it('refuses a zip, a workbook, an image or any binary before sending it anywhere, and says what the file is', async () => {
    setup();
    // The file dialog offers CSV files first, but anyone can choose "All files".
    const user = userEvent.setup({ applyAccept: false });
    await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
    const dialog = screen.getByRole('dialog');
    const cases: [string, Buffer, string][] = [
      ['export.zip', NOT_TEXT_FILES.zip, '“export.zip” is a zip archive, not a CSV file.'],
      ['jobs.xlsx', NOT_TEXT_FILES.xlsx, '“jobs.xlsx” is a zip archive, not a CSV file. If it is a spreadsheet (.xlsx, .numbers or .ods), open it in your spreadsheet app, save it as CSV'],
      ['card.csv', NOT_TEXT_FILES.png, '“card.csv” is an image, not a CSV file.'],
      ['data.csv', NOT_TEXT_FILES.noise, '“data.csv” is not a text file, so it cannot be a CSV file.'],
    ];
    for (const [name, bytes, message] of cases) {
      await user.upload(within(dialog).getByLabelText('CSV file'), new File([new Uint8Array(bytes)], name));
      await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(message));
    }
    // Nothing was sent to the core, and the dialog still waits for a CSV file.
    expect(calls).toEqual([]);
    expect(within(dialog).queryByRole('heading', { name: 'Step 1 of 2: Match the columns' })).not.toBeInTheDocument();
    expect(within(dialog).getByLabelText('CSV file')).toBeEnabled();
  });

  it('reads a UTF-16 file (as Excel saves “Unicode text”) as the text it is', async () => {
    setup();
    const user = userEvent.setup({ applyAccept: false });
    const dialog = await openAndChoose(user, new File([new Uint8Array(TEXT_FILES.utf16le)], 'unicode.txt'));
    expect(dialog).toHaveTextContent('values separated by tabs');
    expect(within(dialog).getByLabelText('Company (required)')).toHaveDisplayValue('Company');
  });

  it('closes on Escape without importing and gives focus back to its button', async () => {
    const { user } = setup();
    await openAndChoose(user, csvFile(GOOD));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import CSV…' })).toHaveFocus();
    expect(calls).not.toContain('csvImport.run');
    expect(await core.call('openings.list', undefined)).toEqual([]);
  });
});
