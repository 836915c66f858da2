import { call } from '#renderer/api';
import { downloadBase64 } from '../letters/download';

/** The exports that come back as one file to download. */
export type FileExport = 'exports.pipelineCsv' | 'exports.interviewsIcs';

/** Makes the file on this computer and hands it to the download; resolves to the file's name. */
export async function downloadFileExport(channel: FileExport): Promise<string> {
  const file = await call(channel);
  downloadBase64(file.fileName, file.dataBase64, file.mimeType);
  return file.fileName;
}

export const downloadedMessage = (fileName: string) => `Downloaded ${fileName}.`;
