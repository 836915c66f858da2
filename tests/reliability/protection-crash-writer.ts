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

const [vaultPath, passphrase] = process.argv.slice(2) as [string, string];
/** Cheap, so a run makes many changes; the file records it like any other cost. */
const COST = { N: 2 ** 10, r: 8, p: 1 };

// Says when the thread begins writing (after its start-up, which writes nothing): the parent's kill clock starts there.
let said = false;
const inThread = stageInThread(({ step }) => {
  if (step !== 'database' || said) return;
  said = true;
  process.stdout.write('staging\n');
});
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
