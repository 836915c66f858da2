import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { VaultGate } from './features/lock/VaultGate';
import { signalReady } from './api';
import { installErrorReporting, reportError } from './error-reporting';
import { installRecoveryListener } from './RecoveryNotice';
import { readSavedSettings } from './saved-settings';
import { installFlushPoints } from './editor/flush-points';
import { installShellNavigation } from './shell-navigation';
import './styles.css';

installErrorReporting();
// Before ready: the shell may ask for a flush as soon as the page says it is listening.
installFlushPoints();
installShellNavigation();
installRecoveryListener();
// The saved settings come first (one small read), so no screen ever paints a default in their place;
// a locked vault answers none, and the app reads them itself once the gate lets it in.
void readSavedSettings().then((savedSettings) => {
  createRoot(document.getElementById('root')!, {
    onUncaughtError(error, info) {
      console.error(error);
      reportError(error, info.componentStack);
    },
  }).render(
    <StrictMode>
      <VaultGate>
        <App savedSettings={savedSettings} />
      </VaultGate>
    </StrictMode>,
  );
  signalReady();
});
