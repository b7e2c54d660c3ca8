// The node network model. Its renderings are compared with the real tools in
// test/oracle/iptables/node-network.oracle.test.ts; this checks the model itself.

import { describe, expect, it } from 'vitest';
import { ipRouteShow } from './ip-route';
import { isLocalAddress, lookupRoute, nodeNetwork, sourceAddressFor, weaveVethName } from './node-network';
import { routeN } from './route-n';

const pods = [
  { namespace: 'default', name: 'a', ip: '10.40.0.1', uid: '0123abcd-0000-4000-8000-000000000001' },
  { namespace: 'default', name: 'b', ip: '10.40.0.2', uid: '89efcdab-0000-4000-8000-000000000002' },
];
const net = nodeNetwork({ name: 'kind-worker', ip: '172.18.0.3', bridgeIP: '10.40.0.0', pods });

describe('weave kind node network', () => {
  it('has the three routes of a weave node, in FIB order, each line ending with a space', () => {
    expect(ipRouteShow(net)).toBe(
      'default via 172.18.0.1 dev eth0 \n10.32.0.0/12 dev weave proto kernel scope link src 10.40.0.0 \n172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3 \n',
    );
    expect(routeN(net).split('\n')[3]).toBe('10.32.0.0       0.0.0.0         255.240.0.0     U     0      0        0 weave');
  });

  it('routes pod addresses to weave, the rest of the kind network to eth0, everything else to the gateway', () => {
    expect(lookupRoute(net, '10.44.0.5')?.dev).toBe('weave');
    expect(lookupRoute(net, '172.18.0.2')?.dev).toBe('eth0');
    expect(lookupRoute(net, '10.96.0.1')?.via).toBe('172.18.0.1');
    expect(sourceAddressFor(net, '10.44.0.5')).toBe('10.40.0.0');
    expect(sourceAddressFor(net, '10.96.0.1')).toBe('172.18.0.3');
    expect(isLocalAddress(net, '10.40.0.0')).toBe(true);
    expect(isLocalAddress(net, '127.0.0.53')).toBe(true);
    expect(isLocalAddress(net, '10.40.0.1')).toBe(false);
  });

  it('lists the weave interfaces and one veth per pod with its peer index', () => {
    const names = net.interfaces.map((i) => i.name);
    expect(names.slice(0, 6)).toEqual(['lo', 'datapath', 'weave', 'vethwe-datapath', 'vethwe-bridge', 'vxlan-6784']);
    const veths = net.interfaces.filter((i) => i.name.startsWith('vethwepl'));
    expect(veths.map((v) => v.name)).toEqual([weaveVethName(pods[0].uid), weaveVethName(pods[1].uid)]);
    expect(veths[0].name).toBe('vethwepl0123abc');
    // The pod end is created first, so it has the lower index (eth0's index is skipped).
    for (const v of veths) expect(v.peerIndex).toBeLessThan(v.index);
    expect(new Set(net.interfaces.map((i) => i.index)).size).toBe(net.interfaces.length);
    const weave = net.interfaces.find((i) => i.name === 'weave')!;
    expect(weave.addresses[0]).toMatchObject({ address: '10.40.0.0', prefix: 12, broadcast: '10.47.255.255' });
  });
});
