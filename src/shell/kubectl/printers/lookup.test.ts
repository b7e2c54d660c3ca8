// The API store itself is an ObjectLookup: kubectl can hand it to the printers.

import { describe as suite, expect, it } from 'vitest';
import { ApiStore } from '../../../sim/api/store';
import { Rng } from '../../../sim/core/rng';
import type { EndpointSlice, Namespace, Service } from '../../../sim/api/types';
import { describe, printGetTables, type ObjectLookup } from './index';

suite('ApiStore as ObjectLookup', () => {
  const now = Date.parse('2024-07-01T10:12:30Z');
  const store = new ApiStore(() => now - 5 * 60_000, new Rng(7));
  const lookup: ObjectLookup = store;
  store.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const svc = store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'ClusterIP', selector: { app: 'web' }, clusterIP: '10.96.3.3', clusterIPs: ['10.96.3.3'], ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], sessionAffinity: 'None' },
  });
  for (const [name, service, ip] of [
    ['web-abcde', 'web', '10.244.1.5'],
    ['other-fghij', 'other', '10.244.9.9'],
  ]) {
    store.create<EndpointSlice>({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': service } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    });
  }

  it('describe reads the slices of the service through the store', () => {
    expect(describe('Service', svc, lookup, now)).toMatch(/\nEndpoints: +10\.244\.1\.5:8080\n/);
  });

  it('get lists what the store lists', () => {
    expect(printGetTables([{ kind: 'EndpointSlice', items: store.list('EndpointSlice', { namespace: 'default' }) }], {}, now)).toBe(
      'NAME          ADDRESSTYPE   PORTS   ENDPOINTS    AGE\nother-fghij   IPv4          8080    10.244.9.9   5m\nweb-abcde     IPv4          8080    10.244.1.5   5m\n',
    );
  });
});
