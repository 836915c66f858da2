import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * The project's import aliases, one list for every tool that resolves them:
 * TypeScript and tsx read `paths` in tsconfig.base.json (a unit test keeps
 * the two equal); Vite, electron-vite and Vitest get them here.
 */
export const IMPORT_ALIASES: Record<string, string> = {
  '#core/': 'electron/core/',
  '#main/': 'electron/main/',
  '#preview/': 'electron/preview/',
  '#renderer/': 'renderer/src/',
  '#shared/': 'shared/',
  '#support/': 'tests/support/',
};

/** The aliases as Vite's `resolve.alias`, rooted at the project folder. */
export const viteAliases = Object.entries(IMPORT_ALIASES).map(([alias, folder]) => ({
  find: new RegExp(`^${alias}`),
  replacement: `${resolve(ROOT, folder)}/`,
}));
