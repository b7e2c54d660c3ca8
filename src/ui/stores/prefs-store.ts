// Learner preferences that survive a reload: theme, pane sizes, diagram filter.
// Persisted as one JSON value under a namespaced localStorage key.

import { createStore, type StoreApi } from 'zustand/vanilla';

export type Theme = 'light' | 'dark';
/** 'current' follows the shell's current namespace; '*' shows all. */
export type NamespaceFilter = 'current' | '*' | (string & {});

/** What the panel above the editor shows. */
export type SideTab = 'lab' | 'browser';

export interface Prefs {
  theme: Theme;
  /** Fraction given to the first pane of each split, by split id. */
  paneRatios: Record<string, number>;
  namespaceFilter: NamespaceFilter;
  sideTab: SideTab;
  /** The diagram's packet list (hop panel) is open. */
  hopPanel: boolean;
  /** Animate DNS queries too (each lookup is several of them). */
  showDns: boolean;
}

export interface PrefsState extends Prefs {
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  setPaneRatio(id: string, ratio: number): void;
  setNamespaceFilter(filter: NamespaceFilter): void;
  setSideTab(tab: SideTab): void;
  setHopPanel(open: boolean): void;
  setShowDns(show: boolean): void;
}

export const PREFS_STORAGE_KEY = 'k8s-services-playground:prefs:v1';

/** The part of Web Storage the store needs (localStorage in the browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function defaultPrefs(prefersDark: boolean): Prefs {
  return { theme: prefersDark ? 'dark' : 'light', paneRatios: {}, namespaceFilter: 'current', sideTab: 'lab', hopPanel: false, showDns: true };
}

/** Read stored prefs, keeping defaults for anything missing or malformed. */
export function loadPrefs(storage: KeyValueStorage | null, defaults: Prefs): Prefs {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(PREFS_STORAGE_KEY) ?? 'null');
  } catch {
    return defaults;
  }
  if (typeof raw !== 'object' || raw === null) return defaults;
  const r = raw as Record<string, unknown>;
  const paneRatios: Record<string, number> = {};
  if (typeof r.paneRatios === 'object' && r.paneRatios !== null) {
    for (const [k, v] of Object.entries(r.paneRatios)) {
      if (typeof v === 'number' && v > 0 && v < 1) paneRatios[k] = v;
    }
  }
  return {
    theme: r.theme === 'light' || r.theme === 'dark' ? r.theme : defaults.theme,
    paneRatios,
    namespaceFilter: typeof r.namespaceFilter === 'string' && r.namespaceFilter !== '' ? r.namespaceFilter : defaults.namespaceFilter,
    sideTab: r.sideTab === 'lab' || r.sideTab === 'browser' ? r.sideTab : defaults.sideTab,
    hopPanel: typeof r.hopPanel === 'boolean' ? r.hopPanel : defaults.hopPanel,
    showDns: typeof r.showDns === 'boolean' ? r.showDns : defaults.showDns,
  };
}

export function createPrefsStore(storage: KeyValueStorage | null, defaults: Prefs): StoreApi<PrefsState> {
  const store = createStore<PrefsState>()((set) => ({
    ...loadPrefs(storage, defaults),
    setTheme: (theme) => set({ theme }),
    toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
    setPaneRatio: (id, ratio) => set((s) => ({ paneRatios: { ...s.paneRatios, [id]: ratio } })),
    setNamespaceFilter: (namespaceFilter) => set({ namespaceFilter }),
    setSideTab: (sideTab) => set({ sideTab }),
    setHopPanel: (hopPanel) => set({ hopPanel }),
    setShowDns: (showDns) => set({ showDns }),
  }));
  store.subscribe((s) => {
    const prefs: Prefs = { theme: s.theme, paneRatios: s.paneRatios, namespaceFilter: s.namespaceFilter, sideTab: s.sideTab, hopPanel: s.hopPanel, showDns: s.showDns };
    try {
      storage?.setItem(PREFS_STORAGE_KEY, JSON.stringify(prefs));
    } catch {
      // Storage full or disabled (private mode): preferences just do not persist.
    }
  });
  return store;
}
