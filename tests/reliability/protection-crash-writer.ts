/**
 * A child process for the protection crash test: turns a closed vault's
 * encryption on, changes its key, turns it off, over and over, through the
 * real core (changeProtection, its heavy part in the rewrite thread, as the
 * app runs it), and prints the state after each change. The parent kills it
 * with SIGKILL at a random moment: the thread dies with the process.
 */
import { finishProtectionChange, changeProtection } from '#core/keys/change-protection';
import { DEFAULT_LOCK_POLICY, readKeyFile } from '#core/keys/key-file';
import { keyFromPassphrase, newVaultKey, protectWithPassphrase } from '#core/keys/protection';
import { stageInThread } from '#core/keys/rewrite-thread';

/** The rewrite thread's code, bundled as the desktop app's is (the parent bundles it once). */
const [vaultPath, passphrase, workerFile] = process.argv.slice(2) as [string, string, string];
/** Cheap, so a run makes many changes; the file records it like any other cost. */
const COST = { N: 2 ** 10, r: 8, p: 1 };

const inThread = stageInThread(() => undefined, { file: workerFile });
finishProtectionChange(vaultPath);
process.stdout.write('ready\n');
for (;;) {
  const keyFile = readKeyFile(vaultPath);
  const from = keyFile?.protection?.method === 'passphrase' ? await keyFromPassphrase(keyFile.protection, passphrase) : null;
  // Plain → encrypted → another key → plain → …
  const encryptNext = !from || Math.random() < 0.5;
  if (encryptNext) {
    const to = newVaultKey();
    const { protection } = await protectWithPassphrase(to, passphrase, COST);
    await changeProtection({ vaultPath, from, to, protection, lock: DEFAULT_LOCK_POLICY }, inThread);
    process.stdout.write(from ? 'rekeyed\n' : 'encrypted\n');
  } else {
    await changeProtection({ vaultPath, from, to: null, protection: null, lock: DEFAULT_LOCK_POLICY }, inThread);
    process.stdout.write('decrypted\n');
  }
}
