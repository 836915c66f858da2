/**
 * Saves bytes the core produced (e.g. a letter's PDF) as a file. In the
 * desktop app the shell shows its save dialog for the download; in the
 * browser preview it goes to the downloads folder.
 */
export function downloadBase64(fileName: string, dataBase64: string, type = 'application/pdf'): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

/** Saves bytes already in a Blob (e.g. the preview's vault zip) as a file, the same way. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download time to start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
