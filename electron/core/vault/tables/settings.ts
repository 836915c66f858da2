import { json, text } from './column';
import { table } from './table';

/** The user's settings and the dismissed tips, one JSON value per key, so they travel with the vault. */
export const settingsTable = table('settings', 's', {
  key: text().key(),
  value: json<unknown>(),
});
