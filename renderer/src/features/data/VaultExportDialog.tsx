import { useId, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH, type ProtectionMethod } from '#shared/domain/encryption';
import type { ZipProtection } from '#shared/domain/data-export';
import { call } from '#renderer/api';
import { CheckboxField } from '#renderer/ui/Field';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { FormDialog } from '../letters/FormDialog';

/** Where the export goes and how it is protected, as the user chose it. */
export interface VaultExportChoice {
  target: 'zip' | 'folder';
  protection: ZipProtection;
}

interface VaultExportDialogProps {
  /** The desktop app can write a folder as well as a .zip; the preview downloads a .zip only. */
  canWriteFolder: boolean;
  /** How the vault itself is kept: its passphrase can protect the zip too. */
  vaultProtection: ProtectionMethod;
  onExport(choice: VaultExportChoice): void;
  onCancel(): void;
}

type Which = 'vault' | 'other';

/**
 * Asks, before a whole-vault export, where it goes and whether the .zip is
 * protected with a passphrase: the vault's own (checked by the core, never
 * kept) or another typed twice. Says plainly when the export will be
 * readable by anyone, and that a folder cannot be protected.
 */
export function VaultExportDialog({ canWriteFolder, vaultProtection, onExport, onCancel }: VaultExportDialogProps) {
  const encrypted = vaultProtection !== 'none';
  const hasPassphrase = vaultProtection === 'passphrase';
  const [target, setTarget] = useState<'zip' | 'folder'>('zip');
  // An encrypted vault's export is protected unless the user says otherwise.
  const [protect, setProtect] = useState(encrypted);
  const [which, setWhich] = useState<Which>(hasPassphrase ? 'vault' : 'other');
  const [fields, setFields] = useState({ vault: '', passphrase: '', again: '' });
  const { errors, busy, submit } = useFormSubmit(['passphrase']);
  const targetName = useId();
  const whichName = useId();
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value }));

  const protectedZip = target === 'zip' && protect;
  const usesVault = protectedZip && hasPassphrase && which === 'vault';

  function chosen(): { problems: Record<string, string | undefined>; protection: ZipProtection } {
    if (!protectedZip) return { problems: {}, protection: { kind: 'none' } };
    if (usesVault) return { problems: { vault: fields.vault ? undefined : 'Type your vault’s passphrase.' }, protection: { kind: 'vaultPassphrase', passphrase: fields.vault } };
    const problems = {
      passphrase: [...fields.passphrase].length < MIN_PASSPHRASE_LENGTH ? `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.` : undefined,
      again: fields.again !== fields.passphrase ? 'The two passphrases differ. Type the same one twice.' : undefined,
    };
    return { problems, protection: { kind: 'newPassphrase', passphrase: fields.passphrase } };
  }

  function start() {
    const { problems, protection } = chosen();
    return submit(problems, async () => {
      // The core checks the passphrase first, so a wrong one is said here, beside its field.
      if (protection.kind !== 'none') await call('exports.checkZipProtection', { protection });
      onExport({ target, protection });
    });
  }

  const passphraseError = usesVault ? (errors.vault ?? errors.passphrase) : errors.passphrase;
  const submitLabel = target === 'folder' ? 'Choose a folder…' : canWriteFolder ? 'Save .zip…' : 'Download .zip';
  return (
    <FormDialog title="Export the whole vault" submitLabel={busy ? 'Checking…' : submitLabel} busy={busy} error={errors.form} onSubmit={() => void start()} onCancel={onCancel}>
      {canWriteFolder && (
        <fieldset className="export-choice">
          <legend>Save it as</legend>
          <label>
            <input type="radio" name={targetName} value="zip" checked={target === 'zip'} onChange={() => setTarget('zip')} />
            One .zip file, which can be protected with a passphrase
          </label>
          <label>
            <input type="radio" name={targetName} value="folder" checked={target === 'folder'} onChange={() => setTarget('folder')} />
            A folder of files
          </label>
        </fieldset>
      )}
      {target === 'folder' && <p className="field-hint">A folder cannot be protected with a passphrase. To protect the export, save it as a .zip file.</p>}
      {target === 'zip' && (
        <CheckboxField
          label="Protect with a passphrase"
          checked={protect}
          hint="Every file in the .zip is encrypted with AES-256. Without the passphrase nobody can open it, and Afterview cannot recover it for you."
          onChange={(event) => setProtect(event.target.checked)}
        />
      )}
      {protectedZip && hasPassphrase && (
        <fieldset className="export-choice">
          <legend>Which passphrase?</legend>
          <label>
            <input type="radio" name={whichName} value="vault" checked={which === 'vault'} onChange={() => setWhich('vault')} />
            The one that opens my vault
          </label>
          <label>
            <input type="radio" name={whichName} value="other" checked={which === 'other'} onChange={() => setWhich('other')} />
            Another passphrase, just for this export
          </label>
        </fieldset>
      )}
      {usesVault && <TextField label="Your vault’s passphrase" type="password" autoComplete="current-password" value={fields.vault} error={passphraseError} onChange={set('vault')} />}
      {protectedZip && !usesVault && (
        <>
          <TextField
            label="Passphrase for this export"
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`}
            value={fields.passphrase}
            error={passphraseError}
            onChange={set('passphrase')}
          />
          <TextField label="The same passphrase again" type="password" autoComplete="new-password" value={fields.again} error={errors.again} onChange={set('again')} />
        </>
      )}
      {protectedZip && (
        <p className="field-hint" role="note">
          The unzip built into macOS and Windows may not open a protected .zip. 7-Zip, Keka and Afterview itself do.
        </p>
      )}
      {!protectedZip && encrypted && (
        <p className="data-warning" role="note">
          <strong>This export will not be protected.</strong> Your vault is encrypted, but the export is not: anyone with this {target === 'folder' ? 'folder' : 'file'} can read it.
        </p>
      )}
    </FormDialog>
  );
}
