import { onEvent, shellReportsSaves } from '#renderer/api';

/**
 * Saves bytes the core produced (e.g. a letter's PDF) as a file. In the
 * desktop app the shell shows its save dialog for the download and tells
 * whether it was saved, and as what; in the browser preview it goes to the
 * downloads folder under its own name. Resolves to the name it was saved
 * under, or null when the user cancelled; rejects when it could not be written.
 */
export function downloadBase64(fileName: string, dataBase64: string, type = 'application/pdf'): Promise<string | null> {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return downloadBlob(fileName, new Blob([bytes], { type }));
}

/** Saves bytes already in a Blob (e.g. the preview's vault zip) as a file, the same way. */
export function downloadBlob(fileName: string, blob: Blob): Promise<string | null> {
  const url = URL.createObjectURL(blob);
  const outcome = shellReportsSaves() ? savedAt(url) : Promise.resolve(fileName);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download time to start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return outcome;
}

/** Waits for the shell's word on the download from `url`: the save dialog may stay open as long as the user likes. */
function savedAt(url: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const stop = onEvent('file.saved', (file) => {
      if (file.url !== url) return;
      stop();
      if (file.outcome === 'saved') resolve(file.fileName);
      else if (file.outcome === 'cancelled') resolve(null);
      else reject(new Error('the file could not be written to that folder. Check that it still exists, that you may write there and that the disk has room, then try again.'));
    });
  });
}
