// A faint network edge that carries packets: your host to a node, node to node
// over weave, a node or pod up to a Service. Two elements of one row (nodes,
// pods) are joined by an arc over their tops.

import { BaseEdge, type EdgeProps, getBezierPath, Position } from '@xyflow/react';
import { memo } from 'react';
import type { NetEdge as NetEdgeType } from './graph';
import { EdgePackets } from './PacketDot';

/** An arch from one top to another, high enough to clear the boxes' headers. */
export function arcPath(sx: number, sy: number, tx: number, ty: number): string {
  const lift = Math.max(36, Math.abs(tx - sx) * 0.22);
  const top = Math.min(sy, ty) - lift;
  return `M ${sx} ${sy} C ${sx} ${top} ${tx} ${top} ${tx} ${ty}`;
}

export const NetEdge = memo(function NetEdge(props: EdgeProps<NetEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const arc = sourcePosition === Position.Top && targetPosition === Position.Top;
  const path = arc ? arcPath(sourceX, sourceY, targetX, targetY) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  const kind = data?.kind ?? 'net';
  return (
    <g data-net-edge={id} data-kind={kind}>
      <BaseEdge id={id} path={path} className={`net-edge net-${kind}`} />
      <EdgePackets id={id} path={path} source={{ x: sourceX, y: sourceY }} target={{ x: targetX, y: targetY }} />
    </g>
  );
});
