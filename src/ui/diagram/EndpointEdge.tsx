// A Service → endpoint edge, with the packet layer on top: each packet in
// flight on this edge is a dot moving along the same path (PacketDot).

import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { EndpointEdge as EndpointEdgeType } from './graph';
import { EdgePackets } from './PacketDot';

export { PacketBoardContext } from './PacketDot';

export const EndpointEdge = memo(function EndpointEdge(props: EdgeProps<EndpointEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const ready = data?.ready ?? false;
  return (
    <g data-endpoint-edge={id} data-ready={ready}>
      <BaseEdge id={id} path={path} className={`endpoint-edge${ready ? '' : ' not-ready'}`} />
      <EdgePackets id={id} path={path} source={{ x: sourceX, y: sourceY }} target={{ x: targetX, y: targetY }} />
    </g>
  );
});
