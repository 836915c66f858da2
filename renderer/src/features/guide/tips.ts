import type { TipId } from '#shared/domain/tips';

/** What each tip says: one reason, in a few calm sentences. */
export const TIPS: Record<TipId, { title: string; body: string }> = {
  thank_within_a_day: {
    title: 'Why thank them within a day',
    body:
      'A note that arrives the day after the interview reaches them while they are still comparing people. It is also your chance to add something you did not get to say, or to put right an answer that came out badly. Keep it short, and make it about this person and this conversation.',
  },
  linkedin_after_process: {
    title: 'Why not connect on LinkedIn yet',
    body:
      'An invitation in the middle of the process can feel like pressure, or like a way around it. Once they have decided, whatever they decided, the same invitation is simply a friendly way to stay in touch. Afterview reminds you when the time comes.',
  },
  when_to_move_on: {
    title: 'When to move on',
    body:
      'Silence after a couple of polite follow-ups is an answer for now. Letting the opening rest frees your attention for the others; more messages rarely change the outcome. Employers sometimes come back months later, and if they do, the opening comes back with them.',
  },
  ask_references_first: {
    title: 'Ask before you give their name',
    body:
      'Someone who agreed in advance, and knows the role and what to stress, speaks with conviction. A surprise call gets a hesitant one. Ask each person first, then send them a short brief once an employer might call.',
  },
};
