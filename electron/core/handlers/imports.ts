import type { Services } from '../services';
import type { HandlersFor } from './types';

type ImportChannel = 'imports.pick' | 'imports.unlock' | 'imports.run' | 'imports.cancel' | 'imports.discard';

export function importHandlers({ vaultImports }: Services): HandlersFor<ImportChannel> {
  return {
    'imports.pick': ({ jobId, source }) => vaultImports.pick(jobId, source),
    'imports.unlock': ({ jobId, sourceId, passphrase }) => vaultImports.unlock(jobId, sourceId, passphrase),
    'imports.run': ({ jobId, importId }) => vaultImports.run(jobId, importId),
    'imports.cancel': ({ jobId }) => ({ canceled: vaultImports.cancel(jobId) }),
    'imports.discard': ({ importId }) => ({ discarded: vaultImports.discard(importId) }),
  };
}
