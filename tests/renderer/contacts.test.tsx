import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { App } from '#renderer/App';
import { ContactPage } from '#renderer/features/contacts/ContactPage';
import { ContactsPage } from '#renderer/features/contacts/ContactsPage';
import { MAX_CARD_BYTES, type Card } from '#shared/domain/contact';
import type { ContactDetail } from '#shared/ipc/channels/contacts';
import { fakeTransport } from './fake-transport';
import { ids, inputsOf, makeCompany, makeContact, ok, renderWithToasts } from './screen-fixtures';

const people = [
  makeContact(),
  makeContact({ id: ids.ben, name: 'Ben Ortiz', title: 'Recruiter', companyName: 'Initech', companyId: null, email: null, preferredChannel: 'phone' }),
  makeContact({ id: ids.cleo, name: 'Cleo Park', title: 'Designer', companyName: 'Globex', email: null, preferredChannel: 'linkedin' }),
];

function detail(overrides: Partial<ContactDetail> = {}): ContactDetail {
  return { contact: makeContact({ linkedinUrl: 'https://www.linkedin.com/in/ana-lima' }), cards: [], interviews: [], openings: [], notes: [], mentionedIn: [], linkedinHold: false, ...overrides };
}

const card: Card = { id: ids.card, contactId: ids.ana, originalName: 'ana-card.png', mimeType: 'image/png', size: 1200, createdAt: '2026-03-03T16:00:00.000Z' };

describe('Contacts list', () => {
  it('lists people with title, company and preferred channel, and narrows them as you search', async () => {
    setTransport(fakeTransport({ 'contacts.list': () => ok(people), 'companies.list': () => ok([makeCompany()]) }).transport);
    const user = userEvent.setup();
    renderWithToasts(<ContactsPage />);
    expect(await screen.findAllByRole('row')).toHaveLength(4);
    expect(screen.getByRole('row', { name: /Ben Ortiz/ })).toHaveTextContent(/Ben Ortiz\s*Recruiter\s*Initech\s*Phone/);

    await user.type(screen.getByLabelText('Search contacts'), 'globex');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('link', { name: 'Ana Lima' })).toHaveAttribute('href', `#/contacts/${ids.ana}`);
    expect(screen.queryByRole('link', { name: 'Ben Ortiz' })).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Search contacts'));
    await user.type(screen.getByLabelText('Search contacts'), 'zzz');
    expect(await screen.findByText('Nobody matches “zzz”.')).toBeInTheDocument();
  });

  it('checks the e-mail before adding a contact, then adds it', async () => {
    const saved = [...people];
    const { transport, invoke } = fakeTransport({
      'contacts.list': () => ok([...saved]),
      'companies.list': () => ok([makeCompany()]),
      'contacts.create': (input) => {
        const contact = makeContact({ ...(input as object), id: '12345678-1234-4234-8234-123456789012' });
        saved.push(contact);
        return ok(contact);
      },
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<ContactsPage />);
    await user.click(await screen.findByRole('button', { name: 'Add contact' }));
    await user.type(screen.getByLabelText('Name'), 'Dana Fox');
    await user.type(screen.getByLabelText('E-mail (optional)'), 'dana-at-example');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(screen.getByLabelText('E-mail (optional)')).toHaveAccessibleDescription('E-mail must look like name@example.com.');
    expect(inputsOf(invoke, 'contacts.create')).toEqual([]);

    await user.clear(screen.getByLabelText('E-mail (optional)'));
    await user.type(screen.getByLabelText('E-mail (optional)'), 'dana@example.com');
    await user.selectOptions(screen.getByLabelText('Preferred follow-up channel'), 'E-mail');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Dana Fox' })).toBeInTheDocument());
    expect(inputsOf(invoke, 'contacts.create')).toEqual([
      { name: 'Dana Fox', title: '', companyName: '', email: 'dana@example.com', phone: '', linkedinUrl: '', preferredChannel: 'email' },
    ]);
  });
});

