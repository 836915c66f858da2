import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { viteAliases } from './import-aliases.config';

export default defineConfig({
  main: {
    resolve: { alias: viteAliases },
    build: {
      outDir: 'out/main',
      // The rewrite of a change of protection runs in a thread of its own, from its own file (electron/core/keys/rewrite-thread.ts).
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), 'rewrite-worker': resolve('electron/core/keys/rewrite-worker.ts') } },
    },
  },
  preload: {
    resolve: { alias: viteAliases },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    resolve: { alias: viteAliases },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer's parse time is the preview's start time.
      // AFTERVIEW_NO_MINIFY=1 keeps the names readable for a profile (docs/performance.md).
      minify: !process.env.AFTERVIEW_NO_MINIFY,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
