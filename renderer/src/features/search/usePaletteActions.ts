import { useCallback } from 'react';
import { ADD_OPENING_PATH } from '#shared/domain/shortcuts';
import { THEME_LABELS, type ThemeChoice } from '#shared/domain/theme';
import { call } from '#renderer/api';
import { parseRoute } from '#renderer/router';
import { saveThemeChoice } from '#renderer/theme';
import { messageOf } from '#renderer/ui/message-of';
import { useToast } from '#renderer/ui/toast';
import { backupMadeMessage } from '../backups/backup-words';
import { DATA_PATH, EXPORT_VAULT_INTENT, IMPORT_CSV_INTENT } from '../data/data-intents';
import { downloadedMessage, downloadFileExport } from '../data/file-exports';
import { LOG_INTERVIEW_INTENT, openingPath, PREP_SHEET_INTENT } from '../opening/opening-intents';
import { requestCapture } from '../capture/capture-requests';
import type { PaletteActionId } from './actions';

/**
 * Runs a palette action. Quick ones happen here and end in a notification;
 * ones that need a screen (a form, a dialog, a progress bar with Cancel) go
 * to that screen and ask it through the address.
 */
export function usePaletteActions(showShortcuts: () => void): (id: PaletteActionId) => void {
  const toast = useToast();

  const switchTheme = useCallback(
    async (choice: ThemeChoice) => {
      try {
        await saveThemeChoice(choice);
        toast.show(`Appearance: ${THEME_LABELS[choice].toLowerCase()}.`);
      } catch (error) {
        toast.show(`The appearance applies now but could not be saved: ${messageOf(error)}`, { tone: 'error' });
      }
    },
    [toast],
  );

  const backUp = useCallback(async () => {
    try {
      toast.show(backupMadeMessage(await call('backups.create')));
    } catch (error) {
      toast.show(`The backup did not work: ${messageOf(error)}`, { tone: 'error' });
    }
  }, [toast]);

  const downloadPipeline = useCallback(async () => {
    try {
      const saved = await downloadFileExport('exports.pipelineCsv');
      if (saved) toast.show(downloadedMessage(saved));
    } catch (error) {
      toast.show(`The pipeline could not be exported: ${messageOf(error)}`, { tone: 'error' });
    }
  }, [toast]);

  return useCallback(
    (id: PaletteActionId) => {
      const route = parseRoute(window.location.hash);
      switch (id) {
        case 'logInterview':
        case 'prepSheet':
          // The page of the opening on show does it: the form, or the menu of formats.
          if (route.name === 'opening') window.location.hash = `#${openingPath(route.id)}?${id === 'logInterview' ? LOG_INTERVIEW_INTENT : PREP_SHEET_INTENT}`;
          return;
        case 'addOpening':
          window.location.hash = `#${ADD_OPENING_PATH}`;
          return;
        case 'theme:light':
        case 'theme:dark':
        case 'theme:system':
          void switchTheme(id === 'theme:light' ? 'light' : id === 'theme:dark' ? 'dark' : 'system');
          return;
        case 'backUp':
          void backUp();
          return;
        case 'exportVault':
          window.location.hash = `#${DATA_PATH}?${EXPORT_VAULT_INTENT}`;
          return;
        case 'pipelineCsv':
          void downloadPipeline();
          return;
        case 'importCsv':
          window.location.hash = `#${DATA_PATH}?${IMPORT_CSV_INTENT}`;
          return;
        case 'importInvite':
        case 'importEmail':
          // On an opening's page, for that opening; anywhere else the dialog asks which.
          requestCapture({ kind: id === 'importInvite' ? 'invite' : 'email', openingId: route.name === 'opening' ? route.id : undefined });
          return;
        case 'showShortcuts':
          showShortcuts();
          return;
      }
    },
    [switchTheme, backUp, downloadPipeline, showShortcuts],
  );
}
