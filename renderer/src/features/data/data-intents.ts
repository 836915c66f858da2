/** Requests other places (the command palette) make of the Import & export screen, in its address. */
export const DATA_PATH = '/data';
export const EXPORT_VAULT_INTENT = 'export=vault';
export const IMPORT_CSV_INTENT = 'import=csv';
