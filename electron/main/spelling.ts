import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session } from 'electron';

/**
 * Spelling without the network. On Windows and Linux, Chromium checks
 * spelling with Hunspell dictionaries, and by default downloads them from a
 * Google server the first time. Afterview ships its own (resources/
 * dictionaries, built by scripts/build-dictionaries.sh from the SCOWL
 * dictionaries) and puts them where Chromium looks first, before any session
 * starts, so the download never happens. macOS uses the system's own spell
 * checker and downloads nothing.
 *
 * The trade-off: on Windows and Linux spelling is checked in English (US,
 * UK, Canadian or Australian, as the system prefers); text in another
 * language is not checked against that language's words.
 */
export const SHIPPED_LANGUAGES = ['en-US', 'en-GB', 'en-CA', 'en-AU'] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

/** The name Chromium asks for (components/spellcheck/common/spellcheck_common.cc); scripts/build-dictionaries.sh writes the same. */
export function dictionaryFileName(language: ShippedLanguage): string {
  return `${language}-10-1.bdic`;
}

/** Where Chromium looks for dictionaries in Electron: "Dictionaries" in the session-data folder. */
export function chromiumDictionariesDir(sessionDataDir: string): string {
  return join(sessionDataDir, 'Dictionaries');
}

/**
 * The dictionaries to check with, from the system's preferred languages:
 * each English one we ship, in the user's order. English variants without
 * a dictionary of their own (New Zealand, Ireland, India…) write British
 * spelling; with no English at all, US English.
 */
export function spellCheckLanguages(preferred: readonly string[]): ShippedLanguage[] {
  const chosen: ShippedLanguage[] = [];
  for (const tag of preferred) {
    // "en-GB", "en_GB", "en_GB.UTF-8", "en-Latn-GB": the language, then the two-letter region if any.
    const [language, ...subtags] = (tag.split(/[.@]/)[0] ?? '').replace(/_/g, '-').split('-');
    const region = subtags.find((subtag) => /^[a-z]{2}$/i.test(subtag));
    if (language?.toLowerCase() !== 'en') continue;
    const exact = SHIPPED_LANGUAGES.find((shipped) => shipped.toLowerCase() === `en-${region ?? ''}`.toLowerCase());
    const pick = exact ?? (region ? 'en-GB' : 'en-US');
    if (!chosen.includes(pick)) chosen.push(pick);
  }
  return chosen.length > 0 ? chosen : ['en-US'];
}

function sameFile(a: string, b: string): boolean {
  if (!existsSync(b) || statSync(a).size !== statSync(b).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

export interface InstallOptions {
  platform: NodeJS.Platform;
  /** resources/dictionaries inside the app. */
  shippedDir: string;
  /** app.getPath('sessionData'): Chromium's profile folder for the default session. */
  sessionDataDir: string;
  languages: readonly ShippedLanguage[];
  log: { warn(...args: unknown[]): void };
}

/**
 * Must run before the app is ready: the default session starts its spell
 * checker as it is created, and asks for the dictionaries of the languages
 * in its preferences at once. So this (1) copies each shipped dictionary
 * into Chromium's folder unless an identical copy is there (a damaged or
 * older one is replaced, whole: written beside it, then renamed), and
 * (2) writes the chosen languages into the session's Preferences file, so
 * that even on the first start Chromium asks only for dictionaries it has,
 * whatever the system's locale. Returns Chromium's dictionary folder.
 */
export function installDictionaries({ platform, shippedDir, sessionDataDir, languages, log }: InstallOptions): string {
  const target = chromiumDictionariesDir(sessionDataDir);
  // macOS checks spelling with the system's spell checker: Chromium asks for no dictionary there.
  if (platform === 'darwin') return target;
  try {
    mkdirSync(target, { recursive: true });
    for (const language of SHIPPED_LANGUAGES) {
      const name = dictionaryFileName(language);
      const source = join(shippedDir, name);
      const destination = join(target, name);
      if (sameFile(source, destination)) continue;
      copyFileSync(source, `${destination}.partial`);
      renameSync(`${destination}.partial`, destination);
    }
  } catch (error) {
    log.warn('The spelling dictionaries could not be put in place; spelling may not be checked', error);
  }
  seedLanguagePreference(join(sessionDataDir, 'Preferences'), languages, log);
  return target;
}

/** Sets spellcheck.dictionaries in Chromium's Preferences (JSON), keeping everything else; a file it cannot read is left alone. */
function seedLanguagePreference(file: string, languages: readonly string[], log: { warn(...args: unknown[]): void }): void {
  try {
    const preferences = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    if (typeof preferences !== 'object' || preferences === null || Array.isArray(preferences)) return;
    const spellcheck = (typeof preferences.spellcheck === 'object' && preferences.spellcheck !== null ? preferences.spellcheck : {}) as Record<string, unknown>;
    if (JSON.stringify(spellcheck.dictionaries) === JSON.stringify(languages)) return;
    preferences.spellcheck = { ...spellcheck, dictionaries: [...languages] };
    writeFileSync(`${file}.partial`, JSON.stringify(preferences));
    renameSync(`${file}.partial`, file);
  } catch (error) {
    log.warn('The spelling languages could not be set before start', error);
  }
}

export interface SpellCheckerOptions {
  platform: NodeJS.Platform;
  languages: readonly ShippedLanguage[];
  /** Chromium's dictionary folder, from installDictionaries. */
  dictionariesDir: string;
  log: { info(...args: unknown[]): void; warn(...args: unknown[]): void };
}

type SpellingSession = Pick<Session, 'setSpellCheckerDictionaryDownloadURL' | 'setSpellCheckerLanguages'> & {
  on(event: 'spellcheck-dictionary-download-begin' | 'spellcheck-dictionary-download-failure' | 'spellcheck-dictionary-initialized', listener: (event: unknown, languageCode: string) => void): unknown;
};

/**
 * Once the app is ready. Should Chromium still want a dictionary (one
 * deleted while the app runs), its download address is the local folder,
 * file://, which its network loader does not fetch: it fails on this
 * computer, and spelling for that language is off until the next start puts
 * the file back. Every attempt is logged.
 */
export function configureSpellChecker(session: SpellingSession, { platform, languages, dictionariesDir, log }: SpellCheckerOptions): void {
  // macOS: the system spell checker; Electron's language and download settings do nothing there.
  if (platform === 'darwin') return;
  session.setSpellCheckerDictionaryDownloadURL(pathToFileURL(join(dictionariesDir, '/')).href);
  session.setSpellCheckerLanguages([...languages]);
  session.on('spellcheck-dictionary-initialized', (_event, language) => log.info(`Spelling dictionary ready: ${language}`));
  session.on('spellcheck-dictionary-download-begin', (_event, language) => log.warn(`Chromium asked for a spelling dictionary it lacks (${language}); it is not downloaded`));
  session.on('spellcheck-dictionary-download-failure', (_event, language) => log.warn(`No spelling dictionary for ${language}`));
}
