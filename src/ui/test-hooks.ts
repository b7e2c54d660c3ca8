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
  };
}
