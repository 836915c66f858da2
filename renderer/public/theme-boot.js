// Runs before the page paints (a plain script in <head>, as the CSP allows only
// our own files): paints in the theme chosen last time, so the window never
// flashes light before turning dark. renderer/src/theme.ts takes over once the
// app has loaded the setting from the vault; keep the key and attributes in step.
/* global window, document */
(function () {
  var choice = 'system';
  try {
    choice = localStorage.getItem('afterview.theme') || 'system';
  } catch {
    // Storage may be unavailable; the system's preference will do.
  }
  if (choice !== 'light' && choice !== 'dark') choice = 'system';
  var dark = choice === 'dark' || (choice === 'system' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
  document.documentElement.setAttribute('data-theme-choice', choice);
})();
