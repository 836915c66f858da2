import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExternalLink, isMailAddress } from '#shared/domain/links';
import { buildMailto } from '#shared/domain/mailto';

const SIX_PARAGRAPHS = [
  'Dear Ana,',
  'Thank you for the time you gave me on Tuesday and for the tour of the data platform.',
  'Our talk about the on-call rota stayed with me: I have run one for three years and would enjoy making it calmer.',
  'I did not mention that I led the move of our reporting to dbt; it cut the nightly build from four hours to forty minutes.',
  'I am keen on the role and look forward to the case study with the team.',
  'Kind regards,\nSam Taylor',
].join('\n\n');

function reasonOf(url: string): string {
  const check = checkExternalLink(url);
  if (check.ok) throw new Error(`${url} was let through`);
  return check.reason;
}

describe('the link policy', () => {
  it('lets a six-paragraph thank-you through exactly as buildMailto wrote it, line breaks and all', () => {
    const mail = buildMailto('ana@northwind.example', 'Thank you — Senior Data Analyst interview', SIX_PARAGRAPHS);
    expect(mail.truncated).toBe(false);
    expect(mail.url).toContain('%0D%0A%0D%0A');
    expect(checkExternalLink(mail.url)).toEqual({ ok: true, url: mail.url });
  });

  it('lets through every link buildMailto makes, whatever the recipient, subject and text', () => {
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.emailAddress(), text)), text, text, (to, subject, body) => {
        const { url } = buildMailto(to, subject, body);
        const check = checkExternalLink(url);
        expect(check).toEqual({ ok: true, url });
      }),
      { numRuns: 300 },
    );
    // Long texts make buildMailto cut the body by trial: on a loaded machine this takes a few seconds.
  }, 30_000);

  it('lets through https pages and plain mail links, handing over the parsed address', () => {
    expect(checkExternalLink('https://jobs.example/roles/42?ref=a#apply')).toEqual({ ok: true, url: 'https://jobs.example/roles/42?ref=a#apply' });
    expect(checkExternalLink('https://bücher.example/')).toEqual({ ok: true, url: 'https://xn--bcher-kva.example/' });
    expect(checkExternalLink('mailto:ana@example.com')).toEqual({ ok: true, url: 'mailto:ana@example.com' });
    expect(checkExternalLink('MAILTO:ana@example.com,ben@example.com?CC=cy@example.com&Subject=Hi&BODY=Line%201%0D%0ALine%202')).toMatchObject({ ok: true });
    expect(checkExternalLink('mailto:?subject=Thanks&body=')).toMatchObject({ ok: true });
  });

  it('refuses mail links that ask for more than a message, naming what they asked for', () => {
    expect(reasonOf('mailto:ana@example.com?attach=/home/u/.ssh/id_rsa')).toMatch(/also asks your mail app for “attach”/);
    expect(reasonOf('mailto:ana@example.com?Attachment=C:%5Csecrets.txt')).toMatch(/“Attachment”/);
    expect(reasonOf('mailto:ana@example.com?X-Mailer=evil&body=hi')).toMatch(/“X-Mailer”/);
    expect(reasonOf('mailto:ana@example.com?in-reply-to=%3Cid%3E')).toMatch(/“in-reply-to”/);
    // An encoded field name is still that field.
    expect(reasonOf('mailto:ana@example.com?%61ttach=/etc/passwd')).toMatch(/“attach”/);
  });

  it('refuses a field given twice, in any case', () => {
    expect(reasonOf('mailto:a@example.com?subject=One&Subject=Two')).toMatch(/gives its “subject” twice/);
    expect(reasonOf('mailto:a@example.com?body=a&body=b')).toMatch(/“body” twice/);
  });

  it('allows line breaks in the text only', () => {
    expect(checkExternalLink('mailto:a@example.com?body=one%0D%0Atwo%0Athree')).toMatchObject({ ok: true });
    expect(reasonOf('mailto:a@example.com?subject=Hi%0D%0ABcc:%20all@example.com')).toMatch(/line break in its “subject”/);
    expect(reasonOf('mailto:a@example.com?cc=b@example.com%0ABcc:c@example.com')).toMatch(/line break in its “cc”/);
    expect(reasonOf('mailto:a@example.com?body=bell%07')).toMatch(/control characters/);
  });

  it('checks every address, in the path and in to, cc and bcc', () => {
    expect(reasonOf('mailto:a@example.com%0D%0ABcc:all@example.com')).toMatch(/is not an e-mail address/);
    expect(reasonOf('mailto:not-an-address')).toMatch(/“not-an-address” is not an e-mail address/);
    expect(reasonOf('mailto:a@example.com?bcc=all@example.com,%3Cx%3E')).toMatch(/“<x>” is not an e-mail address/);
    expect(reasonOf('mailto:a@example.com?to=')).toMatch(/empty recipient/);
    expect(reasonOf('mailto:a@example.com?subject=%E0%A4%A')).toMatch(/garbled/);
  });

  it('refuses every other kind of link, and https with credentials', () => {
    for (const url of ['http://plain.example', 'file:///C:/Windows', 'javascript:alert(1)', 'smb://share/x', 'ms-settings:privacy', 'data:text/html,hi']) {
      expect(reasonOf(url)).toMatch(/opens only web pages \(https:\/\/\) and e-mails \(mailto:\)/);
    }
    expect(reasonOf('https://user:secret@bank.example')).toMatch(/user name or password/);
    expect(reasonOf('https://bank.example@evil.example')).toMatch(/user name or password/);
    expect(reasonOf('not a link')).toMatch(/not a complete web or e-mail address/);
    expect(reasonOf('')).toMatch(/no address/);
  });

  it('refuses control characters the URL parser would silently drop', () => {
    expect(reasonOf('https://jobs.exa\nmple/')).toMatch(/control characters/);
    expect(reasonOf('mailto:a@example.com?sub\tject=x')).toMatch(/control characters/);
  });

  it('knows a plain address from one that could carry headers', () => {
    expect(isMailAddress('ana.ruiz+jobs@example.co.uk')).toBe(true);
    for (const bad of ['ana', 'a b@example.com', 'a@b@example.com', '<a@example.com>', 'a@example.com,b@example.com', 'a@example.com?bcc=x@y.z', 'a%40@example.com']) {
      expect(isMailAddress(bad)).toBe(false);
    }
  });
});
