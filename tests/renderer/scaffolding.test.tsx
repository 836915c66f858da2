import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { CompanyPage } from '#renderer/features/companies/CompanyPage';
import { ReferencePage } from '#renderer/features/references/ReferencePage';
import { Form } from '#renderer/ui/Form';
import { ToastOutlet, ToastProvider, useToast } from '#renderer/ui/toast';
import type { ReferenceWithUses } from '#shared/domain/reference';
import type { CompanyDetail } from '#shared/ipc/channels/companies';
import { fakeTransport } from './fake-transport';
import { ids, inputsOf, makeCompany, ok, renderWithToasts } from './screen-fixtures';

const T = '2026-03-02T09:00:00.000Z';
const REFERENCE_ID = '33333333-3333-4333-8333-333333333333';

const company: CompanyDetail = { company: makeCompany(), openings: [], contacts: [], research: [], notes: [] };
const reference: ReferenceWithUses = {
  id: REFERENCE_ID,
  contactId: null,
  name: 'Dana Lee',
  relationship: 'Former manager',
  email: 'dana@example.com',
  phone: null,
  permission: 'granted',
  askedAt: T,
  answeredAt: T,
  notes: null,
  createdAt: T,
  updatedAt: T,
  uses: [],
};

describe('every detail page, the same frame', () => {
  it('offers Try again when the page could not be loaded, and shows it once it can', async () => {
    let attempts = 0;
    setTransport(
      fakeTransport({
        'companies.get': () => {
          attempts += 1;
          if (attempts === 1) throw new Error('The vault is busy.');
          return ok(company);
        },
      }).transport,
    );
    const user = userEvent.setup();
    renderWithToasts(<CompanyPage id={ids.company} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The company could not be loaded: The vault is busy.');
    expect(screen.getByRole('link', { name: 'Back to companies' })).toHaveAttribute('href', '#/companies');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: company.company.name })).toBeInTheDocument();
    // The way back is the trail every detail page has.
    const trail = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(trail).getByRole('link', { name: 'Companies' })).toHaveAttribute('href', '#/companies');
    expect(within(trail).getByText(company.company.name)).toHaveAttribute('aria-current', 'page');
  });

  it('lets a reference’s edit be put away with Escape, like every other form, and sends nothing', async () => {
    const { transport, invoke } = fakeTransport({ 'references.get': () => ok(reference), 'references.update': () => ok(reference) });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<ReferencePage id={REFERENCE_ID} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Dana L.');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Save' })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(inputsOf(invoke, 'references.update')).toEqual([]);
  });
});

/** A page with a notice on show and a form open, as after "Touchpoint logged." with an edit still open. */
function PageWithForm() {
  const toast = useToast();
  const [open, setOpen] = useState(true);
  return (
    <>
      <nav aria-label="Main">
        <ToastOutlet />
      </nav>
      <button type="button" onClick={() => toast.show('Touchpoint logged.')}>
        Log
      </button>
      {open && (
        <Form title="Edit company" submitLabel="Save changes" onSubmit={() => undefined} onCancel={() => setOpen(false)}>
          <input aria-label="Company name" />
        </Form>
      )}
    </>
  );
}

describe('every form, the same frame', () => {
  it('takes Escape for the form alone: the form closes, a notice on show stays', async () => {
    render(
      <ToastProvider>
        <PageWithForm />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    fireEvent.keyDown(screen.getByLabelText('Company name'), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Edit company' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Notifications' })).toHaveTextContent('Touchpoint logged.');
  });
});
