// The endpointslices table (printEndpointSlice): ports by number, every
// address whatever its readiness, three at most, `<unset>` when empty.

import type { EndpointSlice } from '../../../../sim/api/types';
import { ageOf } from '../../../text/duration';
import type { KindTableConverter } from './table';

const MAX_SHOWN = 3;

function listWithMore(all: string[]): string {
  const shown = all.slice(0, MAX_SHOWN);
  const text = shown.join(',');
  if (all.length > MAX_SHOWN) return `${text} + ${all.length - MAX_SHOWN} more...`;
  return text === '' ? '<unset>' : text;
}

export function sliceEndpointsText(slice: EndpointSlice): string {
  return listWithMore((slice.endpoints ?? []).flatMap((e) => e.addresses));
}

export function slicePortsText(slice: EndpointSlice): string {
  // A port without a number shows its name; with neither it is `*` (all ports).
  return listWithMore((slice.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'))));
}

export const endpointSliceTable: KindTableConverter = {
  columns: [{ name: 'Name', isName: true }, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, { name: 'Age' }],
  cells(obj, now) {
    const slice = obj as EndpointSlice;
    return [slice.metadata.name ?? '', slice.addressType, slicePortsText(slice), sliceEndpointsText(slice), ageOf(slice.metadata.creationTimestamp, now)];
  },
};
