// Service discovery: CoreDNS, the pod's resolver and its files, the DNS tools
// (nslookup flavours, busybox ping) and the service environment variables.

export type { DnsQuery, DnsReply, DnsServer, DnsTransport, DnsExchangeResult, Question, QueryTrace, ResourceRecord, RRType, Rcode } from './types';
export type { ObjectSource, ObjectWatchEvent } from './source';
export { CoreDns, type CoreDnsOptions } from './coredns';
export { DnsCache } from './cache';
export { UpstreamDns } from './upstream';
export {
  podResolvConf,
  formatResolvConf,
  formatResolvConfDockershim,
  parseResolvConf,
  resolverOptions,
  KUBEADM_DNS,
  KIND_NODE_RESOLV,
  type ResolvConf,
  type ClusterDnsSettings,
  type PodDnsResult,
} from './resolvconf';
export { formatPodHosts, podHostsEntries, podHostname, podFqdn, hostsLookup, type HostsEntry } from './hosts';
export {
  lookupAddresses,
  lookupName,
  searchCandidates,
  gaiStrerror,
  GAI_ERRNO,
  QuerySender,
  type StubResolver,
  type Libc,
  type Family,
  type ResolveError,
  type AddressLookup,
  type NameLookup,
} from './resolver';
export { runNslookup, type NslookupFlavour } from './nslookup';
export { BUSYBOX_128_BANNER } from './nslookup-busybox-libc';
export { BUSYBOX_136_BANNER } from './nslookup-busybox';
export { runPing, startPing, parsePingArgs, pingHeader, pingReplyLine, pingStatistics, pingExitCode, type EchoFn, type PingOptions } from './ping';
export type { ToolResult, OutputChunk } from './tool-output';
export {
  serviceEnvVars,
  servicesForEnv,
  kubeletEnv,
  processEnv,
  formatEnv,
  expandEnvReferences,
  fieldRefValue,
  envVariableName,
  DEFAULT_PATH,
  type EnvEntry,
} from './env';
