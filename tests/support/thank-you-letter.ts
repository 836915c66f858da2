const MINUTE = 60_000;

/** An interview of `openingId` that ended `minutesAgo` minutes ago, with Ana Ruiz (who has an e-mail address) on its team. */
export function interviewThatEnded(openingId: string, minutesAgo: number) {
  const end = new Date(Date.now() - minutesAgo * MINUTE);
  return {
    openingId,
    startsAt: new Date(end.getTime() - 60 * MINUTE).toISOString(),
    endsAt: end.toISOString(),
    timeZone: 'Europe/Berlin',
    format: 'video',
    team: [{ name: 'Ana Ruiz', title: 'Head of Analytics', email: 'ana@northwind.example' }],
  };
}

/** A six-paragraph thank-you to Ana, with the characters a mail link must escape. */
export const SIX_PARAGRAPH_THANK_YOU = {
  subject: 'Thank you — Senior Data Analyst interview',
  paragraphs: [
    'Dear Ana,',
    'Thank you for the time you gave me on Tuesday & for the tour of the data platform.',
    'Our talk about the on-call rota stayed with me: I ran one for three years.',
    'I did not mention that I moved our reporting to dbt (builds went from 4 h to 40 min).',
    'I look forward to the case study with the team — “50/50” pairing sounds great.',
    'Kind regards, Sam Taylor',
  ],
  get doc() {
    return { type: 'doc', content: this.paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  },
  /** What the system must receive for it, written out by hand: paragraphs apart by CRLF CRLF, every reserved character escaped. */
  mailto:
    'mailto:ana@northwind.example' +
    '?subject=Thank%20you%20%E2%80%94%20Senior%20Data%20Analyst%20interview' +
    '&body=Dear%20Ana%2C' +
    '%0D%0A%0D%0AThank%20you%20for%20the%20time%20you%20gave%20me%20on%20Tuesday%20%26%20for%20the%20tour%20of%20the%20data%20platform.' +
    '%0D%0A%0D%0AOur%20talk%20about%20the%20on-call%20rota%20stayed%20with%20me%3A%20I%20ran%20one%20for%20three%20years.' +
    '%0D%0A%0D%0AI%20did%20not%20mention%20that%20I%20moved%20our%20reporting%20to%20dbt%20(builds%20went%20from%204%20h%20to%2040%20min).' +
    '%0D%0A%0D%0AI%20look%20forward%20to%20the%20case%20study%20with%20the%20team%20%E2%80%94%20%E2%80%9C50%2F50%E2%80%9D%20pairing%20sounds%20great.' +
    '%0D%0A%0D%0AKind%20regards%2C%20Sam%20Taylor',
};
