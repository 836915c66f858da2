import { describe, expect, it } from 'vitest';
import { ownWords, summarise } from '#core/capture/mail-summary';

describe('the summary of a message is its own words', () => {
  it('stops at the quoted message, however the mail program introduced it', () => {
    const quoted = [
      'On Tue, Mar 3, 2026 at 9:02 PM Sam <sam@example.org> wrote:',
      'Am 03.03.2026 um 21:02 schrieb Sam <sam@example.org>:',
      'Le mar. 3 mars 2026 à 21:02, Sam <sam@example.org> a écrit :',
      'El mar, 3 mar 2026 a las 21:02, Sam (<sam@example.org>) escribió:',
      '-----Original Message-----',
      '---------- Forwarded message ---------',
      '________________________________',
    ];
    for (const header of quoted) expect(ownWords(`Thanks, that works.\n\n${header}\n> earlier text\nolder words`), header).toBe('Thanks, that works.');
  });

  it('stops at an "On … wrote:" line wrapped in two', () => {
    expect(ownWords('Sounds good.\n\nOn Tue, Mar 3, 2026 at 9:02 PM Sam Candidate <sam@exa\nmple.org> wrote:\n> hi')).toBe('Sounds good.');
  });

  it('stops at an Outlook From:/Sent: block but keeps a line that only starts with "From:"', () => {
    expect(ownWords('See below.\n\nFrom: Lena Vogel\nSent: Wednesday, March 4, 2026 6:15 PM\nTo: Sam\n\nold')).toBe('See below.');
    expect(ownWords('From: the team, thanks!\nWe will call you.')).toBe('From: the team, thanks!\nWe will call you.');
  });

  it('leaves out quoted lines, the "-- " signature, phone footers and the closing with the name under it', () => {
    expect(ownWords('Yes.\n> quoted\nSee you then.\n\n-- \nAna Lima\nRecruiter')).toBe('Yes.\nSee you then.');
    expect(ownWords('Great, thank you!\n\nSent from my iPhone')).toBe('Great, thank you!');
    expect(ownWords('We would like to invite you.\n\nBest regards,\nAna Lima\nTalent Acquisition\nAcme')).toBe('We would like to invite you.');
    // A message that is only "Thanks!" keeps it: a closing counts only after some words.
    expect(ownWords('Thanks!')).toBe('Thanks!');
  });

  it('is one line, cut at a word with an ellipsis', () => {
    const summary = summarise(`Hello Sam,\n\n${'word '.repeat(200)}`);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.startsWith('Hello Sam, word word')).toBe(true);
    expect(summary.endsWith('…')).toBe(true);
  });
});