describe('Contact page', () => {
  it('shows e-mail as a mail link and LinkedIn as an external link', async () => {
    setTransport(fakeTransport({ 'contacts.get': () => ok(detail()) }).transport);
    renderWithToasts(<ContactPage id={ids.ana} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ana Lima' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ana@globex.example' })).toHaveAttribute('href', 'mailto:ana@globex.example');
    expect(screen.getByRole('link', { name: /Profile on LinkedIn/ })).toHaveAttribute('href', 'https://www.linkedin.com/in/ana-lima');
    expect(screen.getByRole('link', { name: 'Globex' })).toHaveAttribute('href', `#/companies/${ids.company}`);
  });

  it('holds the LinkedIn invitation while their process is open, and lists their touchpoints', async () => {
    const touchpoint = {
      id: '11111111-1111-4111-8111-111111111111', openingId: ids.ana, contactId: ids.ana, contactName: 'Ana Lima', openingName: 'Engineer at Globex',
      channel: 'email', direction: 'inbound', kind: 'other', occurredAt: '2026-03-02T09:00:00.000Z', summary: 'Said they are still deciding', letterId: null, createdAt: '2026-03-02T09:00:00.000Z',
    };
    setTransport(fakeTransport({ 'contacts.get': () => ok(detail({ linkedinHold: true })), 'touchpoints.list': () => ok([touchpoint]) }).transport);
    renderWithToasts(<ContactPage id={ids.ana} />);
    expect(await screen.findByText('Don’t connect yet')).toBeInTheDocument();
    expect(screen.getByText(/hold the invitation until it is over/)).toBeInTheDocument();
    expect(await screen.findByRole('complementary', { name: /Why not connect on LinkedIn yet/ })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Touchpoints' });
    expect(list).toHaveTextContent(/E-mail from Ana Lima.*They reached out · E-mail · Engineer at Globex.*Said they are still deciding/);
  });

  it('shows no hold once their processes are over', async () => {
    setTransport(fakeTransport({ 'contacts.get': () => ok(detail({ linkedinHold: false })) }).transport);
    renderWithToasts(<ContactPage id={ids.ana} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ana Lima' })).toBeInTheDocument();
    expect(screen.queryByText('Don’t connect yet')).not.toBeInTheDocument();
    expect(screen.queryByRole('complementary', { name: /LinkedIn/ })).not.toBeInTheDocument();
  });

  it('does not make a plain-http profile address clickable', async () => {
    setTransport(fakeTransport({ 'contacts.get': () => ok(detail({ contact: makeContact({ linkedinUrl: 'http://linkedin.example/ana' }) })) }).transport);
    renderWithToasts(<ContactPage id={ids.ana} />);
    expect(await screen.findByText('http://linkedin.example/ana')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /linkedin/i })).not.toBeInTheDocument();
  });

  it('refuses a file that is not an image, says why, and sends nothing', async () => {
    const { transport, invoke } = fakeTransport({ 'contacts.get': () => ok(detail()) });
    setTransport(transport);
    const user = userEvent.setup({ applyAccept: false });
    renderWithToasts(<ContactPage id={ids.ana} />);
    await user.upload(await screen.findByLabelText('Add a card photo'), new File(['%PDF-1.7'], 'card.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“card.pdf” is not a PNG, JPEG or WebP image');
    expect(inputsOf(invoke, 'cards.add')).toEqual([]);
  });

  it('refuses a photo over 5 MB, says why, and sends nothing', async () => {
    const { transport, invoke } = fakeTransport({ 'contacts.get': () => ok(detail()) });
    setTransport(transport);
    const user = userEvent.setup({ applyAccept: false });
    renderWithToasts(<ContactPage id={ids.ana} />);
    const big = new File([new Uint8Array(MAX_CARD_BYTES + 1)], 'huge.jpg', { type: 'image/jpeg' });
    await user.upload(await screen.findByLabelText('Add a card photo'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent('a card photo can be at most 5 MB');
    expect(inputsOf(invoke, 'cards.add')).toEqual([]);
  });

  it('sends a PNG as base64 with its type, then shows it as a thumbnail that opens larger', async () => {
    let cards: Card[] = [];
    const { transport, invoke } = fakeTransport({
      'contacts.get': () => ok(detail({ cards })),
      'cards.add': () => {
        cards = [card];
        return ok(card);
      },
      'cards.read': () => ok({ mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' }),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<ContactPage id={ids.ana} />);
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'ana-card.png', { type: 'image/png' });
    await user.upload(await screen.findByLabelText('Add a card photo'), png);
    await waitFor(() => expect(inputsOf(invoke, 'cards.add')).toEqual([{ contactId: ids.ana, fileName: 'ana-card.png', mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' }]));

    const thumbnail = await screen.findByRole('img', { name: 'Business card of Ana Lima (ana-card.png)' });
    expect(thumbnail).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    await user.click(screen.getByRole('button', { name: /View larger/ }));
    const viewer = screen.getByRole('dialog', { name: 'Business card of Ana Lima (ana-card.png)' });
    expect(within(viewer).getByRole('img')).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
  });

  it('deletes a card photo only after confirming', async () => {
    const { transport, invoke } = fakeTransport({
      'contacts.get': () => ok(detail({ cards: [card] })),
      'cards.read': () => ok({ mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' }),
      'cards.delete': () => ok({ id: ids.card }),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<ContactPage id={ids.ana} />);
    await user.click(await screen.findByRole('button', { name: 'Delete card photo ana-card.png' }));
    expect(inputsOf(invoke, 'cards.delete')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Delete photo' }));
    await waitFor(() => expect(inputsOf(invoke, 'cards.delete')).toEqual([{ id: ids.card }]));
  });

  it('moves the contact to the trash after a confirmation that says so, with Undo', async () => {
    const { transport, invoke } = fakeTransport({
      'contacts.get': () => ok(detail()),
      'contacts.delete': () => ok({ kind: 'contact', id: ids.ana, deletedAt: '2026-03-04T09:00:00.000Z' }),
      'trash.restore': (input) => ok(input),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<ContactPage id={ids.ana} />);
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    expect(screen.getByRole('dialog', { name: 'Delete Ana Lima?' })).toHaveTextContent('goes to the trash');
    await user.click(screen.getByRole('button', { name: 'Move to trash' }));
    expect(await screen.findByText('Ana Lima moved to the trash.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(inputsOf(invoke, 'trash.restore')).toEqual([{ kind: 'contact', id: ids.ana }]));
  });
});

describe('Navigation', () => {
  it('reaches contacts and companies from the sidebar', async () => {
    setTransport(fakeTransport({ 'contacts.list': () => ok(people), 'companies.list': () => ok([makeCompany()]), 'openings.list': () => ok([]) }).transport);
    window.location.hash = '#/contacts';
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Contacts' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Contacts' })).toHaveAttribute('aria-current', 'page');
    await user.click(within(nav).getByRole('link', { name: 'Companies' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Companies' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Companies' })).toHaveAttribute('aria-current', 'page');
  });
});
