import type { DueItem } from '#shared/domain/playbook';
import { letterClock } from '#shared/domain/countdown';
import { hoursInWords } from '#shared/domain/durations';
import { stepsOfStage } from '#shared/domain/outcome';
import { plusHours, type RuleContext } from '../context';

/**
 * Thank-you notes: due from the interview's end, a nudge and a warning before
 * the deadline, overdue after it. A reply to a rejection runs on its own
 * clock, while the opening stays rejected. The instants come from letterClock,
 * the same the letter's countdown shows.
 */
export function lettersRule(context: RuleContext): DueItem[] {
  const settings = context.settings;
  return context.facts.letters.flatMap((letter): DueItem[] => {
    const opening = context.index.opening(letter.openingId);
    if (!opening || letter.sentAt) return [];
    const clock = letterClock(letter, settings);
    const alerts = [...new Set([clock.nudgeAt, clock.warningAt, clock.dueAt])];
    if (letter.kind === 'thank_you') {
      return [
        {
          key: `thank_you:${letter.id}`,
          kind: 'thank_you',
          title: `Thank ${letter.recipientName} for the ${opening.role} interview`,
          detail: `A short note within ${hoursInWords(settings.thankYouDeadlineHours)} keeps you in mind while they decide.`,
          dueAt: letter.startedAt,
          deadlineAt: clock.dueAt,
          alerts,
          openingId: opening.id,
          target: { kind: 'letter', id: letter.id },
          channel: 'email',
        },
      ];
    }
    if (!stepsOfStage(opening.stage).replyDraft) return [];
    return [
      {
        key: `rejection_thank_you:${letter.id}`,
        kind: 'rejection_thank_you',
        title: `Reply graciously to ${opening.companyName}`,
        detail: 'Thank them for their time and leave the door open for a future role.',
        dueAt: letter.startedAt,
        deadlineAt: clock.dueAt,
        alerts,
        openingId: opening.id,
        target: { kind: 'letter', id: letter.id },
        channel: 'email',
      },
    ];
  });
}

/** The handwritten copy: a day's warning before it should be in the post. */
export function letterMailRule(context: RuleContext): DueItem[] {
  return context.facts.letters.flatMap((letter): DueItem[] => {
    const opening = context.index.opening(letter.openingId);
    if (!opening || !letter.mailBy || letter.postedAt) return [];
    const dueAt = plusHours(letter.mailBy, -24);
    return [
      {
        key: `letter_mail:${letter.id}`,
        kind: 'letter_mail',
        title: `Post your letter to ${letter.recipientName}`,
        detail: `The handwritten copy for ${opening.companyName} should be in the mail by then.`,
        dueAt,
        deadlineAt: letter.mailBy,
        alerts: [dueAt],
        openingId: opening.id,
        target: { kind: 'letter', id: letter.id },
        channel: 'letter',
      },
    ];
  });
}
