import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMailto } from '#shared/domain/mailto';
import { coreHarness, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
afterEach(() => core.vault.cleanup());

function withShell(openExternal = vi.fn<(url: string) => Promise<void>>().mockResolvedValue(undefined)) {
  core = coreHarness(undefined, { shell: { openExternal } });
  return openExternal;
}

describe('shell.openExternal: the one way a link leaves the app', () => {
  it('hands a multi-paragraph thank-you to the shell exactly as buildMailto wrote it', async () => {
    const openExternal = withShell();
    const { url } = buildMailto('ana@northwind.example', 'Thank you', 'Dear Ana,\n\nThank you.\n\nOne more thing.\n\nKind regards,\nSam');
    expect(await core.call('shell.openExternal', { url })).toEqual({ url });
    expect(openExternal.mock.calls).toEqual([[url]]);
  });

  it('refuses a hostile link with the policy’s reason and never reaches the shell', async () => {
    const openExternal = withShell();
    const error = await core.fail('shell.openExternal', { url: 'mailto:ana@example.com?attach=/home/u/.ssh/id_rsa' });
    expect(error).toEqual({ code: 'INVALID_INPUT', field: 'url', message: expect.stringMatching(/asks your mail app for “attach”/) });
    expect((await core.fail('shell.openExternal', { url: 'file:///etc/passwd' })).message).toMatch(/could open files or run programs/);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('says so when the system could not open it', async () => {
    withShell(vi.fn<(url: string) => Promise<void>>().mockRejectedValue(new Error('Failed to open: no handler')));
    const error = await core.fail('shell.openExternal', { url: 'mailto:ana@example.com' });
    expect(error.message).toBe('Your computer did not open the link. It may have no app for e-mails: is a mail app set up? Copy the text instead.');
    expect(core.logged).toEqual([]);
  });
});
