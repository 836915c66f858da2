import type { ReactNode } from 'react';
import { FileButton } from '#renderer/ui/FileButton';

interface CaptureDropProps {
  prompt: string;
  label: string;
  accept: string;
  busy: boolean;
  onFile(file: File): void;
  children?: ReactNode;
}

/** Where a capture dialog takes its file: dropped on it, or chosen with the button. */
export function CaptureDrop({ prompt, label, accept, busy, onFile, children }: CaptureDropProps) {
  return (
    <div
      className="capture-drop"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const dropped = event.dataTransfer.files[0];
        if (dropped) onFile(dropped);
      }}
    >
      <p>{prompt}</p>
      <FileButton label={label} accept={accept} onFile={onFile} disabled={busy} />
      {children}
    </div>
  );
}
