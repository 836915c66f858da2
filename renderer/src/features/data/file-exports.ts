import { call } from '#renderer/api';
import { downloadBase64 } from '../letters/download';

/** The exports that come back as one file to download. */
export type FileExport = 'exports.pipelineCsv' | 'exports.interviewsIcs';

/** Makes the file on this computer and hands it to the download; resolves to the name it was saved under, null if cancelled. */
export async function downloadFileExport(channel: FileExport): Promise<string | null> {
  const file = await call(channel);
  return downloadBase64(file.fileName, file.dataBase64, file.mimeType);
}

export const downloadedMessage = (fileName: string) => `Downloaded ${fileName}.`;
