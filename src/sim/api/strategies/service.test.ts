import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import type { Service } from '../types';
import { StatusError } from '../errors';
import { formatStatusError } from '../../../shell/kubectl/errors';

const sim = () => new Simulation({ seed: 11 });

function svc(name: string, spec: Service['spec'], ns = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return formatStatusError(e);
    throw e;
  }
  throw new Error('expected an error');
}

describe('Service registry', () => {
  it('defaults a NodePort service the way the apiserver does and allocates from the right bands', () => {
    const s = sim();
    const created = s.store.create(svc('vote', { type: 'NodePort', selector: { app: 'vote' }, ports: [{ port: 80 }] }));
    expect(created.spec).toMatchObject({
      type: 'NodePort',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(created.spec.clusterIPs).toEqual([created.spec.clusterIP]);
    expect(created.spec.ports![0].nodePort).toBeGreaterThanOrEqual(30086);
    expect(created.status).toEqual({ loadBalancer: {} });
  });

  it('reports the real validation texts', () => {
    const s = sim();
    s.store.create(svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30000 }] }));
    expect(errorOf(() => s.store.create(svc('vote', { type: 'NodePort', ports: [{ port: 80, nodePort: 30000 }] })))).toBe(
      'The Service "vote" is invalid: spec.ports[0].nodePort: Invalid value: 30000: provided port is already allocated',
    );
    expect(errorOf(() => s.store.create(svc('vote', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })))).toBe(
      'The Service "vote" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(errorOf(() => s.store.create(svc('vote', { ports: [{ port: 80, nodePort: 30001 }] })))).toBe(
      "The Service \"vote\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
    expect(errorOf(() => s.store.create(svc('vote', { clusterIP: '10.96.0.10', ports: [{ port: 80 }] })))).toBe(
      'The Service "vote" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(errorOf(() => s.store.create(svc('vote', { ports: [{ port: 0, targetPort: 80 }] })))).toBe(
      'The Service "vote" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    // targetPort defaults to port, so a zero port is reported twice, as the apiserver does.
    expect(errorOf(() => s.store.create(svc('vote', { ports: [{ port: 0 }] })))).toBe(
      'The Service "vote" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    expect(errorOf(() => s.store.create(svc('vote', { ports: [] })))).toBe('The Service "vote" is invalid: spec.ports: Required value');
    expect(errorOf(() => s.store.create(svc('vote', { type: 'Nodeport' as never, ports: [{ port: 80 }] })))).toBe(
      'The Service "vote" is invalid: spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    expect(errorOf(() => s.store.create(svc('vote', { ports: [{ port: 80 }, { port: 81 }] })))).toBe(
      'The Service "vote" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value',
    );
    expect(errorOf(() => s.store.create(svc('vote', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] })))).toBe(
      'The Service "vote" is invalid: spec.ports[1].name: Duplicate value: "http"',
    );
    expect(errorOf(() => s.store.create(svc('vote', { externalIPs: ['xx.xx.xx.xx'], ports: [{ port: 80 }] })))).toBe(
      'The Service "vote" is invalid: spec.externalIPs[0]: Invalid value: "xx.xx.xx.xx": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
  });

  it('leaves nothing allocated after a failed create', () => {
    const s = sim();
    const before = s.nodePorts.isAllocated(30000);
    errorOf(() => s.store.create(svc('x', { type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30000 }, { name: 'b', port: 81, nodePort: 80 }] })));
    expect(before).toBe(false);
    expect(s.nodePorts.isAllocated(30000)).toBe(false);
  });

  it('keeps allocated values on update, drops node ports when the type goes back to ClusterIP, and frees them', () => {
    const s = sim();
    const created = s.store.create(svc('vote', { type: 'NodePort', selector: { app: 'vote' }, ports: [{ port: 80 }] }));
    const np = created.spec.ports![0].nodePort!;
    // A client that does not send clusterIP / nodePort (kubectl replace) keeps them.
    const replaced = s.store.update(svc('vote', { type: 'NodePort', selector: { app: 'vote' }, ports: [{ port: 80 }] }));
    expect(replaced.spec.clusterIP).toBe(created.spec.clusterIP);
    expect(replaced.spec.ports![0].nodePort).toBe(np);
    const clusterIP = s.store.update({ ...replaced, spec: { ...replaced.spec, type: 'ClusterIP', externalTrafficPolicy: undefined } });
    expect(clusterIP.spec.ports![0].nodePort).toBeUndefined();
    expect(s.nodePorts.isAllocated(np)).toBe(false);
    s.store.delete('Service', 'default', 'vote');
    expect(s.clusterIPs.isAllocated(created.spec.clusterIP!)).toBe(false);
  });

  it('refuses to change an allocated cluster IP', () => {
    const s = sim();
    const c = s.store.create(svc('vote', { ports: [{ port: 80 }] }));
    expect(errorOf(() => s.store.update({ ...c, spec: { ...c.spec, clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] } }))).toBe(
      'The Service "vote" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    );
  });

  it('gives headless and ExternalName services no cluster IP and the right families', () => {
    const s = sim();
    const headless = s.store.create(svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }));
    expect(headless.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack' });
    const bare = s.store.create(svc('bare', { clusterIP: 'None' }));
    expect(bare.spec.ipFamilyPolicy).toBe('RequireDualStack');
    const ext = s.store.create(svc('extdb', { type: 'ExternalName', externalName: 'db.example.com' }));
    expect(ext.spec.clusterIP).toBeUndefined();
    expect(ext.spec.ipFamilies).toBeUndefined();
    expect(ext.spec.internalTrafficPolicy).toBeUndefined();
  });
});
