import { describe, expect, it } from 'vitest';
import { normalizeLinkInput } from '#renderer/editor/links';

describe('link input', () => {
  it('accepts web pages over https and e-mail addresses, completing bare ones', () => {
    expect(normalizeLinkInput(' https://jobs.example/42 ')).toBe('https://jobs.example/42');
    expect(normalizeLinkInput('jobs.example/42')).toBe('https://jobs.example/42');
    expect(normalizeLinkInput('jobs.example:8443/x')).toBe('https://jobs.example:8443/x');
    expect(normalizeLinkInput('mailto:ana@acme.example')).toBe('mailto:ana@acme.example');
    expect(normalizeLinkInput('ana@acme.example')).toBe('mailto:ana@acme.example');
  });

  it('refuses every other kind of link rather than rewriting it', () => {
    for (const value of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'http://jobs.example', 'vbscript:x', 'localhost', 'https://user:pw@jobs.example', '']) {
      expect(normalizeLinkInput(value), value).toBeNull();
    }
  });
});
