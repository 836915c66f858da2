import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PLAYBOOK, type PlaybookSettings } from '#shared/domain/playbook';
import { settingsSchema, type Settings } from '#shared/domain/settings';
import type { ThemeChoice } from '#shared/domain/theme';
import { ApiError, call } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { CheckboxField, TextAreaField } from '#renderer/ui/Field';
import { messageOf } from '#renderer/ui/message-of';
import { Section } from '#renderer/ui/Section';
import { TextField } from '#renderer/ui/TextField';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useSavedSettings } from '#renderer/saved-settings';
import { currentThemeChoice, saveThemeChoice } from '#renderer/theme';
import { ShortcutsButton } from '../shortcuts/ShortcutsButton';
import { AppearanceSection } from './AppearanceSection';
import { EncryptionSection } from './EncryptionSection';
import { NumberField } from './NumberField';
import { MailboxSection } from './MailboxSection';
import { OwnAddressesSection } from './OwnAddressesSection';
import { TipsSection } from './TipsSection';
import { boundsOf, defaultText, NUMBER_KEYS, numberProblem, orderProblems, PLAYBOOK_GROUPS, type NumberKey } from './playbookFields';
import './settings.css';

type PlaybookDraft = Omit<PlaybookSettings, NumberKey> & Record<NumberKey, string>;
/** The form's values: as Settings, but numbers as typed, so a half-typed "1." is not lost. */
type Draft = Omit<Settings, 'playbook'> & { playbook: PlaybookDraft };
/** Messages keyed by the setting's path ("playbook.thankYouDeadlineHours", "profile.name"), or "form". */
type Errors = Record<string, string>;

const loadSettings = () => call('settings.get');

function playbookDraft(playbook: PlaybookSettings): PlaybookDraft {
  const draft = { ...playbook } as unknown as PlaybookDraft;
  for (const key of NUMBER_KEYS) draft[key] = String(playbook[key]);
  return draft;
}

function toDraft(settings: Settings): Draft {
  return { ...settings, profile: { ...settings.profile }, quietHours: { ...settings.quietHours }, playbook: playbookDraft(settings.playbook) };
}

/** Checks everything the core will check, plus the order of the thank-you reminders; the settings to save when all is well. */
function validate(draft: Draft): { errors: Errors; settings?: Settings } {
  const errors: Errors = {};
  const numbers: Partial<Record<NumberKey, number>> = {};
  for (const spec of PLAYBOOK_GROUPS.flatMap((group) => group.fields)) {
    const problem = numberProblem(spec, draft.playbook[spec.key]);
    if (problem) errors[`playbook.${spec.key}`] = problem;
    else numbers[spec.key] = Number(draft.playbook[spec.key]);
  }
  for (const [key, problem] of Object.entries(orderProblems(numbers))) errors[`playbook.${key}`] ??= problem;
  const parsed = settingsSchema.safeParse({ ...draft, playbook: { ...draft.playbook, ...numbers } });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.length > 0 ? issue.path.map(String).join('.') : 'form'] ??= issue.message;
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { errors, settings: parsed.data };
}

/** An error from the core, on the field it names when the form has one. */
function errorsFromCore(caught: unknown, draft: Draft): Errors {
  if (caught instanceof ApiError && caught.field) {
    const paths = [
      'profile.name',
      'profile.address',
      ...Object.keys(draft.playbook).map((key) => `playbook.${key}`),
      'quietHours.enabled',
      'quietHours.start',
      'quietHours.end',
      'notifications',
      'launchAtLogin',
      'closeToTray',
    ];
    const field = caught.field;
    const path = paths.find((candidate) => candidate === field) ?? paths.find((candidate) => candidate.endsWith(`.${field}`));
    if (path) return { [path]: caught.message };
  }
  return { form: `The settings could not be saved: ${messageOf(caught)}` };
}

