import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../api/types';
import { expandEnvReferences, formatEnv, kubeletEnv, processEnv, serviceEnvVars, servicesForEnv } from './env';
import { labStore, service } from '../../../test/fixtures/dns/cluster';

const redis = service('instavote', 'redis', { clusterIP: '10.104.128.34', ports: [{ port: 6379, protocol: 'TCP' }] });
const voteApi = service('instavote', 'vote-api', {
  clusterIP: '10.102.45.167',
  ports: [
    { name: 'http', port: 80, protocol: 'TCP' },
    { name: 'metrics', port: 9090, protocol: 'TCP' },
  ],
});

const lines = (entries: { name: string; value: string }[]) => formatEnv(entries);

describe('service environment variables (section 6)', () => {
  it('redis, one unnamed port', () => {
    expect(lines(serviceEnvVars([redis]))).toBe(
      'REDIS_SERVICE_HOST=10.104.128.34\nREDIS_SERVICE_PORT=6379\nREDIS_PORT=tcp://10.104.128.34:6379\nREDIS_PORT_6379_TCP=tcp://10.104.128.34:6379\n' +
        'REDIS_PORT_6379_TCP_PROTO=tcp\nREDIS_PORT_6379_TCP_PORT=6379\nREDIS_PORT_6379_TCP_ADDR=10.104.128.34\n',
    );
  });

  it('vote-api, two named ports, - becomes _', () => {
    expect(lines(serviceEnvVars([voteApi]))).toBe(
      [
        'VOTE_API_SERVICE_HOST=10.102.45.167',
        'VOTE_API_SERVICE_PORT=80',
        'VOTE_API_SERVICE_PORT_HTTP=80',
        'VOTE_API_SERVICE_PORT_METRICS=9090',
        'VOTE_API_PORT=tcp://10.102.45.167:80',
        'VOTE_API_PORT_80_TCP=tcp://10.102.45.167:80',
        'VOTE_API_PORT_80_TCP_PROTO=tcp',
        'VOTE_API_PORT_80_TCP_PORT=80',
        'VOTE_API_PORT_80_TCP_ADDR=10.102.45.167',
        'VOTE_API_PORT_9090_TCP=tcp://10.102.45.167:9090',
        'VOTE_API_PORT_9090_TCP_PROTO=tcp',
        'VOTE_API_PORT_9090_TCP_PORT=9090',
        'VOTE_API_PORT_9090_TCP_ADDR=10.102.45.167',
        '',
      ].join('\n'),
    );
  });

  it('kubernetes, port named https; UDP in lower case in values, upper case in names', () => {
    const store = labStore();
    const vars = serviceEnvVars(servicesForEnv(store, 'default'));
    expect(Object.fromEntries(vars.map((v) => [v.name, v.value]))).toEqual({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
    });
    const dns = serviceEnvVars(servicesForEnv(store, 'kube-system')).filter((v) => v.name.startsWith('KUBE_DNS_PORT_53_UDP'));
    expect(dns.map((v) => `${v.name}=${v.value}`)).toEqual([
      'KUBE_DNS_PORT_53_UDP=udp://10.96.0.10:53',
      'KUBE_DNS_PORT_53_UDP_PROTO=udp',
      'KUBE_DNS_PORT_53_UDP_PORT=53',
      'KUBE_DNS_PORT_53_UDP_ADDR=10.96.0.10',
    ]);
  });

  it('only same-namespace services with a cluster IP, plus kubernetes', () => {
    const names = servicesForEnv(labStore(), 'instavote').map((s) => s.metadata.name);
    // db is headless, extdb is ExternalName; kube-dns is in another namespace.
    expect(names).toEqual(['kubernetes', 'redis', 'vote']);
    expect(servicesForEnv(labStore(), 'instavote', false).map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });

  it('a container started before the service existed lacks its variables', () => {
    const store = labStore();
    store.delete('Service', 'instavote', 'redis');
    const atStart = servicesForEnv(store, 'instavote');
    store.create(redis);
    const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vote-1', namespace: 'instavote' }, spec: { containers: [] } };
    const c: Container = { name: 'vote', image: 'schoolofdevops/vote:v1' };
    expect(kubeletEnv(pod, c, atStart).some((e) => e.name.startsWith('REDIS_'))).toBe(false);
    expect(kubeletEnv(pod, c, servicesForEnv(store, 'instavote')).some((e) => e.name === 'REDIS_SERVICE_HOST')).toBe(true);
  });

  it('explicit env wins, comes first, and expands $(VAR) references', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'vote-1', namespace: 'instavote' },
      spec: { containers: [], nodeName: 'kind-worker' },
      status: { podIP: '10.244.1.5' },
    };
    const c: Container = {
      name: 'vote',
      image: 'x',
      env: [
        { name: 'REDIS_SERVICE_HOST', value: 'my-redis' },
        { name: 'URL', value: 'redis://$(REDIS_SERVICE_HOST):$(REDIS_SERVICE_PORT)/$(NOPE)$$(X)' },
        { name: 'MY_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ],
    };
    const env = kubeletEnv(pod, c, [redis]);
    expect(env.slice(0, 3)).toEqual([
      { name: 'REDIS_SERVICE_HOST', value: 'my-redis' },
      { name: 'URL', value: 'redis://my-redis:6379/$(NOPE)$(X)' },
      { name: 'MY_IP', value: '10.244.1.5' },
    ]);
    expect(env.filter((e) => e.name === 'REDIS_SERVICE_HOST')).toHaveLength(1);
    expect(expandEnvReferences('$(A)-$(B', (n) => (n === 'A' ? 'a' : undefined))).toBe('a-$(B');
  });

  it('the process environment: PATH, HOSTNAME, image ENV, kubelet env, HOME last', () => {
    const env = processEnv({
      imageEnv: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8'],
      hostname: 'vote-sbvm6',
      kubelet: [{ name: 'OPTION_A', value: 'Cats' }],
      home: '/root',
    });
    expect(formatEnv(env)).toBe(
      'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=vote-sbvm6\nLANG=C.UTF-8\nOPTION_A=Cats\nHOME=/root\n',
    );
  });
});
