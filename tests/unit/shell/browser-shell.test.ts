import { describe, expect, it, vi } from 'vitest';
import { createBrowserShell } from '#preview/browser-shell';
import { ShellLog } from '#preview/shell-log';

const AT = new Date('2026-03-03T12:00:00.000Z');

function previewShell() {
  const log = new ShellLog(() => AT);
  const said: string[] = [];
  const printer = { pdf: vi.fn(async () => Buffer.from('%PDF-1.7 …')), close: vi.fn(async () => undefined) };
  return { log, said, printer, shell: createBrowserShell({ printer, log, say: (line) => said.push(line) }) };
}

describe('the preview’s shell port', () => {
  it('records each call as the desktop adapter would receive it', async () => {
    const { log, said, shell } = previewShell();
    await shell.openExternal('mailto:ana@example.com?body=Hi%0D%0A%0D%0AThanks');
    shell.notify({ title: 'Thank Ana Ruiz', body: 'Due in 22 h.\nWithin a day.', reminderKey: 'thank_you:l1' });
    expect(log.calls()).toEqual([
      { kind: 'openExternal', url: 'mailto:ana@example.com?body=Hi%0D%0A%0D%0AThanks', at: AT.toISOString() },
      { kind: 'notify', title: 'Thank Ana Ruiz', body: 'Due in 22 h.\nWithin a day.', reminderKey: 'thank_you:l1', at: AT.toISOString() },
    ]);
    expect(said).toEqual(['Notification: Thank Ana Ruiz — Due in 22 h. Within a day.']);
    expect(shell.canNotify()).toBe(true);
  });

  it('records the tray only when what it shows changes', () => {
    const { log, shell } = previewShell();
    const due = { count: 1, items: [{ key: 'k', title: 'Debrief', when: 'due now' }] };
    shell.showDue(due);
    shell.showDue({ ...due, items: [...due.items] });
    shell.showDue({ count: 0, items: [] });
    expect(log.calls('showDue').map((call) => call.count)).toEqual([1, 0]);
  });

  it('prints with Chromium and records the print', async () => {
    const { log, printer, shell } = previewShell();
    const pdf = await shell.printer.pdf('<p>Hi</p>');
    expect(printer.pdf).toHaveBeenCalledWith('<p>Hi</p>');
    expect(log.calls('print')).toEqual([{ kind: 'print', bytes: pdf.length, at: AT.toISOString() }]);
    await shell.printer.close();
    expect(printer.close).toHaveBeenCalled();
  });

  it('waits for a call still to come, and says what it saw when none does', async () => {
    const { log, shell } = previewShell();
    const waiting = log.waitFor('openExternal', (call) => call.url.startsWith('https:'));
    await shell.openExternal('mailto:a@example.com');
    await shell.openExternal('https://jobs.example/1');
    await expect(waiting).resolves.toMatchObject({ url: 'https://jobs.example/1' });
    await expect(log.waitFor('notify', () => true, 20)).rejects.toThrow(/No matching notify call within 20 ms/);
  });
});