export function SettingsPage() {
  const loaded = useAsyncData(loadSettings);
  const toast = useToast();
  const shown = useSavedSettings();
  /** What the vault holds: as loaded, then as last saved. */
  const [saved, setSaved] = useState<Draft>();
  /** The form, once the user changed something; undefined means "as saved". */
  const [edited, setEdited] = useState<Draft>();
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();
  const [focusError, setFocusError] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const loadedDraft = useMemo(() => (loaded.data ? toDraft(loaded.data) : undefined), [loaded.data]);
  const stored = saved ?? loadedDraft;
  const draft = edited ?? stored;

  useEffect(() => {
    if (focusError > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError]);

  const dirty = !!edited && JSON.stringify(edited) !== JSON.stringify(stored);

  function clearError(path: string) {
    setErrors((current) => {
      if (!(path in current) && !current.form) return current;
      const next = { ...current };
      delete next[path];
      delete next.form;
      return next;
    });
  }

  function update(change: (current: Draft) => Draft, path: string) {
    const base = edited ?? stored;
    if (base) setEdited(change(base));
    clearError(path);
  }

  function checkNumber(key: NumberKey, raw: string) {
    const spec = PLAYBOOK_GROUPS.flatMap((group) => group.fields).find((field) => field.key === key)!;
    const problem = numberProblem(spec, raw);
    setErrors((current) => {
      const next = { ...current };
      if (problem) next[`playbook.${key}`] = problem;
      else delete next[`playbook.${key}`];
      return next;
    });
  }

  function restoreDefaults() {
    const base = edited ?? stored;
    if (base) setEdited({ ...base, playbook: playbookDraft(DEFAULT_PLAYBOOK) });
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('playbook.'))));
    setAnnouncement('The default timings are back in the form. Save to keep them.');
  }

  function discard() {
    setEdited(undefined);
    setErrors({});
    setAnnouncement('Changes discarded.');
  }

  /** Applied at once and saved on its own, so it never waits on (or sweeps along) the form's other changes. */
  async function changeTheme(theme: ThemeChoice) {
    try {
      await saveThemeChoice(theme);
      setSaved((previous) => (previous ? { ...previous, theme } : previous));
      setEdited((previous) => (previous ? { ...previous, theme } : previous));
      setAnnouncement(`Appearance set to ${theme === 'system' ? 'match the system' : theme}.`);
    } catch (caught) {
      toast.show(`The appearance applies now but could not be saved: ${messageOf(caught)}`, { tone: 'error' });
    }
  }

  async function save() {
    if (!draft) return;
    const { errors: found, settings } = validate(draft);
    setErrors(found);
    setAnnouncement(undefined);
    if (!settings) {
      setFocusError((count) => count + 1);
      return;
    }
    setSaving(true);
    try {
      // The theme on show is the one last chosen, here or from the command palette, which saves it on its own.
      const result = await call('settings.save', { ...settings, theme: currentThemeChoice() });
      setSaved(toDraft(result));
      // Every other screen shows the new values from now on.
      shown.replace(result);
      setEdited(undefined);
      setErrors({});
      toast.show('Settings saved.');
      setAnnouncement('Settings saved.');
    } catch (caught) {
      setErrors(errorsFromCore(caught, draft));
      setFocusError((count) => count + 1);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="page settings" aria-labelledby="settings-title">
      <header className="page-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="subtitle">Kept in your vault, on this computer.</p>
        </div>
      </header>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {loaded.error && !draft && <Alert tone="error">Your settings could not be loaded: {loaded.error}</Alert>}
      {!draft && !loaded.error && <p className="muted">Loading your settings…</p>}

      <AppearanceSection onChange={(theme) => void changeTheme(theme)} />

      <EncryptionSection />

      <Section title="Keyboard">
        <div className="shortcut-intro">
          <p className="muted">Everything in Afterview works from the keyboard. Press ? anywhere outside a text field to see the shortcuts.</p>
          <ShortcutsButton />
        </div>
      </Section>

      {draft && (
        <form
          ref={formRef}
          className="settings-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {errors.form && <Alert tone="error">{errors.form}</Alert>}

          <Section title="Profile">
            <p className="muted section-intro">Used to sign your letters and to head the printed copy.</p>
            <div className="form-grid">
              <TextField
                label="Your name"
                autoComplete="name"
                value={draft.profile.name}
                error={errors['profile.name']}
                onChange={(event) => update((current) => ({ ...current, profile: { ...current.profile, name: event.target.value } }), 'profile.name')}
              />
              <TextAreaField
                label="Postal address"
                autoComplete="street-address"
                rows={3}
                value={draft.profile.address}
                error={errors['profile.address']}
                onChange={(event) => update((current) => ({ ...current, profile: { ...current.profile, address: event.target.value } }), 'profile.address')}
              />
            </div>
          </Section>

          <Section
            title="Playbook timings"
            actions={
              <button type="button" className="button small" onClick={restoreDefaults}>
                Restore defaults
              </button>
            }
          >
            <p className="muted section-intro">
              When Afterview reminds you of each step. Hours are counted from the end of the interview unless said otherwise. A change applies at once, to letters
              not yet sent too; a sent letter keeps its dates.
            </p>
            {PLAYBOOK_GROUPS.map((group) => (
              <fieldset key={group.title} className="settings-group">
                <legend>{group.title}</legend>
                <div className="form-grid">
                  {group.fields.map((spec) => {
                    const { min, max, integer } = boundsOf(spec.key);
                    return (
                      <NumberField
                        key={spec.key}
                        label={spec.label}
                        unit={spec.unit.other}
                        hint={`${spec.hint} ${defaultText(spec)}`}
                        min={min}
                        max={max}
                        step={integer ? 1 : 'any'}
                        value={draft.playbook[spec.key]}
                        error={errors[`playbook.${spec.key}`]}
                        onChange={(event) => {
                          const raw = event.target.value;
                          update((current) => ({ ...current, playbook: { ...current.playbook, [spec.key]: raw } }), `playbook.${spec.key}`);
                        }}
                        onBlur={(event) => checkNumber(spec.key, event.target.value)}
                      />
                    );
                  })}
                </div>
              </fieldset>
            ))}
            <fieldset className="settings-group">
              <legend>LinkedIn and mornings</legend>
              <div className="form-grid">
                <CheckboxField
                  label="Hold LinkedIn invitations until the process is over"
                  hint="You are reminded to connect once the opening closes. Default: on."
                  checked={draft.playbook.linkedInHold}
                  onChange={(event) => update((current) => ({ ...current, playbook: { ...current.playbook, linkedInHold: event.target.checked } }), 'playbook.linkedInHold')}
                />
                <TextField
                  label="Morning reminders at"
                  type="time"
                  hint="When “tomorrow morning” and on-the-day reminders come due. Default: 09:00."
                  value={draft.playbook.morningTime}
                  error={errors['playbook.morningTime']}
                  onChange={(event) => update((current) => ({ ...current, playbook: { ...current.playbook, morningTime: event.target.value } }), 'playbook.morningTime')}
                />
              </div>
            </fieldset>
          </Section>

          <Section title="Quiet hours">
            <CheckboxField
              label="Keep notifications quiet at night"
              hint="Nothing pops up between these times; what comes due waits for you in Today."
              checked={draft.quietHours.enabled}
              onChange={(event) => update((current) => ({ ...current, quietHours: { ...current.quietHours, enabled: event.target.checked } }), 'quietHours.enabled')}
            />
            <div className="form-grid quiet-times">
              <TextField
                label="Quiet from"
                type="time"
                disabled={!draft.quietHours.enabled}
                value={draft.quietHours.start}
                error={errors['quietHours.start']}
                onChange={(event) => update((current) => ({ ...current, quietHours: { ...current.quietHours, start: event.target.value } }), 'quietHours.start')}
              />
              <TextField
                label="Quiet until"
                type="time"
                disabled={!draft.quietHours.enabled}
                value={draft.quietHours.end}
                error={errors['quietHours.end']}
                onChange={(event) => update((current) => ({ ...current, quietHours: { ...current.quietHours, end: event.target.value } }), 'quietHours.end')}
              />
            </div>
          </Section>

          <Section title="Notifications and startup">
            <CheckboxField
              label="Show desktop notifications"
              hint="When something comes due. Today and the tray show it either way; what comes due while they are off is shown once when you turn them back on."
              checked={draft.notifications}
              onChange={(event) => update((current) => ({ ...current, notifications: event.target.checked }), 'notifications')}
            />
            <CheckboxField
              label="Start Afterview when I log in"
              hint="It starts quietly in the tray, without opening a window, so reminders still reach you. Off unless you turn it on."
              checked={draft.launchAtLogin}
              onChange={(event) => update((current) => ({ ...current, launchAtLogin: event.target.checked }), 'launchAtLogin')}
            />
            <CheckboxField
              label="Keep running in the tray when I close the window"
              hint="Reminders keep coming; choose Quit in the tray menu to stop Afterview."
              checked={draft.closeToTray}
              onChange={(event) => update((current) => ({ ...current, closeToTray: event.target.checked }), 'closeToTray')}
            />
          </Section>

          <div className="settings-savebar">
            <p className="settings-state" aria-live="polite">
              {dirty ? (
                <>
                  <span className="unsaved-dot" aria-hidden="true" /> Unsaved changes
                </>
              ) : (
                'All changes saved'
              )}
            </p>
            <div className="form-actions">
              <button type="button" className="button" disabled={!dirty || saving} onClick={discard}>
                Discard changes
              </button>
              <button type="submit" className="button primary" disabled={!dirty || saving}>
                {saving ? 'Saving…' : 'Save settings'}
              </button>
            </div>
          </div>
        </form>
      )}
      <OwnAddressesSection />
      <MailboxSection />
      <TipsSection />
    </section>
  );
}
