// `kubectl describe service` (kubectl v1.31+: Endpoints from EndpointSlices).

import type { EndpointSlice, Service } from '../../../../sim/api/types';
import { formatLabels } from '../labels';
import { joinHostPort } from '../get/endpoints';
import type { ObjectLookup } from '../lookup';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { DescribeWriter, LEVEL_0 } from './writer';

const MAX_SHOWN = 3;

/** The slices kubectl fetches: those labelled `kubernetes.io/service-name=<svc>` in the service's namespace. */
export function slicesForService(lookup: ObjectLookup, svc: Service): EndpointSlice[] {
  return lookup.list('EndpointSlice', {
    namespace: svc.metadata.namespace,
    labelSelector: { matchLabels: { 'kubernetes.io/service-name': svc.metadata.name ?? '' } },
  }) as EndpointSlice[];
}

/**
 * The `Endpoints:` value for one service port: ready (or readiness-unknown)
 * endpoints of every slice port with that name, as `ip:port` in slice order,
 * three at most then ` + N more...`. `<none>` without slices, `` when none is ready.
 * Like kubectl, "more" is decided before readiness is checked, so a not-ready
 * endpoint after the third ready one still adds ` + 0 more...`.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const ep of endpoints) {
        if (list.length === MAX_SHOWN) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const ep of endpoints) {
        if (list.length === MAX_SHOWN) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0], port.port ?? 0));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_SHOWN} more...` : text;
}

function ingressText(svc: Service): string {
  return (svc.status?.loadBalancer?.ingress ?? [])
    .map((ing) => (ing.ip ? (ing.ipMode ? `${ing.ip} (${ing.ipMode})` : ing.ip) : (ing.hostname ?? '')))
    .join(', ');
}

export function describeService(svc: Service, lookup: ObjectLookup, now: number): string {
  const spec = svc.spec;
  const slices = slicesForService(lookup, svc);
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${svc.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  if (svc.status?.loadBalancer?.ingress?.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressText(svc)}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? '';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${proto}\n`);
    // An unset targetPort is defaulted to the port by the apiserver.
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${proto}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  describeEvents(w, eventsFor(lookup, svc), now);
  return w.toString();
}
