/**
 * A child process for the backup crash test: makes backups of a vault with
 * photos through the real core, one after another, and prints each file name
 * once the backup is made. The parent kills it with SIGKILL at a random moment.
 */
import { createBackups } from '#core/backup/backups';
import { openVault } from '#core/vault/connection';

const [vaultPath] = process.argv.slice(2) as [string];
const vault = openVault(vaultPath);
const backups = createBackups({ vaultPath, db: vault.db, attachmentsDir: vault.attachmentsDir, appVersion: 'crash-test' });
process.stdout.write('ready\n');
// Real time: each backup, in this run or a later one, is newer than every one before it.
for (;;) {
  const backup = await backups.create('manual', new Date());
  process.stdout.write(`${backup.fileName}\n`);
}
