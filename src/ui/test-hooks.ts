// window.__playground: a small, stable surface for the end-to-end tests (and
// for curious learners in the console). Read-only views plus a few helpers.

import type { AppServices } from './services';

export interface PlaygroundHooks {
  /** Time from navigation start to the first prompt that accepts input (ms). */
  firstPromptMs(): number | null;
  terminalText(): string;
  terminalBusy(): boolean;
  /** The prompt as the shell prints it (trailing space included). */
  prompt(): string;
  snapshotVersion(): number | null;
  diagram(): { nodes: string[]; edges: { id: string; source: string; target: string; ready: boolean }[] } | null;
  editorLoaded(): boolean;
  editorValue(): string | null;
  editorPath(): string | null;
  setEditorValue(text: string): boolean;
  markers(path?: string): { severity: number; message: string; startLineNumber: number }[] | null;
  launchPacket(edgeId: string, durationMs?: number): Promise<void>;
  /** The in-app browser's page: what was asked, what came back, who served it. */
  browser(): { url: string; kind: 'page' | 'error'; status: number | null; code: string | null; servedBy: string | null; pod: string | null; loads: number } | null;
  /** The command waiting for the editor, if one is. */
  editSession(): { path: string; program: string; round: number; answered: boolean } | null;
  /** Ids and causes of the packet traces received (newest last). */
  traces(): { id: number; cause: string; outcome: string }[];
}

declare global {
  interface Window {
    __playground?: PlaygroundHooks;
  }
}

export function installTestHooks(services: AppServices): void {
  window.__playground = {
    firstPromptMs: () => services.firstPromptMs,
    terminalText: () => services.terminal.text(),
    terminalBusy: () => services.terminal.controller.isRunning(),
    prompt: () => services.terminal.controller.promptText(),
    snapshotVersion: () => services.latestSnapshot()?.version ?? null,
    diagram: () => {
      const g = services.diagramGraph?.();
      if (!g) return null;
      return {
        nodes: g.nodes.map((n) => n.id),
        edges: g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, ready: e.data?.ready ?? false })),
      };
    },
    editorLoaded: () => services.editor !== null,
    editorValue: () => services.editor?.value() ?? null,
    editorPath: () => services.editor?.path() ?? null,
    setEditorValue: (text) => {
      if (!services.editor) return false;
      services.editor.setValue(text);
      return true;
    },
    markers: (path) => services.editor?.markers(path) ?? null,
    launchPacket: (edgeId, durationMs = 600) => services.packets.launch(edgeId, { durationMs }),
    browser: () => {
      const s = services.browser?.store.getState();
      if (!s) return null;
      const r = s.page?.result;
      if (!r) return null;
      return {
        url: r.url,
        kind: r.kind,
        status: r.kind === 'page' ? r.status : null,
        code: r.kind === 'error' ? r.code : null,
        servedBy: r.kind === 'page' ? r.servedBy : null,
        pod: s.page?.served?.pod ?? null,
        loads: s.loads,
      };
    },
    editSession: () => {
      const s = services.edits.store.getState().session;
      return s ? { ...s } : null;
    },
    traces: () => services.traces.getState().records.map((r) => ({ id: r.id, cause: r.cause, outcome: r.trace.outcome.kind })),
  };
}
