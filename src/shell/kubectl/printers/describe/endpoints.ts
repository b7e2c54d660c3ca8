// `kubectl describe endpoints` and `kubectl describe endpointslice`.

import type { EndpointSlice, Endpoints } from '../../../../sim/api/types';
import type { ObjectLookup } from '../lookup';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer';

export function describeEndpoints(ep: Endpoints, lookup: ObjectLookup, now: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', ep.metadata.labels);
  annotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of ep.subsets ?? []) {
    const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
    const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
    w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
    if (subset.ports?.length) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(w, eventsFor(lookup, ep), now);
  return w.toString();
}

function unsetOr(v: string | undefined | null): string {
  return v === undefined || v === null ? '<unset>' : v;
}

export function describeEndpointSlice(slice: EndpointSlice, lookup: ObjectLookup, now: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${slice.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${slice.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', slice.metadata.labels);
  annotationsMultiline(w, 'Annotations', slice.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) {
    w.write(LEVEL_0, 'Ports: <unset>\n');
  } else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of ports) {
      const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
      w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? ''}\n`);
    }
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) {
    w.write(LEVEL_0, 'Endpoints: <none>\n');
  } else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const ep of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      const ready = ep.conditions?.ready;
      w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${unsetOr(ep.hostname)}\n`);
      if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${unsetOr(ep.nodeName)}\n`);
      w.write(LEVEL_2, `Zone:\t${unsetOr(ep.zone)}\n`);
    }
  }
  describeEvents(w, eventsFor(lookup, slice), now);
  return w.toString();
}
