// React access to the app's stores. Data flows one way: worker → stores → views.
// Select primitives or stable references (zustand 5 re-renders forever on a
// selector that builds a new object each call).

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppServices } from './services';
import type { FilesState } from './stores/files-store';
import type { PrefsState } from './stores/prefs-store';
import type { SnapshotState } from './stores/snapshot-store';

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}

export function usePrefs<T>(selector: (s: PrefsState) => T): T {
  return useStore(useServices().prefs, selector);
}

export function useSnapshot<T>(selector: (s: SnapshotState) => T): T {
  return useStore(useServices().snapshots, selector);
}

export function useFiles<T>(selector: (s: FilesState) => T): T {
  return useStore(useServices().files, selector);
}
