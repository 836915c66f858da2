import type { VaultStats } from '#core/diagnostics/vault-stats';

/** What a bug report needs about this copy of Afterview and this computer. */
export interface DiagnosticsFacts {
  appVersion: string;
  isPackaged: boolean;
  versions: { electron: string; chrome: string; node: string; v8: string };
  os: { platform: NodeJS.Platform; release: string; systemVersion: string; arch: string };
  locale: string;
  /** Whether the vault is in the default place: its path can carry the user's name, so it is not written. */
  vaultInDefaultPlace: boolean;
  vault: VaultStats | { error: string };
  uptimeSeconds: number;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const OS_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/**
 * The text Help ▸ Copy Diagnostics puts on the clipboard: versions, the
 * system, and the vault's size and row counts. Never a title, a name, a note
 * or a path: nothing the user wrote, so it can be pasted into a public
 * bug report as it is.
 */
export function diagnosticsReport(facts: DiagnosticsFacts): string {
  const { versions, os } = facts;
  const lines = [
    `Afterview ${facts.appVersion}${facts.isPackaged ? '' : ' (development)'}`,
    `Electron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node} · V8 ${versions.v8}`,
    `System: ${OS_NAMES[os.platform] ?? os.platform} ${os.systemVersion} (${os.platform} ${os.release}, ${os.arch}) · locale ${facts.locale}`,
    `Running for ${Math.round(facts.uptimeSeconds / 60)} min`,
  ];
  if ('error' in facts.vault) {
    lines.push(`Vault: could not be measured (${facts.vault.error})`);
  } else {
    const vault = facts.vault;
    lines.push(
      `Vault: schema ${vault.schemaVersion} · database ${formatBytes(vault.databaseBytes)} · journal ${formatBytes(vault.journalBytes)} · ${vault.attachments.files} attachments, ${formatBytes(vault.attachments.bytes)} · ${facts.vaultInDefaultPlace ? 'in the default folder' : 'in a folder the user chose'}`,
      `Rows: ${Object.entries(vault.rows)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ')}`,
    );
  }
  return lines.join('\n');
}
