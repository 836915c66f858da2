export declare const ENGINE_PACKAGE: string;
export declare const REBUILD_COMMAND: string;
export declare function checkSqliteEngine(options: { root: string; load?: (packageDir: string) => void; log?: (line: string) => void }): 'ready' | 'missing';
export declare function missingEngineMessage(error: unknown): string;
export declare function buildSqliteEngine(options: { root: string; env?: Record<string, string | undefined> }): number;
