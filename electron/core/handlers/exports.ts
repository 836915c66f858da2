import { interviewsIcs } from '../export/interviews-ics';
import { pipelineCsv } from '../export/pipeline-csv';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type ExportChannel = 'exports.pipelineCsv' | 'exports.interviewsIcs' | 'exports.vaultToFolder' | 'exports.vaultCancel';

export function exportHandlers(services: Services): HandlersFor<ExportChannel> {
  const { vault, vaultExports } = services;
  return {
    'exports.pipelineCsv': () => pipelineCsv(vault.db, services.now()),
    'exports.interviewsIcs': () => interviewsIcs(vault.db, services.now()),
    'exports.vaultToFolder': ({ jobId }) => vaultExports.toFolder(jobId),
    'exports.vaultCancel': ({ jobId }) => ({ canceled: vaultExports.cancel(jobId) }),
  };
}
