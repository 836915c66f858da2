import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '#main/csp';

vi.mock('electron', () => ({}));

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Content-Security-Policy', () => {
  const header = directives(CONTENT_SECURITY_POLICY);
  const html = readFileSync('renderer/index.html', 'utf8');
  const meta = directives(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '');

  it('is strict: nothing by default, our own scripts and styles only, no inline code or eval, no remote origins', () => {
    for (const policy of [header, meta]) {
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      const all = [...policy.values()].flat();
      expect(all).not.toContain("'unsafe-inline'");
      expect(all).not.toContain("'unsafe-eval'");
      expect(all.filter((source) => /^(https?:|\*|ws)/.test(source))).toEqual([]);
    }
  });

  it('says the same in the page as in the header the app protocol sends', () => {
    for (const [name, values] of meta) expect(header.get(name), name).toEqual(values);
  });
});
