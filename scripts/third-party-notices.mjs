// Writes out/licenses/THIRD-PARTY-NOTICES.txt: every piece of open-source
// software the packaged app contains, each with its licence as it came with
// it. Help ▸ Open-Source Licences and About open this file; electron-builder
// copies it beside the app (extraResources), where the OS can open it.
// Runs after every build (npm run build), so it follows package-lock.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NOTICES_PATH = join('out', 'licenses', 'THIRD-PARTY-NOTICES.txt');
const RULE = '-'.repeat(72);

function licenceText(dir) {
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(name)) ?? readdirSync(dir).find((name) => /^(licen[cs]e|copying)/i.test(name));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null;
}

/** @param {string} root the project folder */
export function thirdPartyNotices(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const sections = [];

  const electronDir = join(root, 'node_modules', 'electron');
  const electron = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  sections.push(
    [
      `Electron ${electron.version} (MIT)`,
      licenceText(electronDir) ?? 'MIT',
      '',
      'Chromium and the other software inside Electron list their own licences in LICENSES.chromium.html, installed with Afterview beside its program file.',
    ].join('\n'),
  );

  // What the app carries at run time: every package npm installs for production, not the build and test tools.
  const shipped = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path, entry]) => ({ path, name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version, license: entry.license ?? 'see below' }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
  for (const entry of shipped) {
    const text = licenceText(join(root, entry.path));
    sections.push(`${entry.name} ${entry.version} (${entry.license})\n${text ?? `The package ships no licence file; it declares ${entry.license}.`}`);
  }

  for (const [dir, title] of [
    ['resources/fonts', 'Fonts embedded in printed and exported documents'],
    ['resources/dictionaries', 'Spelling dictionaries (SCOWL, wordlist.aspell.net)'],
  ]) {
    for (const name of readdirSync(join(root, dir))
      .filter((file) => /(^OFL-.*|\.LICENSE)\.txt$/.test(file))
      .sort()) {
      sections.push(`${title}: ${name.replace(/\.txt$/, '')}\n${readFileSync(join(root, dir, name), 'utf8').trim()}`);
    }
  }

  const header = `${pkg.productName ?? 'Afterview'} ${pkg.version} is built on the open-source software below, each listed with the licence it came with.`;
  return [header, ...sections].join(`\n\n${RULE}\n\n`) + '\n';
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const target = join(root, NOTICES_PATH);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, thirdPartyNotices(root));
  console.log(`[afterview] Licences of the software Afterview ships written to ${NOTICES_PATH}`);
}
