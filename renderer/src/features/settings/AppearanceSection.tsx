import { useState } from 'react';
import { THEME_CHOICES, THEME_LABELS, type ThemeChoice } from '../../../../shared/domain/theme';
import { Section } from '../../ui/Section';
import { currentThemeChoice } from '../../theme';

const HINTS: Record<ThemeChoice, string> = {
  system: 'Light or dark as your computer is, switching when it does.',
  light: 'Always light.',
  dark: 'Always dark.',
};

/** Light, dark or as the system: applied at once and saved on its own, apart from the form's Save. */
export function AppearanceSection({ onChange }: { onChange(choice: ThemeChoice): void }) {
  const [choice, setChoice] = useState<ThemeChoice>(currentThemeChoice);
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
              onChange={() => {
                setChoice(option);
                onChange(option);
              }}
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
