// The in-app browser (lazy chunk): address bar, Back, Reload, the page in a
// sandboxed frame, and a status line naming the pod that answered. The page's
// links and forms come back as messages (frame-protocol.ts) and are requested
// through the simulation like any other navigation.

import { type FormEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../hooks';
import { describeError } from './error-page';
import { frameToken, parseFrameMessage } from './frame-protocol';
import { BrowserController, type BrowserPage } from './browser-controller';
import { fitViewport } from './viewport';

/** The size of an element, kept up to date. */
function useBoxSize(ref: { current: HTMLElement | null }): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

function BackIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M19 12H5M11 6l-6 6 6 6" />
    </svg>
  );
}

function ReloadIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />
    </svg>
  );
}

function StatusLine({ page, loading, zoom }: { page: BrowserPage | null; loading: boolean; zoom: number }) {
  if (loading) return <div className="browser-status">Loading…</div>;
  if (!page) return <div className="browser-status">Type an address, such as a node IP and a nodePort, and press Enter.</div>;
  const r = page.result;
  if (r.kind === 'error') return <div className="browser-status status-err">{r.code}</div>;
  const s = page.served;
  const who = s?.pod ? `pod ${s.pod}${s.node ? ` on ${s.node}` : ''}` : s?.node ? `node ${s.node}` : null;
  return (
    <div className="browser-status" data-testid="browser-status">
      <span className="browser-status-text">
        <span className={r.status < 400 ? 'status-ok' : 'status-err'}>
          HTTP {r.status} {r.reason}
        </span>{' '}
        · served by <code>{r.servedBy}</code>
        {who ? ` (${who})` : ''}
      </span>
      {zoom < 0.995 && <span className="browser-zoom" title="The page is laid out for a desktop window and zoomed out to fit">{Math.round(zoom * 100)}%</span>}
    </div>
  );
}

function ErrorView({ page }: { page: BrowserPage }) {
  if (page.result.kind !== 'error') return null;
  const e = describeError(page.result.code, page.result.url);
  return (
    <div className="browser-error" data-testid="browser-error" data-code={e.code}>
      <svg className="browser-error-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 7h18v12H3zM3 7l3-3h12l3 3M9 12l6 4M15 12l-6 4" />
      </svg>
      <h3>{e.title}</h3>
      <p>{e.detail}</p>
      <p className="browser-error-code">{e.code}</p>
      <p className="browser-error-hint">{e.hint}</p>
    </div>
  );
}

export default function BrowserPanel() {
  const services = useServices();
  const browser = (services.browser ??= new BrowserController(services.browserPorts(frameToken)));
  const address = useStore(browser.store, (s) => s.address);
  const page = useStore(browser.store, (s) => s.page);
  const loading = useStore(browser.store, (s) => s.loading);
  const canGoBack = useStore(browser.store, (s) => s.history.length > 0);
  const frame = useRef<HTMLIFrameElement>(null);
  const view = useRef<HTMLDivElement>(null);
  const box = useBoxSize(view);
  const viewport = fitViewport(box.width, box.height);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const current = browser.store.getState().page;
      if (!current || !frame.current || e.source !== frame.current.contentWindow) return;
      const req = parseFrameMessage(e.data, current.token);
      if (req) void browser.fromFrame(req);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [browser]);

  const go = (e: FormEvent) => {
    e.preventDefault();
    void browser.go();
  };

  return (
    <div className="browser" data-testid="browser">
      <form className="browser-bar" onSubmit={go}>
        <button type="button" className="btn icon-btn" onClick={() => void browser.back()} disabled={!canGoBack} aria-label="Back" title="Back" data-testid="browser-back">
          <BackIcon />
        </button>
        <button type="button" className="btn icon-btn" onClick={() => void browser.reload()} aria-label="Reload" title="Reload" data-testid="browser-reload">
          <ReloadIcon />
        </button>
        <input
          className="browser-address"
          value={address}
          onChange={(e) => browser.setAddress(e.target.value)}
          onFocus={(e) => e.target.select()}
          aria-label="Address"
          spellCheck={false}
          autoComplete="off"
          data-testid="browser-address"
        />
        <button type="submit" className="btn" data-testid="browser-go">
          Go
        </button>
      </form>
      <StatusLine page={page} loading={loading} zoom={viewport.scale} />
      <div className="browser-view" ref={view}>
        {page?.srcdoc != null ? (
          <iframe
            key={page.token}
            ref={frame}
            className="browser-frame"
            title={`Page at ${page.result.url}`}
            sandbox="allow-scripts allow-forms"
            srcDoc={page.srcdoc}
            style={{ width: viewport.width, height: viewport.height, zoom: viewport.scale }}
            data-testid="browser-frame"
          />
        ) : page ? (
          <ErrorView page={page} />
        ) : (
          <div className="browser-empty">
            The browser runs on your host, like curl in the terminal: try a node IP (<code>kubectl get nodes -o wide</code>) and a Service’s
            nodePort.
          </div>
        )}
      </div>
    </div>
  );
}
