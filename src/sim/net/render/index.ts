// Public API of a node's network model and its `ip`, `route` and `hostname` renderings.

export {
  nodeNetwork,
  lookupRoute,
  isLocalAddress,
  sourceAddressFor,
  weaveVethName,
  cniNetnsName,
  type Address,
  type Interface,
  type NodeNetwork,
  type NodeNetworkInput,
  type NodePodInput,
  type Route,
} from './node-network';
export { ipAddr, ipLink, type IpResult, type IpShowOptions } from './ip-addr';
export { ipRouteGet, ipRouteShow, routeLine } from './ip-route';
export { routeN } from './route-n';
export { etcHosts, hostnameCapitalI, hostnameI } from './hostname';
