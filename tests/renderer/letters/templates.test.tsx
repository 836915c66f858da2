import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { TemplatesPage } from '#renderer/features/letters/TemplatesPage';
import type { LetterTemplate } from '#shared/domain/letter';
import { fakeTransport } from '../fake-transport';
import { inputsOf, ok, renderWithToasts } from '../screen-fixtures';
import { docOf, letterIds, makeTemplate, paragraph, prompt } from './letter-fixtures';

const NEW_ID = '12121212-1212-4121-8121-121212121212';

function setup() {
  let templates: LetterTemplate[] = [
    makeTemplate(),
    makeTemplate({ id: letterIds.builtInReply, kind: 'rejection', name: 'Reply to a rejection', subject: 'Thank you — {{role}}' }),
    makeTemplate({ id: letterIds.custom, name: 'Short and warm', isDefault: false, builtIn: false, doc: docOf(paragraph('Hi {{firstName}},'), prompt('[One line of thanks.]')) }),
  ];
  const fake = fakeTransport({
    'templates.list': () => ok(templates),
    'templates.save': (input) => {
      const id = (input as { id?: string }).id;
      const base = templates.find((template) => template.id === id) ?? { ...makeTemplate(), id: NEW_ID, builtIn: false };
      const saved = { ...base, ...(input as Partial<LetterTemplate>), updatedAt: new Date().toISOString() };
      if (!id) templates = [...templates, saved];
      templates = templates.map((template) =>
        template.id === saved.id ? saved : saved.isDefault && template.kind === saved.kind ? { ...template, isDefault: false } : template,
      );
      return ok(saved);
    },
    'templates.reset': () => ok({ ...makeTemplate(), updatedAt: new Date().toISOString() }),
    'templates.delete': (input) => ok({ id: (input as { id: string }).id }),
  });
  setTransport(fake.transport);
  const user = userEvent.setup();
  renderWithToasts(<TemplatesPage />);
  return { ...fake, user };
}

describe('Templates page', () => {
  it('lists the templates per kind with the default marked, and explains the placeholders', async () => {
    setup();
    const nav = await screen.findByRole('navigation', { name: 'Templates' });
    expect(within(nav).getByRole('button', { name: /Thank-you note\s*Default/ })).toHaveAttribute('aria-current', 'true');
    expect(within(nav).getByRole('button', { name: 'Short and warm' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: /Reply to a rejection\s*Default/ })).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: 'Template text' })).toHaveTextContent('[Thank them for something specific.]');
    const placeholders = screen.getByRole('region', { name: 'Placeholders' });
    for (const field of ['firstName', 'role', 'company', 'interviewDate', 'myName']) expect(within(placeholders).getByText(`{{${field}}}`)).toBeInTheDocument();
  });

  it('makes another template the default for its kind', async () => {
    const { user, invoke } = setup();
    await user.click(await screen.findByRole('button', { name: 'Short and warm' }));
    expect(await screen.findByLabelText('Name')).toHaveValue('Short and warm');
    await user.click(screen.getByRole('button', { name: 'Make default' }));

    await waitFor(() => expect(inputsOf(invoke, 'templates.save')).toHaveLength(1));
    expect(inputsOf(invoke, 'templates.save')[0]).toMatchObject({ id: letterIds.custom, kind: 'thank_you', name: 'Short and warm', isDefault: true });
    const nav = screen.getByRole('navigation', { name: 'Templates' });
    await waitFor(() => expect(within(nav).getByRole('button', { name: /Short and warm\s*Default/ })).toBeInTheDocument());
    expect(within(nav).getByRole('button', { name: 'Thank-you note' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make default' })).not.toBeInTheDocument();
  });

  it('restores a built-in template’s original words after a confirmation, and never offers to delete it', async () => {
    const { user, invoke } = setup();
    await screen.findByRole('textbox', { name: 'Template text' });
    expect(screen.queryByRole('button', { name: 'Delete…' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Restore original words…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore the original words?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(inputsOf(invoke, 'templates.reset')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Restore original words…' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Restore the original words?' })).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(inputsOf(invoke, 'templates.reset')).toEqual([{ kind: 'thank_you' }]));
    expect(await screen.findByText('The original words are back.')).toBeInTheDocument();
  });

  it('creates a template from an existing one, and deletes a template of the user’s own', async () => {
    const { user, invoke } = setup();
    await user.click(await screen.findByRole('button', { name: 'Short and warm' }));
    await screen.findByDisplayValue('Short and warm');
    await user.click(screen.getByRole('button', { name: 'New from this template' }));
    await waitFor(() => expect(inputsOf(invoke, 'templates.save')).toHaveLength(1));
    expect(inputsOf(invoke, 'templates.save')[0]).toEqual({
      kind: 'thank_you',
      name: 'Short and warm (copy)',
      subject: 'Thank you — {{role}} interview',
      doc: docOf(paragraph('Hi {{firstName}},'), prompt('[One line of thanks.]')),
      isDefault: false,
    });
    // The copy opens, ready to edit.
    expect(await screen.findByDisplayValue('Short and warm (copy)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Short and warm (copy)' })).toHaveAttribute('aria-current', 'true');

    await user.click(screen.getByRole('button', { name: 'Short and warm' }));
    await screen.findByDisplayValue('Short and warm');
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete this template?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(inputsOf(invoke, 'templates.delete')).toEqual([{ id: letterIds.custom }]));
  });

  it('saves edits to the name and the words', async () => {
    const { user, invoke } = setup();
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Warm thanks');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(inputsOf(invoke, 'templates.save').at(-1)).toMatchObject({ id: letterIds.builtInThanks, name: 'Warm thanks', isDefault: true }));
  });
});
