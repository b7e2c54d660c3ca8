import { describe, expect, it } from 'vitest';
import { createPrefsStore, defaultPrefs, PREFS_STORAGE_KEY, type KeyValueStorage } from './prefs-store';

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

describe('prefs store', () => {
  it('persists theme, pane ratios and filter under the namespaced key and reloads them', () => {
    const storage = new MemoryStorage();
    const a = createPrefsStore(storage, defaultPrefs(false));
    expect(a.getState().theme).toBe('light');
    a.getState().toggleTheme();
    a.getState().setPaneRatio('main', 0.4);
    a.getState().setNamespaceFilter('*');
    a.getState().setSideTab('browser');
    a.getState().setHopPanel(true);
    a.getState().setShowDns(false);
    expect([...storage.data.keys()]).toEqual([PREFS_STORAGE_KEY]);
    const b = createPrefsStore(storage, defaultPrefs(false));
    expect(b.getState()).toMatchObject({ theme: 'dark', paneRatios: { main: 0.4 }, namespaceFilter: '*', sideTab: 'browser', hopPanel: true, showDns: false });
  });

  it('falls back to defaults for malformed stored values', () => {
    const storage = new MemoryStorage();
    storage.setItem(PREFS_STORAGE_KEY, JSON.stringify({ theme: 'purple', paneRatios: { a: 7, b: 0.3, c: 'x' }, sideTab: 'games', hopPanel: 'yes', showDns: 1 }));
    const s = createPrefsStore(storage, defaultPrefs(true));
    expect(s.getState()).toMatchObject({ theme: 'dark', paneRatios: { b: 0.3 }, namespaceFilter: 'current', sideTab: 'lab', hopPanel: false, showDns: true });
    storage.setItem(PREFS_STORAGE_KEY, '{not json');
    expect(createPrefsStore(storage, defaultPrefs(false)).getState().theme).toBe('light');
  });

  it('works without storage', () => {
    const s = createPrefsStore(null, defaultPrefs(false));
    s.getState().setTheme('dark');
    expect(s.getState().theme).toBe('dark');
  });
});
