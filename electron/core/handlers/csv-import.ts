import type { Services } from '../services';
import type { HandlersFor } from './types';

type CsvImportChannel = 'csvImport.read' | 'csvImport.check' | 'csvImport.run' | 'csvImport.undo';

export function csvImportHandlers({ openingsCsv, nowIso }: Services): HandlersFor<CsvImportChannel> {
  return {
    'csvImport.read': ({ text }) => openingsCsv.inspect(text),
    'csvImport.check': (request) => openingsCsv.check(request, nowIso()),
    'csvImport.run': (request) => openingsCsv.run(request, nowIso()),
    'csvImport.undo': ({ openingIds }) => openingsCsv.undo(openingIds, nowIso()),
  };
}
