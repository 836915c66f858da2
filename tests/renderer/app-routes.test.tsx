import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { fakeTransport } from './fake-transport';
import { ID, ok, opening } from './fixtures';

afterEach(() => {
  window.location.hash = '';
});

describe('App routes', () => {
  it('opens the trash from the sidebar address', async () => {
    setTransport(fakeTransport({ 'trash.list': () => ok([]) }).transport);
    window.location.hash = '#/trash';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Trash' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Trash' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens an opening by its address, under Pipeline in the sidebar', async () => {
    setTransport(fakeTransport({ 'openings.get': () => ok({ opening: opening({ role: 'Data Engineer' }), interviews: [], contacts: [], notes: [], posting: null }) }).transport);
    window.location.hash = `#/openings/${ID.opening}`;
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Data Engineer' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pipeline', current: 'page' })).toBeInTheDocument();
  });
});
