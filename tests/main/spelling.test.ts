import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { chromiumDictionariesDir, configureSpellChecker, dictionaryFileName, installDictionaries, SHIPPED_LANGUAGES, spellCheckLanguages } from '#main/spelling';
import { tempDir, type TempDir } from '#support/temp-vault';

vi.mock('electron', () => ({}));

const SHIPPED = resolve('resources/dictionaries');
const log = { info: vi.fn(), warn: vi.fn() };

let dir: TempDir;
beforeEach(() => {
  dir = tempDir('afterview-spelling-');
  log.warn.mockClear();
});
afterEach(() => dir.remove());

describe('the shipped dictionaries', () => {
  it('are Chromium dictionaries (BDic), one per language, each with its licence, and packaged with the app', () => {
    for (const language of SHIPPED_LANGUAGES) {
      const bytes = readFileSync(join(SHIPPED, dictionaryFileName(language)));
      expect(bytes.subarray(0, 4).toString('latin1'), language).toBe('BDic');
      expect(bytes.length).toBeGreaterThan(100_000);
      expect(readFileSync(join(SHIPPED, `${language}.LICENSE.txt`), 'utf8')).toMatch(/Kevin Atkinson/);
    }
    const builder = parse(readFileSync(resolve('electron-builder.yml'), 'utf8')) as { files: string[] };
    expect(builder.files).toContain('resources/dictionaries/**');
  });
});

describe('spelling languages', () => {
  it('follows the English the system prefers, and falls back to US English', () => {
    expect(spellCheckLanguages(['en-GB', 'fr-FR'])).toEqual(['en-GB']);
    expect(spellCheckLanguages(['en_CA'])).toEqual(['en-CA']);
    expect(spellCheckLanguages(['en_AU.UTF-8', 'en'])).toEqual(['en-AU', 'en-US']);
    expect(spellCheckLanguages(['en-Latn-US'])).toEqual(['en-US']);
    expect(spellCheckLanguages(['en-NZ', 'en-US'])).toEqual(['en-GB', 'en-US']);
    expect(spellCheckLanguages(['en'])).toEqual(['en-US']);
    expect(spellCheckLanguages(['de-DE'])).toEqual(['en-US']);
    expect(spellCheckLanguages([])).toEqual(['en-US']);
  });
});

describe('before the app is ready', () => {
  it("puts every dictionary where Chromium looks first, so it has nothing to download", () => {
    const target = installDictionaries({ platform: 'linux', shippedDir: SHIPPED, sessionDataDir: dir.dir, languages: ['en-US'], log });
    expect(target).toBe(chromiumDictionariesDir(dir.dir));
    expect(readdirSync(target).sort()).toEqual(SHIPPED_LANGUAGES.map(dictionaryFileName).sort());
    for (const language of SHIPPED_LANGUAGES) {
      expect(readFileSync(join(target, dictionaryFileName(language))).equals(readFileSync(join(SHIPPED, dictionaryFileName(language))))).toBe(true);
    }
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('leaves an identical copy alone and replaces a damaged one', () => {
    const target = installDictionaries({ platform: 'linux', shippedDir: SHIPPED, sessionDataDir: dir.dir, languages: ['en-US'], log });
    const us = join(target, dictionaryFileName('en-US'));
    const gb = join(target, dictionaryFileName('en-GB'));
    utimesSync(us, new Date(2000, 0, 1), new Date(2000, 0, 1));
    writeFileSync(gb, 'truncated');
    installDictionaries({ platform: 'linux', shippedDir: SHIPPED, sessionDataDir: dir.dir, languages: ['en-US'], log });
    expect(statSync(us).mtime.getFullYear()).toBe(2000);
    expect(readFileSync(gb).subarray(0, 4).toString('latin1')).toBe('BDic');
    expect(readdirSync(target).some((name) => name.endsWith('.partial'))).toBe(false);
  });

  it("writes the languages into the session's Preferences, keeping Chromium's other settings, so even the first start asks for no other dictionary", () => {
    installDictionaries({ platform: 'linux', shippedDir: SHIPPED, sessionDataDir: dir.dir, languages: ['en-GB'], log });
    expect(JSON.parse(readFileSync(join(dir.dir, 'Preferences'), 'utf8'))).toEqual({ spellcheck: { dictionaries: ['en-GB'] } });

    writeFileSync(join(dir.dir, 'Preferences'), JSON.stringify({ zoom: { level: 1 }, spellcheck: { dictionaries: ['de-DE'], use_spelling_service: false } }));
    installDictionaries({ platform: 'linux', shippedDir: SHIPPED, sessionDataDir: dir.dir, languages: ['en-US', 'en-GB'], log });
    expect(JSON.parse(readFileSync(join(dir.dir, 'Preferences'), 'utf8'))).toEqual({ zoom: { level: 1 }, spellcheck: { dictionaries: ['en-US', 'en-GB'], use_spelling_service: false } });
  });

  it('never damages a Preferences file it cannot read', () => {
    writeFileSync(join(dir.dir, 'Preferences'), '{ not json');
    installDictionaries({ platform: 'linux', shippedDir: SHIPPED, sessionDataDir: dir.dir, languages: ['en-US'], log });
    expect(readFileSync(join(dir.dir, 'Preferences'), 'utf8')).toBe('{ not json');
    expect(log.warn).toHaveBeenCalled();
  });

  it('a missing shipped folder is logged, not fatal', () => {
    mkdirSync(dir.file('empty'));
    expect(() => installDictionaries({ platform: 'linux', shippedDir: dir.file('empty'), sessionDataDir: dir.dir, languages: ['en-US'], log })).not.toThrow();
    expect(log.warn).toHaveBeenCalled();
  });
});

describe('once the app is ready', () => {
  function session() {
    return { setSpellCheckerDictionaryDownloadURL: vi.fn(), setSpellCheckerLanguages: vi.fn(), on: vi.fn() };
  }

  it('on Windows and Linux, sets the languages and points any download at the local folder, never the network', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const ses = session();
      const dictionariesDir = chromiumDictionariesDir(dir.dir);
      configureSpellChecker(ses, { platform, languages: ['en-GB'], dictionariesDir, log });
      const url = ses.setSpellCheckerDictionaryDownloadURL.mock.calls[0]![0] as string;
      expect(url).toMatch(/^file:\/\/.*\/$/);
      expect(fileURLToPath(url)).toBe(join(dictionariesDir, '/'));
      expect(ses.setSpellCheckerLanguages).toHaveBeenCalledWith(['en-GB']);
      // Any download Chromium still tries is logged.
      expect(ses.on.mock.calls.map(([event]) => event)).toContain('spellcheck-dictionary-download-begin');
    }
  });

  it('on macOS leaves spelling to the system spell checker', () => {
    installDictionaries({ platform: 'darwin', shippedDir: SHIPPED, sessionDataDir: dir.dir, languages: ['en-US'], log });
    expect(existsSync(chromiumDictionariesDir(dir.dir))).toBe(false);
    const ses = session();
    configureSpellChecker(ses, { platform: 'darwin', languages: ['en-US'], dictionariesDir: dir.dir, log });
    expect(ses.setSpellCheckerDictionaryDownloadURL).not.toHaveBeenCalled();
    expect(ses.setSpellCheckerLanguages).not.toHaveBeenCalled();
    expect(existsSync(dir.file('Preferences'))).toBe(false);
  });
});
