import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { formatResolvConf, formatResolvConfDockershim, parseResolvConf, podResolvConf, resolverOptions, KUBEADM_DNS } from './resolvconf';
import { formatPodHosts, hostsLookup, podHostsEntries } from './hosts';

function pod(spec: Partial<Pod['spec']> = {}, ns = 'instavote'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'vote-sbvm6', namespace: ns },
    spec: { containers: [{ name: 'vote', image: 'schoolofdevops/vote:v1' }], ...spec },
    status: { podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }] },
  };
}

describe('/etc/resolv.conf (section 1)', () => {
  it('ClusterFirst in instavote on kubeadm, containerd order', () => {
    const { conf, warnings } = podResolvConf(pod());
    expect(formatResolvConf(conf)).toBe('search instavote.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(warnings).toEqual([]);
  });

  it('the dockershim era wrote the nameserver first', () => {
    expect(formatResolvConfDockershim(podResolvConf(pod()).conf)).toBe(
      'nameserver 10.96.0.10\nsearch instavote.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
    );
  });

  it('adds the node search domains after the cluster ones (not its options)', () => {
    const settings = { ...KUBEADM_DNS, node: { nameservers: ['172.18.0.1'], searches: ['example.internal'], options: ['edns0'] } };
    expect(podResolvConf(pod(), settings).conf).toEqual({
      nameservers: ['10.96.0.10'],
      searches: ['instavote.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'example.internal'],
      options: ['ndots:5'],
    });
  });

  it('Default uses the node resolv.conf; hostNetwork with ClusterFirst falls back to it', () => {
    const node = { nameservers: ['172.18.0.1'], searches: [], options: ['edns0', 'trust-ad', 'ndots:0'] };
    const settings = { ...KUBEADM_DNS, node };
    expect(podResolvConf(pod({ dnsPolicy: 'Default' }), settings).conf).toEqual(node);
    expect(podResolvConf(pod({ hostNetwork: true }), settings).conf).toEqual(node);
    expect(podResolvConf(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }), settings).conf.nameservers).toEqual(['10.96.0.10']);
  });

  it('None uses only dnsConfig (the course chapter example)', () => {
    const p = pod(
      {
        dnsPolicy: 'None',
        dnsConfig: { nameservers: ['8.8.8.8', '8.8.4.4'], searches: ['my-domain.com'], options: [{ name: 'ndots', value: '2' }] },
      },
      'default',
    );
    expect(formatResolvConf(podResolvConf(p).conf)).toBe('search my-domain.com\nnameserver 8.8.8.8\nnameserver 8.8.4.4\noptions ndots:2\n');
  });

  it('appends dnsConfig to ClusterFirst and merges options by name', () => {
    const p = pod({ dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } });
    expect(podResolvConf(p).conf).toEqual({
      nameservers: ['10.96.0.10', '1.1.1.1'],
      searches: ['instavote.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example'],
      options: ['ndots:2', 'edns0'],
    });
  });

  it('keeps three nameservers and says so', () => {
    const p = pod({ dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'] } });
    const r = podResolvConf(p);
    expect(r.conf.nameservers).toEqual(['10.96.0.10', '1.1.1.1', '8.8.8.8']);
    expect(r.warnings).toEqual([
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8',
    ]);
  });

  it('cuts the search list at 32 domains', () => {
    const searches = Array.from({ length: 40 }, (_, i) => `d${i}.example`);
    const r = podResolvConf(pod({ dnsConfig: { searches } }));
    expect(r.conf.searches).toHaveLength(32);
    expect(r.warnings[0]).toMatch(/^Search Line limits were exceeded, some search paths have been omitted, the applied search line is: instavote\.svc/);
  });

  it('parses a file and reads the options the resolver uses', () => {
    const c = parseResolvConf('# generated\nsearch a.example b.example\nnameserver 10.96.0.10\noptions ndots:5 timeout:2 attempts:3\n');
    expect(c).toEqual({ nameservers: ['10.96.0.10'], searches: ['a.example', 'b.example'], options: ['ndots:5', 'timeout:2', 'attempts:3'] });
    expect(resolverOptions(c)).toEqual({ ndots: 5, timeout: 2, attempts: 3 });
    expect(resolverOptions({ nameservers: [], searches: [], options: [] })).toEqual({ ndots: 1, timeout: 5, attempts: 2 });
  });
});

describe('/etc/hosts', () => {
  it('is the kubelet-managed file with the pod line (managedHostsFileContent: the ::1 names separated by spaces)', () => {
    expect(formatPodHosts(pod())).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.5\tvote-sbvm6\n',
    );
  });

  it('adds the HostAliases section after a blank line, names tab-separated', () => {
    const p = pod({ hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] }] } as never);
    expect(formatPodHosts(p).split('\n').slice(7)).toEqual(['10.244.1.5\tvote-sbvm6', '', '# Entries added by HostAliases.', '10.1.2.3\tfoo.remote\tbar.remote', '']);
  });

  it('puts the FQDN first for a pod with hostname and subdomain', () => {
    const p = pod({ hostname: 'web-0', subdomain: 'nginx' }, 'default');
    expect(formatPodHosts(p).split('\n')[7]).toBe('10.244.1.5\tweb-0.nginx.default.svc.cluster.local\tweb-0');
    expect(hostsLookup(podHostsEntries(p), 'web-0', 'unspec')).toEqual(['10.244.1.5']);
  });
});
