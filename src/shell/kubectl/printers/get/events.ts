// The events table of `kubectl get events` (core v1 Events, printEvent).

import type { KubeEvent } from '../../../../sim/api/types';
import { ageOf, humanDuration, timestampMs } from '../../../text/duration';
import type { KindTableConverter } from './table';

/** Fields of new-style (events.k8s.io) events as the core API shows them. */
interface EventExtra {
  eventTime?: string | null;
  series?: { count: number; lastObservedTime: string } | null;
}

/** `component, host`, falling back to reportingComponent / reportingInstance (the JSON names of ReportingController / ReportingInstance). */
export function eventSource(ev: KubeEvent): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const host = ev.source?.host || ev.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export const eventTable: KindTableConverter = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true, isName: true },
  ],
  cells(obj, now) {
    const e = obj as KubeEvent;
    const extra = obj as unknown as EventExtra;
    const first = timestampMs(e.firstTimestamp) !== undefined ? ageOf(e.firstTimestamp, now) : ageOf(extra.eventTime, now);
    let last = timestampMs(e.lastTimestamp) !== undefined ? ageOf(e.lastTimestamp, now) : first;
    let count = e.count;
    if (extra.series) {
      const seriesLast = timestampMs(extra.series.lastObservedTime);
      last = seriesLast === undefined ? '<unknown>' : humanDuration(now - seriesLast);
      count = extra.series.count;
    } else if (!count) {
      count = 1;
    }
    const io = e.involvedObject;
    const target = io.name ? `${io.kind.toLowerCase()}/${io.name}` : io.kind.toLowerCase();
    return [last, e.type, e.reason, target, io.fieldPath ?? '', eventSource(e), (e.message ?? '').trim(), first, String(count), e.metadata.name ?? ''];
  },
};
