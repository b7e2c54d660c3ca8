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
export { ipAddr, ipLink, plausibleLinkStats, statsLines, type IpResult, type IpShowOptions, type LinkStats } from './ip-addr';
export { ipRouteGet, ipRouteList, ipRouteShow, ipv6DeviceOrder, ipv6Gateway, kernelRoutes, routeLine, type IpGlobals } from './ip-route';
export { gatewayMac, ipNeighShow, nodeNeighbours, type Neighbour } from './ip-neigh';
export { routeN, type RouteOptions } from './route-n';
export { etcHosts, hostnameCapitalI, hostnameI } from './hostname';
