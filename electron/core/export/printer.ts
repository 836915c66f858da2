/**
 * The printer port: print-ready HTML in, PDF bytes out. The desktop app
 * implements it with Electron's printToPDF, the browser preview and the tests
 * with headless Chromium; the core never knows which.
 */
export interface Printer {
  pdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** The policy for documents handed to a printer: their own inline styles and data: images only. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
