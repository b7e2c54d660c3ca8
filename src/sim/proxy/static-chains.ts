// The chains every node has regardless of services: the jump rules kube-proxy
// and the kubelet insert into the built-in chains (with `iptables -I`, so the
// last inserted comes first), and the fixed content of KUBE-POSTROUTING,
// KUBE-MARK-MASQ, KUBE-FORWARD and KUBE-FIREWALL.

import { addr, comment, jump, rule } from './rules/build';
import type { Chain, Rule, TableName } from './rules/model';

export const MASQ_MARK = 0x4000;

const NEW = { kind: 'conntrack', negate: false, states: ['NEW'] } as const;

interface JumpSpec {
  table: TableName;
  from: string;
  to: string;
  comment: string;
  newOnly: boolean;
}

// kube-proxy's list, then the kubelet's KUBE-FIREWALL jumps, in insertion order.
const JUMPS: JumpSpec[] = [
  { table: 'filter', from: 'INPUT', to: 'KUBE-EXTERNAL-SERVICES', comment: 'kubernetes externally-visible service portals', newOnly: true },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-EXTERNAL-SERVICES', comment: 'kubernetes externally-visible service portals', newOnly: true },
  { table: 'filter', from: 'INPUT', to: 'KUBE-NODEPORTS', comment: 'kubernetes health check service ports', newOnly: false },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-SERVICES', comment: 'kubernetes service portals', newOnly: true },
  { table: 'filter', from: 'OUTPUT', to: 'KUBE-SERVICES', comment: 'kubernetes service portals', newOnly: true },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-FORWARD', comment: 'kubernetes forwarding rules', newOnly: false },
  { table: 'filter', from: 'INPUT', to: 'KUBE-PROXY-FIREWALL', comment: 'kubernetes load balancer firewall', newOnly: true },
  { table: 'filter', from: 'OUTPUT', to: 'KUBE-PROXY-FIREWALL', comment: 'kubernetes load balancer firewall', newOnly: true },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-PROXY-FIREWALL', comment: 'kubernetes load balancer firewall', newOnly: true },
  { table: 'nat', from: 'OUTPUT', to: 'KUBE-SERVICES', comment: 'kubernetes service portals', newOnly: false },
  { table: 'nat', from: 'PREROUTING', to: 'KUBE-SERVICES', comment: 'kubernetes service portals', newOnly: false },
  { table: 'nat', from: 'POSTROUTING', to: 'KUBE-POSTROUTING', comment: 'kubernetes postrouting rules', newOnly: false },
  { table: 'filter', from: 'INPUT', to: 'KUBE-FIREWALL', comment: '', newOnly: false },
  { table: 'filter', from: 'OUTPUT', to: 'KUBE-FIREWALL', comment: '', newOnly: false },
];

/** Built-in chains with kube-proxy's jump rules, as `iptables -I` leaves them. */
export function builtinChains(table: TableName, names: readonly string[]): Chain[] {
  return names.map((name) => {
    const rules: Rule[] = [];
    for (const j of JUMPS) {
      if (j.table !== table || j.from !== name) continue;
      const matches = [];
      if (j.newOnly) matches.push({ ...NEW, states: [...NEW.states] });
      if (j.comment) matches.push(comment(j.comment));
      rules.unshift(rule({ matches, target: jump(j.to) }));
    }
    return { name, policy: 'ACCEPT', rules };
  });
}

export function postroutingRules(randomFully: boolean): Rule[] {
  return [
    rule({ matches: [{ kind: 'mark', negate: true, value: MASQ_MARK, mask: MASQ_MARK }], target: { kind: 'RETURN' } }),
    // --xor-mark 0x4000 is stored as --set-xmark 0x4000/0x0.
    rule({ target: { kind: 'MARK', value: MASQ_MARK, mask: 0 } }),
    rule({
      matches: [comment('kubernetes service traffic requiring SNAT')],
      target: { kind: 'MASQUERADE', randomFully },
    }),
  ];
}

export function markMasqRules(): Rule[] {
  // --or-mark 0x4000 is stored as --set-xmark 0x4000/0x4000.
  return [rule({ target: { kind: 'MARK', value: MASQ_MARK, mask: MASQ_MARK } })];
}

export function forwardRules(): Rule[] {
  return [
    rule({ matches: [{ kind: 'conntrack', negate: false, states: ['INVALID'] }], target: { kind: 'DROP' } }),
    rule({
      matches: [comment('kubernetes forwarding rules'), { kind: 'mark', negate: false, value: MASQ_MARK, mask: MASQ_MARK }],
      target: { kind: 'ACCEPT' },
    }),
    rule({
      matches: [
        comment('kubernetes forwarding conntrack rule'),
        { kind: 'conntrack', negate: false, states: ['RELATED', 'ESTABLISHED'] },
      ],
      target: { kind: 'ACCEPT' },
    }),
  ];
}

export function firewallRules(): Rule[] {
  return [
    rule({
      src: addr('127.0.0.0/8', true),
      dst: addr('127.0.0.0/8'),
      matches: [
        comment('block incoming localnet connections'),
        { kind: 'conntrack', negate: true, states: ['RELATED', 'ESTABLISHED', 'DNAT'] },
      ],
      target: { kind: 'DROP' },
    }),
  ];
}

/** Empty chains kube-proxy and the kubelet create to notice a flushed table. */
export const CANARY_CHAINS: Record<TableName, readonly string[]> = {
  mangle: ['KUBE-IPTABLES-HINT', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
  nat: ['KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
  filter: ['KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
};
