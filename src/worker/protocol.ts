// The typed RPC surface between the UI (main thread) and the simulation worker.
// Everything crossing it is plain structured-cloneable data.

/** One piece of terminal output, in order. */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Terminal-level effects a command can ask for, besides output. */
export type TerminalEffect =
  | { type: 'clear' }
  /** Open this host file in the editor (vi, kubectl edit) and call finishEdit when the learner is done. */
  | { type: 'edit'; path: string };

export interface ExecResult {
  exit: number;
  /** The prompt to show next (it changes inside node and pod shells). */
  prompt: string;
  /** The shell is a node or pod shell now (Ctrl-D on an empty line means `exit` there). */
  nested: boolean;
}

/**
 * Tab completion as bash does it: a single match completes (with a space), several
 * matches extend the line to their common prefix when that is longer, and when it
 * is not, `candidates` lists them (the line stays as typed).
 */
export interface Completion {
  line: string;
  candidates: string[];
}

export interface FileEntry {
  path: string;
  content: string;
}

// ---------------------------------------------------------------- diagram snapshot

export interface SnapshotNode {
  name: string;
  ip: string;
  ready: boolean;
  roles: string[];
  /** The weave bridge address of this node (the `src` of its 10.32.0.0/12 route). */
  bridgeIP: string;
}

export interface SnapshotPod {
  namespace: string;
  name: string;
  node: string | null;
  ip: string | null;
  /** What `kubectl get pods` shows in STATUS. */
  status: string;
  ready: boolean;
  labels: Record<string, string>;
}

export interface SnapshotEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  pod: string | null;
  node: string | null;
}

export interface SnapshotService {
  namespace: string;
  name: string;
  type: string;
  clusterIP: string | null;
  externalIPs: string[];
  ports: { name: string | null; port: number; targetPort: string; nodePort: number | null; protocol: string }[];
  selector: Record<string, string> | null;
  endpoints: SnapshotEndpoint[];
}

export interface ClusterSnapshot {
  /** Virtual time in ms since the epoch. */
  time: number;
  /** Increases with every change; the UI skips snapshots it has already drawn. */
  version: number;
  currentNamespace: string;
  nodes: SnapshotNode[];
  pods: SnapshotPod[];
  services: SnapshotService[];
}

/**
 * One connection the packet engine walked (curl, an app talking to redis, a DNS
 * query): its cause and every hop, as plain data. The diagram animates these.
 */
export type { TraceRecord } from '../sim/runtime/traces';

/** What the worker exposes (through comlink). */
export interface SimWorkerApi {
  /**
   * Start (or restart) a fresh default cluster. Ends every snapshot subscription of
   * the previous cluster: subscribe again after init, so no late snapshot of the old
   * cluster can be taken for the new one.
   */
  init(options: { seed?: number }): Promise<{ prompt: string }>;
  /** The terminal's width changed (commands lay out for it). */
  resize(columns: number): Promise<void>;
  /** Run one terminal line; output streams through `onOutput` as it is produced. */
  exec(line: string, onOutput: (chunk: OutputChunk) => void, onEffect: (effect: TerminalEffect) => void): Promise<ExecResult>;
  /** The learner finished editing a file opened by an `edit` effect (after writing it with writeFile when saved). */
  finishEdit(path: string, saved: boolean): Promise<void>;
  /** Ctrl-C: stop the running command (watch, sleep, -w). */
  interrupt(): Promise<void>;
  complete(line: string): Promise<Completion>;
  /** True when `text` needs more lines (open quote, heredoc, trailing pipe): show the `> ` continuation prompt. */
  isIncomplete(text: string): Promise<boolean>;
  prompt(): Promise<string>;
  listFiles(): Promise<FileEntry[]>;
  /** Any file of the worker's filesystem (kubectl edit writes its file under /tmp), or null when there is none. */
  readFile(path: string): Promise<string | null>;
  writeFile(path: string, content: string): Promise<void>;
  deleteFile(path: string): Promise<void>;
  /** Latest snapshot, and a push subscription batched to at most one per animation frame's worth of time. */
  snapshot(): Promise<ClusterSnapshot>;
  subscribe(onSnapshot: (s: ClusterSnapshot) => void): Promise<void>;
  /** The in-app browser: one request from the learner's host (resolution, NodePort, DNAT, the app). */
  browse(req: import('../shell/net/browser').BrowserRequest): Promise<import('../shell/net/browser').BrowserResult>;
  /** Every packet trace from now on (ended, like snapshot subscriptions, by init). */
  subscribeTraces(onTrace: (t: import('../sim/runtime/traces').TraceRecord) => void): Promise<void>;
}
