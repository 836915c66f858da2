import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { viteAliases } from './import-aliases.config';

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: viteAliases },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/vault/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        resolve: { alias: viteAliases },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
          // Run through vite, so that a test can watch the linkifyjs calls it makes (note-link.test.tsx).
          server: { deps: { inline: ['@tiptap/extension-link'] } },
          // Room for findBy*'s 10 s wait (see setup.ts) on a loaded machine.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias: viteAliases },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machines here have two cores.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias: viteAliases },
        test: {
          // The real app in Electron: only through `npm run test:desktop`, which checks that a binary is there.
          name: 'desktop',
          environment: 'node',
          include: ['tests/desktop/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
