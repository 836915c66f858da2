import { briefDocument } from '../export/brief-document';
import { exportDocument } from '../export/document-export';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type ReferenceChannel =
  | 'references.list' | 'references.get' | 'references.create' | 'references.update' | 'references.delete'
  | 'references.attach' | 'references.detach' | 'references.brief.get' | 'references.brief.save'
  | 'references.brief.markSent' | 'references.brief.markThanked' | 'references.brief.export';

export function referenceHandlers(services: Services): HandlersFor<ReferenceChannel> {
  const { references, settings, nowIso } = services;
  return {
    'references.list': (filter) => references.list(filter ?? {}),
    'references.get': ({ id }) => references.get(id),
    'references.create': (input) => references.create(input, nowIso()),
    'references.update': (input) => references.update(input, nowIso()),
    'references.delete': ({ id }) => references.softDelete(id, nowIso()),
    'references.attach': (link) => references.attach(link, settings.get().profile.name, nowIso()),
    'references.detach': (link) => references.detach(link),
    'references.brief.get': (link) => references.brief(link),
    'references.brief.save': (input) => references.saveBrief(input, nowIso()),
    'references.brief.markSent': (input) => references.markSent(input, nowIso()),
    'references.brief.markThanked': (input) => references.markThanked(input, nowIso()),
    'references.brief.export': ({ format, ...link }) => exportDocument(services.printer, briefDocument(references.brief(link)), format),
  };
}
