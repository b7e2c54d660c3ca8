// A faint network edge that carries packets: your host to a node, node to node
// over weave, a node or pod up to a Service. Two elements of one row (nodes,
// pods) are joined by an arc over their tops.

import { BaseEdge, type EdgeProps, getBezierPath, Position } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import type { NetEdge as NetEdgeType } from './graph';
import { NO_PACKETS } from './packets';
import { PacketDot, usePacketBoard } from './PacketDot';

/** An arch from one top to another, high enough to clear the boxes' headers. */
export function arcPath(sx: number, sy: number, tx: number, ty: number): string {
  const lift = Math.max(36, Math.abs(tx - sx) * 0.22);
  const top = Math.min(sy, ty) - lift;
  return `M ${sx} ${sy} C ${sx} ${top} ${tx} ${top} ${tx} ${ty}`;
}

export const NetEdge = memo(function NetEdge(props: EdgeProps<NetEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const board = usePacketBoard();
  const packets = useStore(board.store, (s) => s.byEdge[id] ?? NO_PACKETS);
  const arc = sourcePosition === Position.Top && targetPosition === Position.Top;
  const path = arc ? arcPath(sourceX, sourceY, targetX, targetY) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  const kind = data?.kind ?? 'net';
  return (
    <g data-net-edge={id} data-kind={kind}>
      <BaseEdge id={id} path={path} className={`net-edge net-${kind}`} />
      {packets.map((p) => (
        <PacketDot
          key={p.id}
          packet={p}
          path={path}
          end={p.reverse ? { x: sourceX, y: sourceY } : { x: targetX, y: targetY }}
          onEnd={() => board.arrived(id, p.id)}
        />
      ))}
    </g>
  );
});
