// `kubectl describe configmap`: each data key underlined by `----` with its
// value as it is (the value goes through the tab writer like every line), then
// binaryData as byte counts.

import type { ConfigMap } from '../../../../sim/api/types';
import type { ObjectLookup } from '../lookup';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { DescribeWriter, LEVEL_0 } from './writer';

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Decoded length of a base64 value. */
function decodedLength(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

export function describeConfigMap(cm: ConfigMap, lookup: ObjectLookup, now: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', cm.metadata.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  // Go ranges over the map in no fixed order; sorted keys are one of the orders it prints.
  const data = cm.data ?? {};
  for (const k of Object.keys(data).sort(byteCompare)) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${data[k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  const binary = cm.binaryData ?? {};
  for (const k of Object.keys(binary).sort(byteCompare)) w.write(LEVEL_0, `${k}: ${decodedLength(binary[k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, eventsFor(lookup, cm), now);
  return w.toString();
}
