// A Service → endpoint edge, with the packet layer on top: each packet in
// flight on this edge is a dot moving along the same path (PacketDot).

import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import type { EndpointEdge as EndpointEdgeType } from './graph';
import { NO_PACKETS } from './packets';
import { PacketDot, usePacketBoard } from './PacketDot';

export { PacketBoardContext } from './PacketDot';

export const EndpointEdge = memo(function EndpointEdge(props: EdgeProps<EndpointEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const board = usePacketBoard();
  const packets = useStore(board.store, (s) => s.byEdge[id] ?? NO_PACKETS);
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const ready = data?.ready ?? false;
  return (
    <g data-endpoint-edge={id} data-ready={ready}>
      <BaseEdge id={id} path={path} className={`endpoint-edge${ready ? '' : ' not-ready'}`} />
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
