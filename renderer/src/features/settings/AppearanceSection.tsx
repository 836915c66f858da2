import { THEME_CHOICES, THEME_LABELS, type ThemeChoice } from '#shared/domain/theme';
import { Section } from '#renderer/ui/Section';
import { useThemeChoice } from '#renderer/theme';

const HINTS: Record<ThemeChoice, string> = {
  system: 'Light or dark as your computer is, switching when it does.',
  light: 'Always light.',
  dark: 'Always dark.',
};

/** Light, dark or as the system: applied at once and saved on its own, apart from the form's Save. */
export function AppearanceSection({ onChange }: { onChange(choice: ThemeChoice): void }) {
  // Follows the applied choice, so a switch from the command palette shows here too.
  const choice = useThemeChoice();
  return (
    <Section title="Appearance">
      <fieldset className="settings-group theme-choices">
        <legend className="sr-only">Theme</legend>
        {THEME_CHOICES.map((option) => (
          <label key={option} className="theme-choice">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={choice === option}
              onChange={() => onChange(option)}
            />
            <span className="theme-choice-text">
              <span className="theme-choice-label">{THEME_LABELS[option]}</span>
              <span className="field-hint">{HINTS[option]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
