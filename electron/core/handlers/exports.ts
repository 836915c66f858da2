import { interviewsIcs } from '../export/interviews-ics';
import { pipelineCsv } from '../export/pipeline-csv';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type ExportChannel = 'exports.pipelineCsv' | 'exports.interviewsIcs' | 'exports.vaultToFolder' | 'exports.vaultToZip' | 'exports.checkZipProtection' | 'exports.vaultCancel';

export function exportHandlers(services: Services): HandlersFor<ExportChannel> {
  const { vault, vaultExports, openings } = services;
  return {
    'exports.pipelineCsv': () => {
      const now = services.now();
      return pipelineCsv(vault.db, openings.list(now.toISOString()), now);
    },
    'exports.interviewsIcs': () => interviewsIcs(vault.db, services.now()),
    'exports.vaultToFolder': ({ jobId }) => vaultExports.toFolder(jobId),
    'exports.vaultToZip': ({ jobId, protection }) => vaultExports.toZipFile(jobId, protection),
    'exports.checkZipProtection': async ({ protection }) => ({ protected: (await vaultExports.passphraseFor(protection)) !== null }),
    'exports.vaultCancel': ({ jobId }) => ({ canceled: vaultExports.cancel(jobId) }),
  };
}
