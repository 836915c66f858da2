import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsService } from '#core/settings/service';
import { DEFAULT_SETTINGS, type Settings } from '#shared/domain/settings';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { insertLetter } from '#support/letter-rows';

let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z');
});
afterEach(() => core.cleanup());

describe('the settings service', () => {
  it('saves whole and tells each listener, in order, what changed from what', () => {
    const settings = createSettingsService(core.vault.db);
    const heard: string[] = [];
    settings.onSaved((next, previous) => heard.push(`first ${previous.theme}→${next.theme}`));
    settings.onSaved((next) => heard.push(`second ${next.theme}`));
    const saved = settings.save({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(saved.theme).toBe('dark');
    expect(settings.get().theme).toBe('dark');
    expect(heard).toEqual(['first system→dark', 'second dark']);
    // Another service over the same vault reads what was saved.
    expect(createSettingsService(core.vault.db).get().theme).toBe('dark');
  });

  it('still tells every listener when one fails, then passes the failure on; the settings stay saved', () => {
    const settings = createSettingsService(core.vault.db);
    const heard: Settings[] = [];
    settings.onSaved(() => {
      throw new Error('could not re-plan');
    });
    settings.onSaved((next) => heard.push(next));
    expect(() => settings.save({ ...DEFAULT_SETTINGS, closeToTray: false })).toThrow('could not re-plan');
    expect(heard).toHaveLength(1);
    expect(settings.get().closeToTray).toBe(false);
  });

  it('reads them again after a restore put other ones in the vault, and tells the listeners only when they differ', () => {
    const settings = createSettingsService(core.vault.db);
    settings.save({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const heard: string[] = [];
    settings.onSaved((next, previous) => heard.push(`${previous.theme}→${next.theme}`));
    expect(settings.reload().theme).toBe('dark');
    expect(heard).toEqual([]);
    // What a restore does underneath: another vault's row replaces this one.
    createSettingsService(core.vault.db).save({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(settings.get().theme).toBe('dark');
    expect(settings.reload().theme).toBe('light');
    expect(settings.get().theme).toBe('light');
    expect(heard).toEqual(['dark→light']);
  });

  it('stops telling a listener that unsubscribed', () => {
    const settings = createSettingsService(core.vault.db);
    let heard = 0;
    const stop = settings.onSaved(() => heard++);
    settings.save(DEFAULT_SETTINGS);
    stop();
    settings.save(DEFAULT_SETTINGS);
    expect(heard).toBe(1);
  });
});

describe('settings.get and settings.save', () => {
  it('re-plan the stored reminders with the new timings as they save, with no read in between', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await core.call('interviews.create', { openingId: opening.id, startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T10:00:00.000Z', timeZone: 'UTC', format: 'video' });
    core.vault.db.exec('DELETE FROM letters');
    const letter = insertLetter(core.vault.db, { openingId: opening.id, interviewId: interview.id, startedAt: '2026-03-03T10:00:00.000Z' });
    await core.call('reminders.agenda', undefined);
    const deadline = () => (core.vault.db.prepare('SELECT deadline_at AS at FROM reminders WHERE key = ?').get(`thank_you:${letter}`) as { at: string }).at;
    expect(deadline()).toBe('2026-03-04T10:00:00.000Z');

    const settings = await core.call('settings.get', undefined);
    const saved = await core.call('settings.save', { ...settings, playbook: { ...settings.playbook, thankYouDeadlineHours: 48 } });
    expect(saved.playbook.thankYouDeadlineHours).toBe(48);
    expect(deadline()).toBe('2026-03-05T10:00:00.000Z');
    expect((await core.call('settings.get', undefined)).playbook.thankYouDeadlineHours).toBe(48);
  });

  it('refuse settings out of range and save nothing', async () => {
    const before = core.fingerprint();
    const settings = await core.call('settings.get', undefined);
    const error = await core.fail('settings.save', { ...settings, playbook: { ...settings.playbook, thankYouDeadlineHours: -1 } });
    expect(error.code).toBe('INVALID_INPUT');
    expect(core.fingerprint()).toBe(before);
  });
});
