import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { signalReady } from './api';
import { installErrorReporting, reportError } from './error-reporting';
import { installRecoveryListener } from './RecoveryNotice';
import { installFlushPoints } from './editor/flush-points';
import { installShellNavigation } from './shell-navigation';
import './styles.css';

installErrorReporting();
createRoot(document.getElementById('root')!, {
  onUncaughtError(error, info) {
    console.error(error);
    reportError(error, info.componentStack);
  },
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Before ready: the shell may ask for a flush as soon as the page says it is listening.
installFlushPoints();
installShellNavigation();
installRecoveryListener();
signalReady();
