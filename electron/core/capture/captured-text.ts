/**
 * Text from outside (an invite, an e-mail) made safe to show and store:
 * control characters and invisible formatting gone, line ends unified,
 * capped in length at a word boundary.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(C1, (character) => WINDOWS_1252[character.charCodeAt(0) - 0x80] ?? '').replace(CONTROL, '');
}

const C1 = /[\u0080-\u009f]/g;
/**
 * What bytes 0x80–0x9F mean in windows-1252, the charset of much of Outlook's
 * mail. Node's TextDecoder reads them as Latin-1 control characters
 * (nodejs/node#60888, since 20.18.3 and 22.13.0), which real text never
 * holds, so a dash or a curly quote would vanish; they are read as
 * windows-1252 instead. The five bytes it leaves undefined are dropped.
 */
const WINDOWS_1252 = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ',
];

/** One line: every run of white space becomes one space. */
export function oneLine(value: string, max: number): string {
  return shorten(cleanText(value).replace(/\s+/g, ' ').trim(), max);
}

/** At most `max` characters, cut at a word boundary when one is near, with an ellipsis. */
export function shorten(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
