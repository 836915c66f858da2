import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract';
import { addDays, localDate, zonedInstant } from '#shared/domain/zoned-time';

/** Runs one channel's handler on input checked by the channel's own schema, as the app does. */
export type RunChannel = <C extends Channel>(channel: C, input: ChannelInput<C>) => ChannelOutput<C>;

/** A short rich-text document: one paragraph per line, a bullet list for lines starting with "- ". */
function doc(...lines: string[]) {
  const content: unknown[] = [];
  for (const line of lines) {
    if (line.startsWith('- ')) {
      const item = { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: line.slice(2) }] }] };
      const last = content.at(-1) as { type: string; content: unknown[] } | undefined;
      if (last?.type === 'bulletList') last.content.push(item);
      else content.push({ type: 'bulletList', content: [item] });
    } else {
      content.push({ type: 'paragraph', content: [{ type: 'text', text: line }] });
    }
  }
  return { type: 'doc', content };
}

/** An interview from weeks ago, as a diligent user leaves it: debriefed, every interviewer thanked. */
function settleInterview(run: RunChannel, interviewId: string, thankedAt: string, learned: string): void {
  const { team } = run('interviews.get', { id: interviewId });
  run('interviews.saveDebrief', {
    interviewId,
    nextStepClear: true,
    nextStep: 'Wait for their answer',
    notifyBy: null,
    fillBy: null,
    cardsCollected: false,
    impressions: 'A good conversation.',
    concerns: '',
    questions: '',
    learned,
    team: team.map((member) => ({ contactId: member.contactId, preferredChannel: 'email' as const, cardCollected: false })),
    complete: true,
  });
  for (const letter of run('letters.list', { interviewId })) run('letters.markSent', { id: letter.id, channel: 'email', sentAt: thankedAt });
}

/**
 * A small, believable job search a few weeks in: five companies, openings at
 * different stages, interviews with their teams, a debrief, notes, a sent
 * thank-you note, references and touchpoints. Dates are relative to today so
 * Today has something to show. Built only through the app's own channels.
 */
