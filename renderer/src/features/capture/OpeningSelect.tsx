import { SelectField } from '#renderer/ui/SelectField';

/** An opening as the capture dialogs offer it. */
export interface OpeningChoice {
  id: string;
  name: string;
}

interface OpeningSelectProps {
  openings: OpeningChoice[];
  value: string;
  error?: string;
  onChange(openingId: string): void;
}

/** Which opening an imported invite or e-mail belongs to, where the page did not say. */
export function OpeningSelect({ openings, value, error, onChange }: OpeningSelectProps) {
  return (
    <SelectField label="Opening" value={value} error={error} onChange={(event) => onChange(event.target.value)}>
      <option value="">Choose the opening…</option>
      {openings.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </SelectField>
  );
}
