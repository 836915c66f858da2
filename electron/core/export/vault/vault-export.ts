import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decryptAttachment } from '#core/vault/attachment-cipher';
import type { VaultKey } from '#core/vault/cipher';
import type { Db } from '#core/vault/connection';
import { cardFileNames } from '#core/vault/read-models/export-rows';
import { dumpTables } from '#core/vault/read-models/table-dump';
import { ATTACHMENTS_FOLDER, DUMP_PATH, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, MANIFEST_PATH, type Manifest } from './manifest';
import type { ExportFile, ExportSink } from './sink';
import { UniqueNames } from './unique-names';
import {
  briefSource,
  companySource,
  contactSource,
  interviewSource,
  letterSource,
  loadNames,
  noteFile,
  noteSource,
  openingSource,
  type MarkdownFile,
  type NoteRecord,
} from './vault-files';

export interface VaultExportOptions {
  db: Db;
  /** The vault's attachments folder, where the card photos are. */
  attachmentsDir: string;
  /** The vault's key: the photos of an encrypted vault are decrypted into the export (which the user may protect). */
  key?: VaultKey | null;
  schemaVersion: number;
  appVersion: string;
  now: Date;
  /**
   * Files named by number ("Note 12.md") instead of by their titles: a zip's
   * encryption hides what files hold, never their names, so a protected
   * export must not put a contact's name or a note's title in them.
   */
  neutralNames?: boolean;
  signal: AbortSignal;
  /** `done` of `total` steps (one per row read); called after every page. */
  onProgress(done: number, total: number): void;
}

/** Rows per read: each page is a few milliseconds of work between two turns of the event loop. */
const PAGE = 200;
/** Work between two turns of the event loop when a page is slow (a 400 KB note): the app should not feel it. */
const SLICE_MS = 25;

export class ExportCanceled extends Error {
  override name = 'ExportCanceled';
}

const README = (date: string, schemaVersion: number) => `# Afterview export, ${date}

Everything in your Afterview vault, in files you can open without Afterview.

- \`notes/\`: one Markdown file per note. The front matter says when it was written and what it belongs to (opening, interview, company or contact, with their ids).
- \`openings/\`, \`companies/\`, \`contacts/\`, \`interviews/\`, \`letters/\`, \`briefs/\`: the rest of the vault, one Markdown file each.
- \`attachments/\`: the business-card photos, under the names \`afterview.json\` gives them (table \`cards\`, column \`file_name\`).
- \`afterview.json\`: every table of the vault, row for row (schema version ${schemaVersion}), including what is in the trash.
- \`manifest.json\`: what the export holds, with a checksum of each part. Afterview reads it to bring the export back in (Import & export, “Bring an export back in”).
`;

const NEUTRAL_NAMES_NOTE = `
This export is protected with a passphrase. A zip's encryption hides what its files hold but not their names, so the Markdown files are numbered (\`Note 12.md\`) rather than named after their titles; each file's title is inside it.
`;

/** What a numbered file is called in each folder of a protected export. */
const NEUTRAL_STEMS: Record<string, string> = {
  notes: 'Note',
  openings: 'Opening',
  companies: 'Company',
  contacts: 'Contact',
  interviews: 'Interview',
  letters: 'Letter',
  briefs: 'Brief',
};

/**
 * Writes the whole vault into `sink`: Markdown files, a README, and a complete
 * JSON dump. Yields to the event loop after every page so the app stays
 * responsive; stops with ExportCanceled as soon as `signal` aborts.
 */
