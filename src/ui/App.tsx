// Layout: the left column holds what the learner reads and writes (lab text,
// or the in-app browser, above the YAML editor); the right column shows the
// consequences (diagram above the terminal). The right column is wider because kubectl's tables
// (`get pods -o wide`) need about 120 columns; the terminal sits at the bottom
// right, where the eye lands after pressing Apply.

import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Header } from './header/Header';
import { ServicesContext, usePrefs, useServices } from './hooks';
import { SidePanel } from './layout/SidePanel';
import { SplitPane } from './layout/SplitPane';
import type { AppServices } from './services';
import { TerminalPane } from './terminal/TerminalPane';
import { applyThemeAttribute } from './theme';

// Monaco (about 650 KB gzipped) and React Flow load after the first prompt is
// up: parsing them on the main thread would otherwise delay the worker's start.
const EditorPane = lazy(() => import('./editor/EditorPane'));
const DiagramPane = lazy(() => import('./diagram/DiagramPane'));

function AfterFirstPrompt({ what, children }: { what: string; children: ReactNode }) {
  const services = useServices();
  const [ready, setReady] = useState(services.firstPromptMs !== null);
  useEffect(() => {
    let live = true;
    void services.prompted.then(() => requestAnimationFrame(() => live && setReady(true)));
    return () => {
      live = false;
    };
  }, [services]);
  if (!ready) return <Loading what={what} />;
  return <Suspense fallback={<Loading what={what} />}>{children}</Suspense>;
}

function Loading({ what }: { what: string }) {
  return (
    <section className="panel">
      <div className="panel-loading">Loading {what}…</div>
    </section>
  );
}

function ThemeSync() {
  const theme = usePrefs((s) => s.theme);
  useEffect(() => applyThemeAttribute(theme), [theme]);
  return null;
}

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesContext.Provider value={services}>
      <ThemeSync />
      <div className="app">
        <Header />
        <main className="workspace">
          <SplitPane id="columns" direction="row" defaultRatio={0.34} minFirst={300} minSecond={480} label="Resize left and right columns">
            <SplitPane id="left" direction="column" defaultRatio={0.32} minFirst={90} minSecond={180} label="Resize lab panel and editor">
              <SidePanel />
              <AfterFirstPrompt what="editor">
                <EditorPane />
              </AfterFirstPrompt>
            </SplitPane>
            <SplitPane id="right" direction="column" defaultRatio={0.48} minFirst={140} minSecond={160} label="Resize diagram and terminal">
              <AfterFirstPrompt what="diagram">
                <DiagramPane />
              </AfterFirstPrompt>
              <TerminalPane />
            </SplitPane>
          </SplitPane>
        </main>
      </div>
    </ServicesContext.Provider>
  );
}
