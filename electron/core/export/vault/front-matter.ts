export type FrontMatterValue = string | number | boolean | null | readonly string[] | { readonly [key: string]: string | number | null };

// Characters YAML will not take raw in a double-quoted scalar (or reads as line breaks); JSON leaves them as they are.
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A double-quoted YAML scalar: JSON's escapes are YAML's, plus the few YAML is stricter about. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(YAML_UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  return typeof value === 'string' ? yamlString(value) : String(value);
}

/**
 * YAML front matter between --- fences. Keys are Afterview's own; every string
 * is quoted, so a title such as "no: yes" or "---" stays a plain string.
 */
export function frontMatter(fields: Record<string, FrontMatterValue | undefined>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(value.length === 0 ? `${key}: []` : `${key}:`, ...value.map((item: string) => `  - ${yamlString(item)}`));
    } else if (value !== null && typeof value === 'object') {
      lines.push(`${key}:`, ...Object.entries(value).map(([inner, innerValue]) => `  ${inner}: ${scalar(innerValue)}`));
    } else {
      lines.push(`${key}: ${scalar(value as string | number | boolean | null)}`);
    }
  }
  lines.push('---', '');
  return lines.join('\n');
}
