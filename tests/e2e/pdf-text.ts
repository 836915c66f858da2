import { inflateSync } from 'node:zlib';

/**
 * Just enough PDF reading to check what Chromium printed, with no PDF library:
 * the text of every page, decoded through each font's ToUnicode map. Chromium
 * writes glyph ids in hex strings and an uncompressed object table.
 */

/** Page objects in a PDF Chromium wrote (its dictionaries are not compressed). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

interface PdfObject {
  dict: string;
  stream: string | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const source = pdf.toString('latin1');
  const found = new Map<string, PdfObject>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const [, number, body] = match as unknown as [string, string, string];
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      found.set(number, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const raw = Buffer.from(body.slice(body.indexOf('\n', streamAt) + 1).replace(/\r?\nendstream\s*$/, ''), 'latin1');
    found.set(number, { dict, stream: (/\/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1') });
  }
  return found;
}

const hexPairs = (text: string) => [...text.matchAll(/<([0-9A-Fa-f]+)>/g)].map((match) => match[1]!);
const unicodeOf = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));

function toUnicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    const codes = hexPairs(block[1]!);
    for (let index = 0; index + 1 < codes.length; index += 2) map.set(codes[index]!.toUpperCase(), unicodeOf(codes[index + 1]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1]!.split('\n')) {
      const codes = hexPairs(line);
      if (codes.length < 3) continue;
      const [from, to, first] = codes.map((code) => parseInt(code, 16)) as [number, number, number];
      for (let code = from; code <= to; code++) {
        const target = line.includes('[') ? unicodeOf(codes[2 + code - from]!) : String.fromCodePoint(first + code - from);
        map.set(code.toString(16).toUpperCase().padStart(4, '0'), target);
      }
    }
  }
  return map;
}

/** The fonts the document embeds, by their PostScript names without the subset tag ("SourceSerif4-Regular"). */
export function pdfFontNames(pdf: Buffer): string[] {
  const names = [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]]+)/g)].map((match) => match[1]!);
  return [...new Set(names)].sort();
}

/**
 * The text of the whole document, runs joined as drawn (spaces where the font
 * draws a space), in Unicode's compatibility form: a ligature or a presentation
 * form a font happens to draw reads as the letters it stands for.
 */
export function pdfText(pdf: Buffer): string {
  return drawnText(pdf).normalize('NFKC');
}

function drawnText(pdf: Buffer): string {
  const all = objects(pdf);
  const fonts = new Map<string, Map<string, string>>();
  for (const object of all.values()) {
    for (const entries of object.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const [, name, ref] of entries[1]!.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)) {
        const unicodeRef = all.get(ref!)?.dict.match(/\/ToUnicode\s+(\d+)\s+0\s+R/)?.[1];
        const cmap = unicodeRef ? all.get(unicodeRef)?.stream : null;
        if (cmap) fonts.set(name!, toUnicodeMap(cmap));
      }
    }
  }
  let text = '';
  for (const object of all.values()) {
    if (!object.stream || !/\bBT\b/.test(object.stream)) continue;
    let font: Map<string, string> | undefined;
    for (const [, fontName, strings] of object.stream.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|(<[0-9A-Fa-f]*>|\[[^\]]*\])\s*T[Jj]/g)) {
      if (fontName) font = fonts.get(fontName);
      else if (font) for (const hex of hexPairs(strings!)) text += (hex.match(/.{4}/g) ?? []).map((glyph) => font!.get(glyph.toUpperCase()) ?? '').join('');
    }
  }
  return text;
}
