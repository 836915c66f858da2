import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '../../renderer/src/api';
import { PipelinePage } from '../../renderer/src/features/pipeline/PipelinePage';
import type { Opening } from '../../shared/domain/opening';
import { fakeTransport } from './fake-transport';

function opening(overrides: Partial<Opening> = {}): Opening {
  return {
    id: 'o1',
    companyId: 'c1',
    companyName: 'Acme',
    role: 'Engineer',
    stage: 'applied',
    jobUrl: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('Pipeline page', () => {
  it('teaches the next step when the vault is empty', async () => {
    setTransport(fakeTransport({ 'openings.list': () => ({ ok: true, value: [] }), 'companies.list': () => ({ ok: true, value: [] }) }).transport);
    render(<PipelinePage />);
    expect(await screen.findByRole('heading', { name: 'Your pipeline is empty' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add your first opening' })).toBeInTheDocument();
  });

  it('shows each opening with its company and stage', async () => {
    setTransport(
      fakeTransport({
        'openings.list': () => ({ ok: true, value: [opening(), opening({ id: 'o2', companyName: 'Globex', role: 'Analyst', stage: 'interviewing' })] }),
        'companies.list': () => ({ ok: true, value: [] }),
      }).transport,
    );
    render(<PipelinePage />);
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent(/Analyst\s*Globex\s*Interviewing/);
    expect(screen.getByText('2 openings')).toBeInTheDocument();
  });

  it('validates the form before anything is sent, with a message per field', async () => {
    const { transport, invoke } = fakeTransport({ 'openings.list': () => ({ ok: true, value: [] }), 'companies.list': () => ({ ok: true, value: [] }) });
    setTransport(transport);
    const user = userEvent.setup();
    render(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Add your first opening' }));
    await user.type(screen.getByLabelText('Job link (optional)'), 'ftp://files.example');
    await user.click(screen.getByRole('button', { name: 'Add opening' }));
    expect(screen.getByLabelText('Company')).toHaveAccessibleDescription('Company is required.');
    expect(screen.getByLabelText('Role')).toHaveAccessibleDescription('Role is required.');
    expect(screen.getByLabelText('Job link (optional)')).toHaveAccessibleDescription(/https:\/\//);
    expect(invoke).not.toHaveBeenCalledWith('openings.create', expect.anything());
  });

  it('adds an opening and shows it in the list', async () => {
    const saved: Opening[] = [];
    setTransport(
      fakeTransport({
        'openings.list': () => ({ ok: true, value: [...saved] }),
        'companies.list': () => ({ ok: true, value: [] }),
        'openings.create': (input) => {
          const value = opening({ ...(input as Partial<Opening>), id: 'new' });
          saved.push(value);
          return { ok: true, value };
        },
      }).transport,
    );
    const user = userEvent.setup();
    render(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Add your first opening' }));
    await user.type(screen.getByLabelText('Company'), 'Initech');
    await user.type(screen.getByLabelText('Role'), 'Product Manager');
    await user.click(screen.getByRole('button', { name: 'Add opening' }));
    await waitFor(() => expect(screen.getByRole('cell', { name: 'Product Manager' })).toBeInTheDocument());
    expect(screen.getByRole('status', { hidden: true })).toHaveTextContent('Added Product Manager at Initech.');
  });

  it('shows an error from the core next to the field it concerns', async () => {
    setTransport(
      fakeTransport({
        'openings.list': () => ({ ok: true, value: [] }),
        'companies.list': () => ({ ok: true, value: [] }),
        'openings.create': () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'Role must be at most 200 characters.', field: 'role' } }),
      }).transport,
    );
    const user = userEvent.setup();
    render(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Add your first opening' }));
    await user.type(screen.getByLabelText('Company'), 'Initech');
    await user.type(screen.getByLabelText('Role'), 'PM');
    await user.click(screen.getByRole('button', { name: 'Add opening' }));
    await waitFor(() => expect(screen.getByLabelText('Role')).toHaveAccessibleDescription('Role must be at most 200 characters.'));
  });

  it('says so when the vault cannot be reached', async () => {
    setTransport(
      fakeTransport({
        'openings.list': () => ({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'The disk is full, so nothing was saved.' } }),
        'companies.list': () => ({ ok: true, value: [] }),
      }).transport,
    );
    render(<PipelinePage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The pipeline could not be loaded: The disk is full');
  });
});
