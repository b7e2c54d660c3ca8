// Public API of the packet engine.

export { connect, type PacketEnv } from './engine';
export { NetState } from './state';
export type { NetworkView, PodEndpoint } from './view';
export { StaticNetworkView, type StaticPod } from './static-view';
export type { CtEntry, Tuple } from './conntrack';
export type {
  ConnectInput,
  CounterIncrement,
  Destination,
  Direction,
  Endpoint,
  Hook,
  Origin,
  Outcome,
  Packet,
  RuleAction,
  Trace,
  TraceStep,
} from './types';
