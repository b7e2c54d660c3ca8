import { useEffect, useRef } from 'react';
import { usePrefs, useServices } from '../hooks';

export function TerminalPane() {
  const { terminal } = useServices();
  const theme = usePrefs((s) => s.theme);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current!;
    terminal.attach(el);
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => terminal.fitNow());
    });
    ro.observe(el);
    terminal.focus();
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [terminal]);

  useEffect(() => terminal.setTheme(theme), [terminal, theme]);

  return (
    <section className="panel terminal-panel" aria-label="Terminal">
      <div className="panel-header">
        <h2 className="panel-title">Terminal</h2>
      </div>
      <div className="panel-body">
        <div ref={host} className="terminal-host nokey" data-testid="terminal" />
      </div>
    </section>
  );
}
