import { describe, expect, it } from 'vitest';
import { countdown, formatDuration, letterClock } from '#shared/domain/countdown';
import { DEFAULT_PLAYBOOK } from '#shared/domain/playbook';
import { buildMailto, MAILTO_SAFE_LENGTH } from '#shared/domain/mailto';

describe('mailto', () => {
  it('fills recipient, subject and body, escaped, with CRLF line breaks', () => {
    const { url, truncated } = buildMailto('ana.ruiz@example.com', 'Thank you & next steps?', 'Hi Ana,\nThanks = great.\n\nBest');
    expect(truncated).toBe(false);
    expect(url).toBe('mailto:ana.ruiz@example.com?subject=Thank%20you%20%26%20next%20steps%3F&body=Hi%20Ana%2C%0D%0AThanks%20%3D%20great.%0D%0A%0D%0ABest');
    expect(decodeURIComponent(new URL(url).searchParams.get('body')!)).toContain('Thanks = great.');
  });

  it('keeps non-ASCII text intact', () => {
    const { url } = buildMailto('jose@example.com', 'Gracias, José', 'Merci beaucoup — 谢谢 🙏');
    const parsed = new URL(url);
    expect(parsed.searchParams.get('subject')).toBe('Gracias, José');
    expect(parsed.searchParams.get('body')).toBe('Merci beaucoup — 谢谢 🙏');
  });

  it('shortens a long body at a paragraph, within the safe length, and says so', () => {
    const body = Array.from({ length: 40 }, (_, index) => `Paragraph ${index} ${'words '.repeat(20)}`).join('\n\n');
    const { url, truncated } = buildMailto('a@example.com', 'Thanks', body);
    expect(truncated).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAILTO_SAFE_LENGTH);
    const text = new URL(url).searchParams.get('body')!;
    expect(text).toMatch(/^Paragraph 0 /);
    expect(text).toMatch(/on your clipboard/);
  });

  it('cuts one huge non-ASCII paragraph without breaking characters', () => {
    const { url, truncated } = buildMailto('a@example.com', 'Thanks', '🙏é'.repeat(3000));
    expect(truncated).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAILTO_SAFE_LENGTH);
    expect(() => decodeURIComponent(url)).not.toThrow();
  });

  it('leaves out an address that could inject headers', () => {
    expect(buildMailto('a@example.com?bcc=all@example.com', 'S', 'B').url).toMatch(/^mailto:\?subject=/);
    expect(buildMailto(null, 'S', 'B').url).toMatch(/^mailto:\?subject=S&body=B$/);
  });
});

describe('countdown', () => {
  const started = '2026-03-10T10:00:00.000Z';
  const thankYou = letterClock({ kind: 'thank_you', startedAt: started }, DEFAULT_PLAYBOOK);
  const at = (iso: string) => countdown(thankYou, null, new Date(iso));

  it('counts down, nudging at +2 h and warning at +20 h, then says overdue', () => {
    expect(thankYou).toEqual({ nudgeAt: '2026-03-10T12:00:00.000Z', warningAt: '2026-03-11T06:00:00.000Z', dueAt: '2026-03-11T10:00:00.000Z' });
    expect(at('2026-03-10T11:00:00Z')).toMatchObject({ state: 'on_time', label: '23 h left' });
    expect(at('2026-03-10T12:30:00Z')).toMatchObject({ state: 'nudge', label: '21 h 30 min left' });
    expect(at('2026-03-11T06:10:00Z')).toMatchObject({ state: 'warning', label: '3 h 50 min left' });
    expect(at('2026-03-11T13:00:00Z')).toMatchObject({ state: 'overdue', label: 'Overdue by 3 h' });
  });

  it('follows the saved timings, and gives a reply to a rejection its own window with the same warning lead', () => {
    const playbook = { ...DEFAULT_PLAYBOOK, thankYouNudgeHours: 1, thankYouWarningHours: 6, thankYouDeadlineHours: 8, rejectionDraftHours: 48 };
    expect(letterClock({ kind: 'thank_you', startedAt: started }, playbook)).toEqual({
      nudgeAt: '2026-03-10T11:00:00.000Z',
      warningAt: '2026-03-10T16:00:00.000Z',
      dueAt: '2026-03-10T18:00:00.000Z',
    });
    expect(letterClock({ kind: 'rejection', startedAt: started }, playbook)).toEqual({
      nudgeAt: '2026-03-10T11:00:00.000Z',
      warningAt: '2026-03-12T08:00:00.000Z',
      dueAt: '2026-03-12T10:00:00.000Z',
    });
    // Timings out of order never put a warning after the deadline.
    const muddled = { ...DEFAULT_PLAYBOOK, thankYouNudgeHours: 30, thankYouWarningHours: 40, thankYouDeadlineHours: 24, rejectionDraftHours: 1 };
    const clock = letterClock({ kind: 'thank_you', startedAt: started }, muddled);
    expect(clock.nudgeAt <= clock.warningAt && clock.warningAt <= clock.dueAt).toBe(true);
    const reply = letterClock({ kind: 'rejection', startedAt: started }, muddled);
    expect(reply.nudgeAt <= reply.warningAt && reply.warningAt <= reply.dueAt).toBe(true);
  });

  it('says sent once sent', () => {
    expect(countdown(thankYou, '2026-03-10T15:00:00Z', new Date('2026-03-12T00:00:00Z')).state).toBe('sent');
  });

  it('formats durations', () => {
    expect(formatDuration(30_000)).toBe('less than a minute');
    expect(formatDuration(49 * 3_600_000)).toBe('2 d 1 h');
  });
});
