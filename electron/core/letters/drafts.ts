import type { LetterKind, LetterTemplate } from '#shared/domain/letter';
import type { NewLetter } from '../vault/repositories/letters';
import { fillTemplate, fillText, type TemplateValues } from './templates';

/**
 * A date as "10 March 2026": day, month name, year, read the same way
 * everywhere (no 03/10 puzzle). Without a zone, the machine's own: the user's.
 */
export function longDate(instant: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(instant));
}

/** What "Dear …," uses: the first word of the name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

export interface Recipient {
  contactId: string | null;
  name: string;
  title: string | null;
  email: string | null;
}

export interface DraftFacts {
  kind: LetterKind;
  openingId: string;
  interviewId: string | null;
  role: string;
  companyName: string;
  /** Already formatted (in the interview's zone); null when there was no interview. */
  interviewDate: string | null;
  myName: string;
  startedAt: string;
  dueAt: string;
}

export function templateValues(recipient: Recipient, facts: DraftFacts, firstName = firstNameOf(recipient.name)): TemplateValues {
  return {
    firstName,
    name: recipient.name,
    title: recipient.title ?? '',
    role: facts.role,
    company: facts.companyName,
    interviewDate: facts.interviewDate ?? '',
    myName: facts.myName,
  };
}

/** A new letter to one person, its subject and body filled from the template. */
export function draftLetter(template: LetterTemplate, recipient: Recipient, facts: DraftFacts, values = templateValues(recipient, facts)): NewLetter {
  return {
    kind: facts.kind,
    openingId: facts.openingId,
    interviewId: facts.interviewId,
    contactId: recipient.contactId,
    recipientName: recipient.name,
    recipientTitle: recipient.title,
    recipientEmail: recipient.email,
    subject: fillText(template.subject, values),
    doc: fillTemplate(template.doc, values),
    startedAt: facts.startedAt,
    dueAt: facts.dueAt,
    templateId: template.id,
  };
}
