import { describe, expect, it } from 'vitest';
import { ApiStore, type WatchEvent } from './store';
import { Rng } from '../core/rng';
import { StatusError } from './errors';
import type { KubeObject, Pod } from './types';
import { formatStatusError } from '../../shell/kubectl/errors';

function newStore() {
  let now = Date.UTC(2026, 0, 1);
  const store = new ApiStore(() => now, new Rng(1));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } });
  return { store, tick: (ms: number) => (now += ms) };
}

const pod = (name: string, ns = 'default', labels?: Record<string, string>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, ...(labels ? { labels } : {}) },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('ApiStore', () => {
  it('sets server metadata on create and bumps resourceVersion on every write', () => {
    const { store } = newStore();
    const a = store.create(pod('a'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    const b = store.update({ ...a, metadata: { ...a.metadata, labels: { x: 'y' } } });
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(b.metadata.uid).toBe(a.metadata.uid);
  });

  it('lists in storage-key order: namespace, then name, byte-wise', () => {
    const { store } = newStore();
    for (const [n, ns] of [['b', 'kube-system'], ['Z', 'default'], ['a', 'default'], ['a-1', 'default']] as const) {
      store.create({ ...pod(n.toLowerCase() === 'z' ? 'z' : n, ns) });
    }
    expect(store.list('Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/a', 'default/a-1', 'default/z', 'kube-system/b']);
  });

  it('refuses duplicates, missing namespaces and bad names with the apiserver texts', () => {
    const { store } = newStore();
    store.create(pod('a'));
    const dup = (() => {
      try {
        store.create(pod('a'));
      } catch (e) {
        return e as StatusError;
      }
    })();
    expect(dup?.reason).toBe('AlreadyExists');
    expect(dup?.message).toBe('pods "a" already exists');
    expect(() => store.create(pod('a', 'nope'))).toThrow('namespaces "nope" not found');
    try {
      store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'Vote', namespace: 'default' }, spec: { ports: [{ port: 80 }] } } as KubeObject);
      expect.unreachable();
    } catch (e) {
      expect(formatStatusError(e as StatusError)).toBe(
        `The Service "Vote" is invalid: metadata.name: Invalid value: "Vote": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      );
    }
  });

  it('generates names from generateName with the apiserver alphabet', () => {
    const { store } = newStore();
    const p = store.create<Pod>({ ...pod(''), metadata: { generateName: 'vote-', namespace: 'default' } });
    expect(p.metadata.name).toMatch(/^vote-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('finds objects by label through the index, and follows relabelling', () => {
    const { store } = newStore();
    store.create(pod('a', 'default', { app: 'vote', tier: 'front' }));
    store.create(pod('b', 'default', { app: 'vote' }));
    store.create(pod('c', 'default', { app: 'redis' }));
    expect(store.listMatching('Pod', 'default', { app: 'vote' }).map((p) => p.metadata.name)).toEqual(['a', 'b']);
    const a = store.get<Pod>('Pod', 'default', 'a')!;
    store.update({ ...a, metadata: { ...a.metadata, labels: { app: 'redis' } } });
    expect(store.listMatching('Pod', 'default', { app: 'vote' }).map((p) => p.metadata.name)).toEqual(['b']);
    expect(store.listMatching('Pod', 'default', { app: 'redis' }).map((p) => p.metadata.name)).toEqual(['a', 'c']);
  });

  it('announces changes to watchers with the previous version', () => {
    const { store } = newStore();
    const seen: WatchEvent[] = [];
    store.watch('Pod', (e) => seen.push(e));
    const a = store.create(pod('a'));
    store.update({ ...a, metadata: { ...a.metadata, labels: { v: '1' } } });
    store.delete('Pod', 'default', 'a');
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(seen[1].old?.metadata.labels).toBeUndefined();
    expect(seen[1].object.metadata.labels).toEqual({ v: '1' });
  });

  it('does not bump resourceVersion or notify on a no-op update', () => {
    const { store } = newStore();
    const a = store.create(pod('a'));
    let events = 0;
    store.watch('Pod', () => events++);
    const again = store.update({ ...a });
    expect(again.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
    expect(events).toBe(0);
  });

  it('rejects stale writes with the Conflict text', () => {
    const { store } = newStore();
    const a = store.create(pod('a'));
    store.update({ ...a, metadata: { ...a.metadata, labels: { x: '1' } } });
    expect(() => store.update({ ...a, metadata: { ...a.metadata, labels: { x: '2' } } })).toThrow(
      'Operation cannot be fulfilled on pods "a": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('keeps the dependents of an owner indexed by owner uid', () => {
    const { store } = newStore();
    const owner = store.create(pod('owner'));
    const ref = { apiVersion: 'v1', kind: 'Pod', name: 'owner', uid: owner.metadata.uid!, controller: true };
    store.create({ ...pod('d1'), metadata: { name: 'd1', namespace: 'default', ownerReferences: [ref] } });
    store.create({ ...pod('d2'), metadata: { name: 'd2', namespace: 'default', ownerReferences: [ref] } });
    expect(store.listOwnedBy('Pod', owner.metadata.uid!).map((p) => p.metadata.name)).toEqual(['d1', 'd2']);
    store.delete('Pod', 'default', 'd1');
    expect(store.listOwnedBy('Pod', owner.metadata.uid!).map((p) => p.metadata.name)).toEqual(['d2']);
  });

  it('deletes pods gracefully and refuses to delete the default namespace', () => {
    const { store } = newStore();
    const p = store.create({ ...pod('a'), spec: { ...pod('a').spec, nodeName: 'n1' } });
    const marked = store.requestDelete('Pod', 'default', 'a');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(store.get('Pod', 'default', 'a')?.metadata.uid).toBe(p.metadata.uid);
    const unscheduled = store.create(pod('b'));
    store.requestDelete('Pod', 'default', 'b');
    expect(store.get('Pod', 'default', unscheduled.metadata.name!)).toBeUndefined();
    expect(() => store.requestDelete('Namespace', undefined, 'default')).toThrow('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});
