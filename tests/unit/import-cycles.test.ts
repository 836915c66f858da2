import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { IMPORT_ALIASES } from '../../import-aliases.config';

const ROOT = resolve(__dirname, '../..');
const SOURCES = ['electron', 'shared', 'renderer/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative or aliased specifier names, as the bundler resolves it (extension or index added). */
function resolveImport(from: string, specifier: string): string | undefined {
  const alias = Object.entries(IMPORT_ALIASES).find(([prefix]) => specifier.startsWith(prefix));
  if (!alias && !specifier.startsWith('.')) return undefined;
  const base = alias ? resolve(ROOT, alias[1], specifier.slice(alias[0].length)) : resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every import, type-only ones included: a cycle of types still ties two modules' designs together. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    graph.set(file, importedFiles.map(({ fileName }) => resolveImport(file, fileName)).filter((path): path is string => path !== undefined));
  }
  return graph;
}

/** Strongly connected components of more than one module (Tarjan), each as its files. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(relative(ROOT, member));
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph', () => {
  it.each(['tsconfig.base.json', 'tsconfig.json'])('resolves the same aliases in %s (TypeScript, tsx) as in Vite and Vitest', (file) => {
    const { config } = ts.parseConfigFileTextToJson(file, readFileSync(join(ROOT, file), 'utf8')) as { config: { compilerOptions: { paths: Record<string, string[]> } } };
    const aliases = Object.entries(config.compilerOptions.paths).filter(([alias]) => alias.startsWith('#'));
    const fromTsconfig = Object.fromEntries(aliases.map(([alias, [target]]) => [alias.replace(/\*$/, ''), target!.replace(/^\.\//, '').replace(/\*$/, '')]));
    expect(fromTsconfig).toEqual(IMPORT_ALIASES);
  });

  it('gives tsx (which reads tsconfig.json) no mapping to a type declaration, which it would run as code', () => {
    const { config } = ts.parseConfigFileTextToJson('tsconfig.json', readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { config: { extends?: string; compilerOptions: { paths: Record<string, string[]> } } };
    expect(config.extends).toBeUndefined();
    expect(Object.values(config.compilerOptions.paths).flat().filter((target) => target.endsWith('.d.ts'))).toEqual([]);
  });

  it('follows aliased imports, so a cycle through them is seen too', () => {
    const graph = importGraph();
    const handlers = join(ROOT, 'electron/core/handlers/types.ts');
    expect(graph.get(handlers)).toContain(join(ROOT, 'shared/ipc/contract.ts'));
  });

  it('has no cycle, not even through type-only imports', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(300);
    expect(cycles(graph)).toEqual([]);
  });

  it('would see a cycle of two modules', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((name) => join(ROOT, name)) as [string, string, string];
    expect(cycles(new Map([[a, [b]], [b, [a]], [c, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });
});
