import { join } from 'node:path';
import { build } from 'vite';
import { viteAliases } from '../../import-aliases.config';

/**
 * Bundles a script for plain Node, packages left as imports, the way
 * electron-vite bundles the main process: its memory is then the app's, not
 * that of a transpiler loaded beside it. Returns the file to run.
 */
export async function bundleForNode(entry: string, outDir: string): Promise<string> {
  const fileName = 'entry.mjs';
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: viteAliases },
    build: { ssr: entry, outDir, emptyOutDir: true, target: 'node20', minify: false, rollupOptions: { output: { format: 'es', entryFileNames: fileName } } },
  });
  return join(outDir, fileName);
}
