/** One file of an export: where it goes, and its text (written as UTF-8) or bytes (a photo). */
export interface ExportFile {
  path: string;
  content: string | Uint8Array;
}

/** A large file written piece by piece (the JSON dump). */
export interface ChunkWriter {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Where a whole-vault export goes: a folder on disk (desktop) or a zip stream
 * (browser preview). Paths are relative, with '/' between folder and file
 * name, and come from Afterview, never from the user's text.
 */
export interface ExportSink {
  /** A page of small files, taken in order: one call per page keeps the cost per file low. */
  write(files: readonly ExportFile[]): Promise<void>;
  open(path: string): Promise<ChunkWriter>;
  /**
   * Whether small files may be written while a file from `open` is still
   * being written. A folder can; a zip stores its entries one after another.
   */
  readonly writesBesideOpenFile: boolean;
  /** Makes the export whole and visible; answers where it is. */
  finish(): Promise<string>;
  /** Stops and leaves nothing behind. */
  discard(): Promise<void>;
}
