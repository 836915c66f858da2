import { cleanText, shorten } from './captured-text';

export const SUMMARY_LENGTH = 300;

/**
 * Where the quoted message of a reply starts, as mail programs write it:
 * Gmail and Apple Mail ("On … wrote:", also in German, French, Spanish,
 * Dutch, Italian and Portuguese), Outlook ("-----Original Message-----", a
 * rule of underscores, or a From:/Sent: block) and forwards.
 */
const REPLY_HEADER = [
  /^On\b.{0,300}\bwrote:$/i,
  /^Am\b.{0,300}\bschrieb\b.{0,200}:$/i,
  /^Le\b.{0,300}\ba écrit\s?:$/i,
  /^El\b.{0,300}\bescribió:$/i,
  /^Op\b.{0,300}\bschreef\b.{0,200}:$/i,
  /^Il\b.{0,300}\bha scritto:$/i,
  /^Em\b.{0,300}\bescreveu:$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht)\s*-{2,}$/i,
  /^-{2,}\s*Forwarded message\s*-{2,}$/i,
  /^Begin forwarded message:$/i,
  /^_{10,}$/,
];
const OUTLOOK_FROM = /^\*?(From|Von|De|Van|Da):\*?\s/i;
const OUTLOOK_SENT = /^\*?(Sent|Date|Gesendet|Envoyé|Enviado|Verzonden|Inviato|Datum):\*?\s/i;
/** Where a signature starts: the "-- " line, and the lines phones add. */
const SIGNATURE = [/^--\s?$/, /^Sent from my \w+/i, /^Sent from (Outlook|Mail|Yahoo Mail)\b/i, /^Get Outlook for (iOS|Android)/i, /^Von meinem \w+ gesendet/i, /^Envoyé de mon \w+/i];

/** A closing on a line of its own ("Best regards,"), after which only a name and a signature follow. */
const CLOSING =
  /^(kind regards|best regards|warm regards|warmest regards|regards|best wishes|all the best|best|many thanks|thanks|thank you|cheers|sincerely|yours sincerely|viele grüße|beste grüße|liebe grüße|mit freundlichen grüßen|cordialement|bien à vous|saludos|un saludo|met vriendelijke groet|groeten|cordiali saluti|atenciosamente)\s*[,!.]?$/i;
const SIGNATURE_LINES = 8;

/** The message's own words: up to the quoted reply or the signature, quoted lines left out. */
export function ownWords(text: string): string {
  const lines = cleanText(text).split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length && index < 2000; index++) {
    const line = lines[index]!.trim();
    // "On Mon, 2 Mar 2026 at 10:00, Ana <ana@x>" and "wrote:" may be wrapped onto two lines.
    const withNext = `${line} ${lines[index + 1]?.trim() ?? ''}`.trim();
    if (REPLY_HEADER.some((pattern) => pattern.test(line) || (/^(On|Am|Le|El|Op|Il|Em)\b/.test(line) && pattern.test(withNext)))) break;
    if (OUTLOOK_FROM.test(line) && lines.slice(index + 1, index + 5).some((next) => OUTLOOK_SENT.test(next.trim()))) break;
    if (SIGNATURE.some((pattern) => pattern.test(lines[index]!.trimEnd()) || pattern.test(line))) break;
    if (line.startsWith('>')) continue;
    kept.push(line);
  }
  return withoutClosing(kept).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The lines before the closing and the name and signature under it, when the closing is near the end. */
function withoutClosing(lines: string[]): string[] {
  const content = lines.map((line, index) => ({ line, index })).filter(({ line }) => line !== '');
  for (let at = content.length - 1; at > 0 && at >= content.length - 1 - SIGNATURE_LINES; at--) {
    if (CLOSING.test(content[at]!.line)) return lines.slice(0, content[at]!.index);
  }
  return lines;
}

/** A short summary of a message: its own first words, on one line. */
export function summarise(text: string, max: number = SUMMARY_LENGTH): string {
  return shorten(ownWords(text).replace(/\s+/g, ' ').trim(), max);
}
