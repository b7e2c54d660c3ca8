// The diagram's node types: a cluster node (a box holding its pods), a pod,
// a Service, the "+N more" card that stands in for what is not drawn, and your
// host above it all. Hidden handles anchor edges: the default ones for
// Service → endpoint, and 'arc' ones on top for packets between two elements
// of one row (node to node over weave).

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ClusterNodeNode, HostNode, MoreNode, PodNode, ServiceNode } from './graph';

function ArcHandle() {
  return <Handle id="arc" type="source" position={Position.Top} className="hidden-handle" isConnectable={false} />;
}

/** Colour class for a pod's STATUS text, as a learner reads it. */
export function statusClass(status: string, ready: boolean): string {
  if (status === 'Running') return ready ? 'status-ok' : 'status-warn';
  if (status === 'Completed' || status === 'Succeeded' || status === 'Terminating') return 'status-pending';
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:')) return 'status-pending';
  return 'status-err';
}

export const ClusterNodeBox = memo(function ClusterNodeBox({ data }: NodeProps<ClusterNodeNode>) {
  const roles = data.roles.length > 0 ? data.roles.join(',') : '<none>';
  return (
    <div className={`k8s-node${data.ready || data.unscheduled ? '' : ' not-ready'}`} data-node={data.name}>
      <Handle type="target" position={Position.Top} className="hidden-handle" isConnectable={false} />
      <ArcHandle />
      <div className="k8s-node-header">
        <span className="k8s-node-name" title={data.name}>
          {data.name}
        </span>
        {data.unscheduled ? (
          <span className="status-badge status-pending">Pending</span>
        ) : (
          <span className={`status-badge ${data.ready ? 'status-ok' : 'status-err'}`}>{data.ready ? 'Ready' : 'NotReady'}</span>
        )}
        <span className="k8s-node-meta">{data.unscheduled ? 'waiting for a node' : `${data.ip} · ${roles}`}</span>
        <span className="k8s-node-meta">
          {data.podCount} {data.podCount === 1 ? 'pod' : 'pods'}
        </span>
      </div>
    </div>
  );
});

export const PodCard = memo(function PodCard({ data }: NodeProps<PodNode>) {
  const cls = statusClass(data.status, data.ready);
  const label = data.showNamespace ? `${data.namespace}/${data.name}` : data.name;
  return (
    <div className={`pod-card ${cls}${data.status === 'Terminating' ? ' terminating' : ''}`} data-pod={`${data.namespace}/${data.name}`} data-ready={data.ready}>
      <Handle type="target" position={Position.Top} className="hidden-handle" isConnectable={false} />
      <ArcHandle />
      <div className="pod-name">
        <span className={`ready-dot${data.ready ? ' ready' : ''}`} title={data.ready ? 'Ready' : 'Not ready'} />
        <span title={label}>{label}</span>
      </div>
      <div className="pod-meta">
        <span>{data.ip ?? '<none>'}</span>
        <span className="pod-status">{data.status}</span>
      </div>
    </div>
  );
});

export const ServiceCard = memo(function ServiceCard({ data }: NodeProps<ServiceNode>) {
  const label = data.showNamespace ? `${data.namespace}/${data.name}` : data.name;
  return (
    <div className="svc-card" data-service={`${data.namespace}/${data.name}`}>
      <Handle type="target" position={Position.Top} className="hidden-handle" isConnectable={false} />
      <div className="svc-name">
        <span title={label}>{label}</span>
        <span className="svc-type">{data.type}</span>
      </div>
      <div className="svc-meta" title={data.externalIPs.join(',')}>
        {data.clusterIP ?? 'None'}
        {data.externalIPs.length > 0 ? ` · ext ${data.externalIPs.join(',')}` : ''}
      </div>
      <div className="svc-meta">
        {data.ports} · {data.readyEndpoints}/{data.endpoints} ready
      </div>
      <Handle type="source" position={Position.Bottom} className="hidden-handle" isConnectable={false} />
    </div>
  );
});

export const MoreCard = memo(function MoreCard({ data }: NodeProps<MoreNode>) {
  return (
    <div className="more-card">
      <Handle type="target" position={Position.Top} className="hidden-handle" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} className="hidden-handle" isConnectable={false} />
      <ArcHandle />+{data.count} more {data.what}
    </div>
  );
});

export const HostCard = memo(function HostCard({ data }: NodeProps<HostNode>) {
  return (
    <div className="host-card" data-host={data.ip} title="The machine the kind nodes run on: your terminal and the browser tab send from here">
      <div className="host-name">your host</div>
      <div className="host-meta">{data.ip ? `${data.ip} · terminal, browser` : 'terminal, browser'}</div>
      <Handle type="source" position={Position.Bottom} className="hidden-handle" isConnectable={false} />
    </div>
  );
});
