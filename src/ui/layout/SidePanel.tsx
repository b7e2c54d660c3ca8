// The panel above the editor: the lab text, or the in-app browser. They share
// one place because the learner reads the lab, then tries the app, while the
// diagram (where the browser's packets travel) and the terminal stay in view
// on the right. The browser loads lazily, on first use.

import { lazy, type ReactNode, Suspense, useRef } from 'react';
import { usePrefs } from '../hooks';
import { LabPanel } from '../labs/LabPanel';
import type { SideTab } from '../stores/prefs-store';

const BrowserPanel = lazy(() => import('../browser/BrowserPanel'));

/** The browser wants room for a page; a smaller pane grows to this ratio of the column when it opens. */
const BROWSER_MIN_PX = 380;
const BROWSER_RATIO = 0.58;

function Tab({ tab, current, onPick, children }: { tab: SideTab; current: SideTab; onPick: (t: SideTab) => void; children: ReactNode }) {
  return (
    <button
      type="button"
      role="tab"
      id={`side-tab-${tab}`}
      aria-selected={tab === current}
      aria-controls={`side-panel-${tab}`}
      className="panel-tab"
      onClick={() => onPick(tab)}
      data-testid={`side-tab-${tab}`}
    >
      {children}
    </button>
  );
}

export function SidePanel() {
  const tab = usePrefs((s) => s.sideTab);
  const setTab = usePrefs((s) => s.setSideTab);
  const ratio = usePrefs((s) => s.paneRatios.left);
  const setPaneRatio = usePrefs((s) => s.setPaneRatio);
  const section = useRef<HTMLElement>(null);
  const pick = (t: SideTab) => {
    setTab(t);
    const height = section.current?.clientHeight ?? 0;
    if (t === 'browser' && height > 0 && height < BROWSER_MIN_PX && (ratio ?? 0) < BROWSER_RATIO) setPaneRatio('left', BROWSER_RATIO);
  };
  return (
    <section ref={section} className="panel side-panel" aria-label={tab === 'lab' ? 'Labs' : 'Browser'}>
      <div className="panel-header panel-tabs" role="tablist">
        <Tab tab="lab" current={tab} onPick={pick}>
          Labs
        </Tab>
        <Tab tab="browser" current={tab} onPick={pick}>
          Browser
        </Tab>
      </div>
      <div className="panel-body" role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === 'lab' ? (
          <LabPanel />
        ) : (
          <Suspense fallback={<div className="panel-loading">Loading the browser…</div>}>
            <BrowserPanel />
          </Suspense>
        )}
      </div>
    </section>
  );
}
