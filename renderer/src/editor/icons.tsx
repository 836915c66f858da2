import type { ReactNode } from 'react';

/** Small line icons for the toolbar; they take the text colour, so both themes work. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="tool-icon" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const icons = {
  bulletList: (
    <Icon>
      <circle cx="4" cy="5.5" r="0.9" fill="currentColor" />
      <circle cx="4" cy="10" r="0.9" fill="currentColor" />
      <circle cx="4" cy="14.5" r="0.9" fill="currentColor" />
      <path d="M8 5.5h9M8 10h9M8 14.5h9" />
    </Icon>
  ),
  orderedList: (
    <Icon>
      <path d="M3 4h1.3v3.5M3 7.5h2.6M3 12.2c.3-.6 2.4-.8 2.4.4 0 1-2.4 1.6-2.4 2.9h2.6" />
      <path d="M8.5 5.5h8.5M8.5 10h8.5M8.5 14.5h8.5" />
    </Icon>
  ),
  taskList: (
    <Icon>
      <rect x="2.5" y="3.5" width="4.5" height="4.5" rx="1" />
      <path d="m3.4 13.6 1.3 1.3 2.5-2.8" />
      <path d="M9.5 5.8h8M9.5 13.8h8" />
    </Icon>
  ),
  quote: (
    <Icon>
      <path d="M4 4v12" />
      <path d="M8 6h9M8 10h9M8 14h6" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M8.5 11.5a3.2 3.2 0 0 0 4.6 0l2.6-2.6a3.2 3.2 0 0 0-4.6-4.6l-.9.9" />
      <path d="M11.5 8.5a3.2 3.2 0 0 0-4.6 0l-2.6 2.6a3.2 3.2 0 0 0 4.6 4.6l.9-.9" />
    </Icon>
  ),
  openLink: (
    <Icon>
      <path d="M11 3.5h5.5V9M16.5 3.5 9.5 10.5" />
      <path d="M14.5 12v3.5a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1H8" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M7.5 5 3.5 9l4 4" />
      <path d="M3.5 9h8.5a4.5 4.5 0 0 1 0 9H9" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m12.5 5 4 4-4 4" />
      <path d="M16.5 9H8a4.5 4.5 0 0 0 0 9h3" />
    </Icon>
  ),
};
