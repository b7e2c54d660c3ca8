// The event recorder every component uses. Like client-go's correlator it
// folds a repeat of the same (object, reason, message, source) into the
// existing Event: count goes up and lastTimestamp moves, which is what
// `describe` shows as `2m (x12 over 5m)`.

import type { KubeEvent, KubeObject } from '../api/types';
import type { ApiStore } from '../api/store';
import { rfc3339 } from '../core/time';
import { resourceForKind, apiVersionOf } from '../api/kinds';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private readonly recent = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly store: ApiStore,
    private readonly now: () => number,
  ) {}

  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const ns = obj.metadata.namespace ?? 'default';
    const name = obj.metadata.name!;
    const key = [obj.kind, ns, name, obj.metadata.uid, reason, message, source.component, source.host ?? '', fieldPath ?? ''].join('\u0000');
    const ts = rfc3339(this.now());
    const existingName = this.recent.get(key);
    const existing = existingName ? this.store.get<KubeEvent>('Event', ns, existingName) : undefined;
    if (existing) {
      this.store.update({ ...existing, count: existing.count + 1, lastTimestamp: ts }, { handOver: true });
      return;
    }
    const info = resourceForKind(obj.kind);
    // Event names are `<object>.<hex nanoseconds>`, unique per object.
    const nanos = BigInt(Math.floor(this.now())) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.${nanos.toString(16)}`, namespace: ns },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name,
        uid: obj.metadata.uid,
        apiVersion: info ? apiVersionOf(info) : obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (!event.involvedObject.namespace) delete event.involvedObject.namespace;
    const created = this.store.create(event, { handOver: true });
    this.recent.set(key, created.metadata.name!);
  }

  /** Events of one object, oldest first (what describe lists). */
  forObject(obj: KubeObject): KubeEvent[] {
    const ns = obj.metadata.namespace ?? 'default';
    return this.store
      .list<KubeEvent>('Event', { namespace: ns })
      .filter((e) => e.involvedObject.uid === obj.metadata.uid || (e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && !e.involvedObject.uid))
      .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0));
  }
}
