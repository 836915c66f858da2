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
  write(path: string, content: string): Promise<void>;
  open(path: string): Promise<ChunkWriter>;
  /** Makes the export whole and visible; answers where it is. */
  finish(): Promise<string>;
  /** Stops and leaves nothing behind. */
  discard(): Promise<void>;
}
