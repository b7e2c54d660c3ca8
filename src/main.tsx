// Loaded by boot.ts once the simulator worker runs.
import { earlyClient, earlyInit } from './worker/early-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { AppServices } from './ui/services';
import { installTestHooks } from './ui/test-hooks';
import { applyThemeAttribute } from './ui/theme';
import './ui/styles/theme.css';
import './ui/styles/app.css';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const services = new AppServices(earlyClient, safeStorage(), window.matchMedia('(prefers-color-scheme: dark)').matches);
applyThemeAttribute(services.prefs.getState().theme);
installTestHooks(services);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);

services.boot(earlyInit).catch((err: unknown) => {
  console.error('simulator failed to start', err);
  services.terminal.term.write(`\r\nThe simulator failed to start: ${err instanceof Error ? err.message : String(err)}\r\n`);
});
