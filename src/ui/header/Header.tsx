import { useEffect, useState } from 'react';
import { usePrefs, useServices } from '../hooks';

function SunIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </svg>
  );
}

function MoonIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
    </svg>
  );
}

/** Reset asks once: the first click arms it for a few seconds. */
function ResetButton() {
  const services = useServices();
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(t);
  }, [armed]);
  const onClick = async () => {
    if (!armed) {
      setArmed(true);
      return;
    }
    setArmed(false);
    setBusy(true);
    try {
      await services.reset();
    } finally {
      setBusy(false);
      services.terminal.focus();
    }
  };
  return (
    <button type="button" className={`btn${armed ? ' btn-danger' : ''}`} onClick={onClick} disabled={busy} data-testid="reset">
      {busy ? 'Resetting…' : armed ? 'Click again to reset the cluster' : 'Reset'}
    </button>
  );
}

export function Header() {
  const theme = usePrefs((s) => s.theme);
  const toggleTheme = usePrefs((s) => s.toggleTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="app-header">
      <h1 className="app-title">Kubernetes Services Playground</h1>
      <span className="app-subtitle">a simulated kind cluster in your browser · Kubernetes v1.32</span>
      <span className="spacer" />
      <button
        type="button"
        className="btn icon-btn"
        onClick={toggleTheme}
        aria-label={`Switch to ${next} theme`}
        title={`Switch to ${next} theme`}
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </button>
      <ResetButton />
    </header>
  );
}
