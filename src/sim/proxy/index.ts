// Public API of the kube-proxy (iptables mode) model and iptables' renderings.

export { KubeProxy, type KubeProxyOptions, type ProxiedPort, type ProxyNode, type SyncResult } from './kube-proxy';
export { ClusterCounters, NodeCounters, type Count, type CounterView } from './counters';
export type { Chain, Cidr, Match, NodeTables, Protocol, Rule, Table, TableName, Target } from './rules/model';
export type { EndpointInfo } from './endpoints';
export type { ServicePortInfo } from './service-port';
export { endpointChainName, serviceChainNames, servicePortName } from './chain-names';
export { runIptables, runIptablesSave, type CliResult, type IptablesHost } from './render/iptables-cli';
export { iptablesList, defaultResolver, type ListOptions } from './render/list';
export { iptablesSave, saveTable, type Backend, type SaveOptions } from './render/save';
export { iptablesSpec, type SpecOptions } from './render/spec';
export { ruleSpec } from './render/rule-text';