export function createSampleContent(run: RunChannel, now: Date, timeZone: string): void {
  // Office hours in the user's own zone (10:00 plus a few hours), so times read as a real diary would.
  const today = localDate(now, timeZone);
  const at = (days: number, hours = 0) => new Date(zonedInstant(addDays(today, days), '10:00', timeZone).getTime() + hours * 3_600_000).toISOString();
  const day = (days: number) => addDays(today, days);

  // An opening in full swing: one interview behind, debriefed and thanked, one ahead.
  const lumen = run('openings.create', {
    companyName: 'Lumen Health',
    role: 'Product Designer',
    stage: 'interviewing',
    location: 'Berlin, hybrid',
    salaryMin: 68_000,
    salaryMax: 78_000,
    salaryCurrency: 'EUR',
    source: 'Referral from a former colleague',
    appliedOn: day(-18),
  });
  const firstRound = run('interviews.create', {
    openingId: lumen.id,
    title: 'Portfolio review',
    startsAt: at(-5),
    endsAt: at(-5, 1),
    timeZone,
    format: 'video',
    meetingUrl: 'https://meet.example.com/lumen-portfolio',
    team: [
      { name: 'Priya Shah', title: 'Head of Design', email: 'priya.shah@lumen.example' },
      { name: 'Tom Becker', title: 'Senior Product Designer', email: 'tom.becker@lumen.example' },
    ],
  });
  const team = run('interviews.get', { id: firstRound.id }).team;
  run('interviews.saveDebrief', {
    interviewId: firstRound.id,
    nextStepClear: true,
    nextStep: 'On-site design exercise with the product team',
    notifyBy: day(3),
    fillBy: null,
    cardsCollected: false,
    impressions: 'Warm, curious panel. Priya cared most about how I test ideas with patients.',
    concerns: 'The team is small; I would be the second designer.',
    questions: 'How do designers and clinicians work together day to day?',
    learned: 'They are rebuilding appointment booking this spring.',
    team: team.map((member, index) => ({ contactId: member.contactId, preferredChannel: index === 0 ? ('email' as const) : null, cardCollected: false })),
    complete: true,
  });
  const thanks = run('letters.list', { interviewId: firstRound.id });
  const toPriya = thanks.find((letter) => letter.recipientName === 'Priya Shah');
  if (toPriya) run('letters.markSent', { id: toPriya.id, channel: 'email', sentAt: at(-5, 3) });
  run('interviews.create', {
    openingId: lumen.id,
    title: 'On-site design exercise',
    startsAt: at(3, 1),
    endsAt: at(3, 4),
    timeZone,
    format: 'onsite',
    location: 'Lumen Health, Torstraße 10, Berlin',
    team: [{ contactId: team[0]!.contactId }, { name: 'Jonas Weber', title: 'Product Manager' }],
  });
  const why = run('notes.create', { parentType: 'opening', parentId: lumen.id, title: 'Why this role' });
  run('notes.save', {
    id: why.id,
    title: 'Why this role',
    doc: doc('Healthcare booking is a problem I have lived with as a patient.', '- Small team, real ownership', '- Research with patients every sprint', '- Hybrid, two days in the office'),
  });
  const asked = run('notes.create', { parentType: 'interview', parentId: firstRound.id, title: 'What they asked' });
  run('notes.save', {
    id: asked.id,
    title: 'What they asked',
    doc: doc('Walk us through a project where research changed the design.', 'How do you handle a disagreement with engineering?', '- Follow up: send the booking flow case study'),
  });
  run('research.add', {
    companyId: lumen.companyId,
    occurredOn: day(-20),
    title: 'Series B and a new booking product',
    summary: 'Raised a Series B last year; the booking product launches in three cities next quarter.',
  });

  // Applied, waiting, with one polite nudge to the recruiter already logged.
  const harbor = run('openings.create', { companyName: 'Harbor Logistics', role: 'UX Researcher', stage: 'applied', source: 'Company careers page', appliedOn: day(-9) });
  const recruiter = run('contacts.create', { name: 'Sam Rivera', title: 'Talent Partner', companyName: 'Harbor Logistics', email: 'sam.rivera@harbor.example', preferredChannel: 'email' });
  run('touchpoints.log', {
    openingId: harbor.id,
    contactId: recruiter.id,
    channel: 'email',
    direction: 'outbound',
    kind: 'follow_up',
    occurredAt: at(-2),
    summary: 'Asked Sam where the application stands and when to expect news.',
  });

  // An offer on the table, with references briefed for it.
  const fernwood = run('openings.create', {
    companyName: 'Fernwood Studio',
    role: 'Senior Product Designer',
    stage: 'offer',
    location: 'Remote (EU)',
    salaryMin: 82_000,
    salaryMax: 88_000,
    salaryCurrency: 'EUR',
    appliedOn: day(-35),
    nextStep: 'Reply to the offer',
    notifyBy: day(6),
  });
  const fernwoodRound = run('interviews.create', {
    openingId: fernwood.id,
    title: 'Final round with the founders',
    startsAt: at(-12),
    endsAt: at(-12, 2),
    timeZone,
    format: 'video',
    team: [{ name: 'Elena Novak', title: 'Co-founder', email: 'elena@fernwood.example' }],
  });
  settleInterview(run, fernwoodRound.id, at(-12, 4), 'Founders want someone to own research and design end to end.');
  const maya = run('references.create', {
    name: 'Maya Chen',
    relationship: 'Former manager at Kite Mobility',
    email: 'maya.chen@example.com',
    permission: 'granted',
    notes: 'Happy to talk about the research ops work we did together.',
  });
  run('references.create', { name: 'Luis Ortega', relationship: 'Engineering lead, worked together for three years', permission: 'asked' });
  run('references.attach', { openingId: fernwood.id, referenceId: maya.id });

  // Over: a rejection, and an opening still only of interest.
  const northwind = run('openings.create', { companyName: 'Northwind Bank', role: 'Design Systems Lead', stage: 'applied', appliedOn: day(-40) });
  const northwindRound = run('interviews.create', {
    openingId: northwind.id,
    title: 'Hiring manager call',
    startsAt: at(-26),
    endsAt: at(-26, 1),
    timeZone,
    format: 'phone',
    team: [{ name: 'Grace Miller', title: 'Director of Design' }],
  });
  settleInterview(run, northwindRound.id, at(-26, 3), 'They want someone who has run a design system at a bank before.');
  // Through the outcome step, as the app's screens do: the gracious reply is drafted and staying in touch begins.
  run('openings.recordOutcome', { openingId: northwind.id, outcome: 'rejected' });
  run('openings.create', { companyName: 'Cobalt Labs', role: 'Product Designer, Growth', stage: 'interested', jobUrl: 'https://cobalt.example.com/jobs/growth-designer' });
}
