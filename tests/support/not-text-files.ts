import { zipSync } from 'fflate';
import { gzipSync } from 'node:zlib';

/** Seeded bytes, the same on every run: "any binary" without a known signature. */
export function noiseBytes(length: number, seed = 42): Buffer {
  let state = seed >>> 0;
  return Buffer.from(Array.from({ length }, () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) >>> 16) & 0xff));
}

const CSV = 'Company,Role\nAcme,Engineer\n';

/** Files people pick by mistake when asked for a CSV, each with its real first bytes. */
export const NOT_TEXT_FILES = {
  /** An .xlsx workbook is a zip archive. */
  xlsx: Buffer.from(zipSync({ '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types/>'), 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') })),
  zip: Buffer.from(zipSync({ 'openings.csv': new TextEncoder().encode(CSV) })),
  xls: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noiseBytes(504, 1)]),
  pdf: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), noiseBytes(200, 2)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), noiseBytes(200, 3)]),
  gzip: gzipSync(Buffer.from(CSV.repeat(20))),
  noise: noiseBytes(4096),
};

/** Text files that must still come through: UTF-8, Windows-1252 with accents, UTF-16 with its byte-order mark. */
export const TEXT_FILES = {
  utf8: Buffer.from('Company;Role;Notes\nSociété Générale;Analyst;“café” ☕\n', 'utf8'),
  windows1252: Buffer.from('Company;Role\nSoci\u00e9t\u00e9 G\u00e9n\u00e9rale;Analyst\nM\u00fcller;Ing\u00e9nieur\n', 'latin1'),
  utf16le: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Company\tRole\nAcme\tEngineer\n', 'utf16le')]),
};
