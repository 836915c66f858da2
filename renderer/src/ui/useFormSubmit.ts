import { useCallback, useState } from 'react';
import { errorsFromApi, type FieldErrors } from './forms';

export interface FormSubmit {
  /** One message per field, and `form` for what is about none of them. */
  errors: FieldErrors;
  /** True while the form's values are on their way to the core. */
  busy: boolean;
  /**
   * Shows the problems found before sending (the core's own schema, checked
   * here) and stops; with none, sends: busy meanwhile, and what the core
   * refuses shown beside its field or for the whole form.
   */
  submit(problems: FieldErrors, send: () => Promise<unknown>): Promise<void>;
  /** Forgets the messages, when the form is put away. */
  clear(): void;
}

const hasProblems = (errors: FieldErrors) => Object.values(errors).some(Boolean);

/**
 * The submit of every form that saves to the vault, so each one checks,
 * waits and reports a refusal the same way. `fields` are the names the core
 * may blame (none: every refusal is for the whole form); `errorsOf` reads a refusal some other way (a conflict that is
 * always about one field).
 */
export function useFormSubmit(fields: readonly string[] = [], errorsOf?: (caught: unknown) => FieldErrors): FormSubmit {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(problems: FieldErrors, send: () => Promise<unknown>) {
    if (hasProblems(problems)) {
      setErrors(problems);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send();
    } catch (caught) {
      setErrors(errorsOf ? errorsOf(caught) : errorsFromApi(caught, fields));
    } finally {
      setBusy(false);
    }
  }

  const clear = useCallback(() => setErrors({}), []);
  return { errors, busy, submit, clear };
}