export async function exportVault(sink: ExportSink, options: VaultExportOptions): Promise<{ files: number }> {
  const { db, signal } = options;
  let sliceStart = performance.now();
  /** Lets IPC, timers and other requests run, then stops if the export was cancelled. */
  const breathe = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
    if (signal.aborted) throw new ExportCanceled();
  };
  const names = await loadNames(db, breathe);
  const notes = noteSource(db, names);
  const others = [openingSource(db), companySource(db), contactSource(db, names), interviewSource(db, names), letterSource(db, names), briefSource(db, names)];
  // Most of a vault is its notes: when the sink can take their Markdown while the JSON dump is open,
  // both come from one read of the notes table.
  const notesWithDump = sink.writesBesideOpenFile;
  const tables = dumpTables(db);
  const photos = cardFileNames(db);
  const total = [notes, ...others].reduce((sum, source) => sum + source.count(), 0) + tables.reduce((sum, table) => sum + table.count, 0) + photos.length + 1;
  let done = 0;
  let files = 0;
  const step = async (rows: number) => {
    done = Math.min(total - 1, done + rows);
    options.onProgress(done, total);
    await breathe();
  };
  const numbered = new Map<string, number>();
  const stemOf = (file: MarkdownFile) => {
    if (!options.neutralNames) return file.stem;
    const number = (numbered.get(file.folder) ?? 0) + 1;
    numbered.set(file.folder, number);
    return `${NEUTRAL_STEMS[file.folder] ?? 'File'} ${number}`;
  };
  /** A page of Markdown files, named apart within their folder, in one hand-over to the sink. */
  const writePage = async (unique: UniqueNames, page: readonly (MarkdownFile | null)[]) => {
    const out: ExportFile[] = [];
    for (const file of page) if (file) out.push({ path: `${file.folder}/${unique.claim(stemOf(file), 'md')}`, content: file.content });
    if (out.length > 0) await sink.write(out);
    files += out.length;
  };

  const date = options.now.toISOString().slice(0, 10);
  await sink.write([{ path: 'README.md', content: README(date, options.schemaVersion) + (options.neutralNames ? NEUTRAL_NAMES_NOTE : '') }]);
  files += 1;
  for (const source of notesWithDump ? others : [notes, ...others]) {
    const unique = new UniqueNames();
    for (let after = 0; ; ) {
      const { lastRowid, files: page } = source.page(after, PAGE);
      if (page.length === 0) break;
      after = lastRowid;
      await writePage(unique, page);
      await step(page.length);
    }
  }

  const noteNames = new UniqueNames();
  const opened = await sink.open(DUMP_PATH);
  // The dump's checksum and size, as it is written, for the manifest.
  const dumpHash = createHash('sha256');
  let dumpBytes = 0;
  const dump = {
    write: (text: string) => {
      dumpHash.update(text);
      dumpBytes += Buffer.byteLength(text);
      return opened.write(text);
    },
    close: () => opened.close(),
  };
  const rowCounts: Record<string, number> = {};
  await dump.write(`{"format":"afterview-vault","schemaVersion":${options.schemaVersion},"appVersion":${JSON.stringify(options.appVersion)},"exportedAt":${JSON.stringify(options.now.toISOString())},"tables":{`);
  for (const [index, table] of tables.entries()) {
    await dump.write(`${index === 0 ? '' : ','}\n${JSON.stringify(table.name)}:[`);
    const withNotes = notesWithDump && table.name === 'notes';
    rowCounts[table.name] = 0;
    let first = true;
    for (let after = 0; ; ) {
      const { lastRowid, rows, done: last } = table.page(after, PAGE);
      const texts: string[] = [];
      const notePage: (MarkdownFile | null)[] = [];
      let steps = rows.length;
      for (const row of rows) {
        texts.push(JSON.stringify(row));
        if (withNotes) {
          notePage.push(noteFile(names, row as unknown as NoteRecord));
          // The notes' share of the total: every note not in the trash.
          if (row.deleted_at == null) steps += 1;
        }
        if (performance.now() - sliceStart >= SLICE_MS) await breathe();
      }
      if (rows.length > 0) await dump.write((first ? '\n' : ',\n') + texts.join(',\n'));
      rowCounts[table.name] = (rowCounts[table.name] ?? 0) + rows.length;
      if (withNotes) await writePage(noteNames, notePage);
      first = first && rows.length === 0;
      after = lastRowid;
      await step(steps);
      if (last || rows.length === 0) break;
    }
    await dump.write(']');
  }
  await dump.write('\n}}\n');
  await dump.close();
  files += 1;

  // Every card's photo, those in the trash too, so the dump's rows all have their file.
  const attachments: Manifest['attachments'] = [];
  const missingAttachments: string[] = [];
  for (const fileName of photos) {
    let bytes: Buffer;
    try {
      bytes = decryptAttachment(await readFile(join(options.attachmentsDir, fileName)), fileName, options.key ?? null);
    } catch {
      missingAttachments.push(fileName);
      await step(1);
      continue;
    }
    const path = `${ATTACHMENTS_FOLDER}/${fileName}`;
    await sink.write([{ path, content: bytes }]);
    attachments.push({ path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    files += 1;
    await step(1);
  }

  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    exportedAt: options.now.toISOString(),
    data: { path: DUMP_PATH, bytes: dumpBytes, sha256: dumpHash.digest('hex') },
    tables: rowCounts,
    attachments,
    missingAttachments,
  };
  await sink.write([{ path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` }]);
  files += 1;
  if (signal.aborted) throw new ExportCanceled();
  options.onProgress(total, total);
  return { files };
}
