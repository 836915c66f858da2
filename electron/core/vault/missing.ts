import { AppError } from '../errors';

export type ItemKind = 'opening' | 'interview' | 'contact' | 'company' | 'note' | 'research' | 'card' | 'letter' | 'template' | 'reference' | 'brief';

const NAMES: Record<ItemKind, string> = {
  opening: 'opening',
  interview: 'interview',
  contact: 'contact',
  company: 'company',
  note: 'note',
  research: 'research entry',
  card: 'business card',
  letter: 'letter',
  template: 'template',
  reference: 'reference',
  brief: 'reference brief',
};

/** The error for an id that is unknown, or whose item (or its parent) is in the trash. */
export function missing(kind: ItemKind): AppError {
  const trashHint = kind === 'company' || kind === 'template' ? '' : ' It may be in the trash.';
  return new AppError('NOT_FOUND', `This ${NAMES[kind]} no longer exists.${trashHint}`);
}
