import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { signalReady } from './api';
import { installFlushPoints } from './editor/flush-points';
import { installShellNavigation } from './shell-navigation';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Before ready: the shell may ask for a flush as soon as the page says it is listening.
installFlushPoints();
installShellNavigation();
signalReady();
