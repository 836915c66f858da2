import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readPassphraseFile } from './passphrase-file';
import { startPreviewServer } from './server';

/**
 * `npm run preview:web [-- --vault path] [--port n] [--passphrase-file path]`:
 * the app in a browser, over a real vault. An encrypted vault shows the unlock
 * screen, unless --passphrase-file names a file whose first line is its passphrase.
 */
const { values } = parseArgs({
  options: { vault: { type: 'string' }, port: { type: 'string' }, 'passphrase-file': { type: 'string' } },
});

const rendererDir = resolve('out/renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run "npm run build" first (npm run preview:web does it for you).');
  process.exit(1);
}
const temporary = !values.vault;
const vaultPath = values.vault ? resolve(values.vault) : join(mkdtempSync(join(tmpdir(), 'afterview-preview-')), 'vault.afterview.sqlite');
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(1);
}

let passphrase: string | undefined;
if (values['passphrase-file']) {
  try {
    passphrase = readPassphraseFile(resolve(values['passphrase-file']));
  } catch (error) {
    console.error(`--passphrase-file could not be read: ${(error as Error).message}`);
    process.exit(1);
  }
}

try {
  const server = await startPreviewServer({ vaultPath, rendererDir, port, passphrase });
  console.log(`Afterview preview over ${temporary ? 'a temporary vault' : 'the vault'} at ${vaultPath}`);
  console.log(`Open ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Afterview preview could not start: ${(error as Error).message}`);
  process.exit(1);
}
