import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The typefaces every printed and exported document uses, shipped with the
 * app in resources/fonts (SIL Open Font Licence) and embedded in the page as
 * data: URLs, so a letter comes out the same on every machine whatever fonts
 * it has, and an exported web page stays one self-contained file.
 */
export type DocumentTypeface = 'serif' | 'sans';

const FAMILIES: Record<DocumentTypeface, { family: string; file: string; fallback: string }> = {
  serif: { family: 'Source Serif 4', file: 'source-serif-4', fallback: "Georgia, 'Times New Roman', serif" },
  sans: { family: 'Source Sans 3', file: 'source-sans-3', fallback: "'Helvetica Neue', Arial, sans-serif" },
};

// The two subsets each face is cut into, with the characters each covers (as the font files declare).
const LATIN_RANGE = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT_RANGE = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF';
/** Text that needs the extended subset (Polish, Czech, Turkish, Vietnamese names…); most documents do not, and stay smaller. */
const NEEDS_LATIN_EXT = /[\u0100-\u02FF\u1D00-\u1DBF\u1E00-\u1EFF\u20A0-\u20C4\u2113\u2C60-\u2C7F\uA720-\uA7FF]/;

const WEIGHTS = [400, 700] as const;
const STYLES = ['normal', 'italic'] as const;

/** resources/fonts, found from this file whether it runs from source (tests, preview) or bundled in out/main (the app, its asar). */
function findFontsDir(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, 'resources', 'fonts');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) throw new Error('The document fonts (resources/fonts) are missing from this copy of Afterview.');
    folder = parent;
  }
}

let fontsDir: string | null = null;
const dataUrls = new Map<string, string>();

function dataUrl(fileName: string): string {
  let url = dataUrls.get(fileName);
  if (!url) {
    fontsDir ??= findFontsDir();
    url = `data:font/woff2;base64,${readFileSync(join(fontsDir, fileName)).toString('base64')}`;
    dataUrls.set(fileName, url);
  }
  return url;
}

/**
 * The @font-face rules for one typeface, for a page whose text is `text`:
 * the extended subset only when the text needs it. `font-display: block`
 * so that nothing is ever laid out, or printed, in a stand-in font.
 */
function fontFaceCss(typeface: DocumentTypeface, text: string): string {
  const { family, file } = FAMILIES[typeface];
  const subsets: [string, string][] = [['latin', LATIN_RANGE]];
  if (NEEDS_LATIN_EXT.test(text)) subsets.push(['latin-ext', LATIN_EXT_RANGE]);
  const rules: string[] = [];
  for (const [subset, range] of subsets) {
    for (const weight of WEIGHTS) {
      for (const style of STYLES) {
        rules.push(
          `@font-face { font-family: '${family}'; font-style: ${style}; font-weight: ${weight}; font-display: block; ` +
            `src: url(${dataUrl(`${file}-${subset}-${weight}-${style}.woff2`)}) format('woff2'); unicode-range: ${range}; }`,
        );
      }
    }
  }
  return rules.join('\n  ');
}

/**
 * The type of a document page: the bundled faces, the family (system faces
 * only for characters the bundled ones lack), and no ligatures, so text
 * copied out of a PDF is plain letters ("fl", never the one glyph "ﬂ").
 */
export function documentTypeCss(typeface: DocumentTypeface, text: string): string {
  const { family, fallback } = FAMILIES[typeface];
  return `${fontFaceCss(typeface, text)}\n  html { font-family: '${family}', ${fallback}; font-variant-ligatures: no-common-ligatures; }`;
}
