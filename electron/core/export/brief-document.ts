import type { Brief } from '#shared/domain/reference';
import type { ExportableDocument } from './document-export';

/** A reference brief: the e-mail subject as its title, who it is for beneath. */
export function briefDocument(brief: Brief): ExportableDocument {
  return {
    fileStem: `Reference brief - ${brief.reference.name} - ${brief.companyName}`,
    title: brief.subject,
    subtitle: [`For ${brief.reference.name}`],
    body: brief.doc,
  };
}
