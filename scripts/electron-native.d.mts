export declare const REBUILD_COMMAND: string;
export declare function prepareElectronSqlite(options: {
  root: string;
  force?: boolean;
  env?: Record<string, string | undefined>;
  arch?: string;
  platform?: string;
  rebuild?: (options: Record<string, unknown>) => Promise<unknown>;
  log?: (line: string) => void;
}): Promise<'built' | 'current' | 'skipped'>;
export declare function buildFailureMessage(error: unknown): string;
