// A Service → endpoint edge, with the packet layer on top: each packet in
// flight on this edge is a dot moving along the same path (SMIL animateMotion).
// SMIL's default begin is relative to the SVG document's timeline, so a packet
// added later would start mid-way or already finished: begin="indefinite" plus
// beginElement() on mount, and the packet is removed on endEvent.

import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { createContext, memo, useContext, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { EndpointEdge as EndpointEdgeType } from './graph';
import { NO_PACKETS, type Packet, type PacketBoard } from './packets';

export const PacketBoardContext = createContext<PacketBoard | null>(null);

function usePacketBoard(): PacketBoard {
  const board = useContext(PacketBoardContext);
  if (!board) throw new Error('PacketBoardContext missing');
  return board;
}

function PacketDot({ packet, path, onEnd }: { packet: Packet; path: string; onEnd: () => void }) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  const ended = useRef(onEnd);
  ended.current = onEnd;
  const mounted = useRef(false);
  useLayoutEffect(() => {
    const el = motion.current;
    if (!el) return;
    mounted.current = true;
    const done = () => ended.current();
    el.addEventListener('endEvent', done);
    el.beginElement();
    return () => {
      el.removeEventListener('endEvent', done);
      mounted.current = false;
      // The edge went away mid-flight: count the packet as arrived so a journey
      // moves on. Checked a tick later, because StrictMode remounts at once.
      setTimeout(() => {
        if (!mounted.current) ended.current();
      }, 0);
    };
  }, []);
  return (
    <circle r={5} className="packet" style={packet.color ? { fill: packet.color } : undefined} data-packet={packet.id}>
      <animateMotion
        ref={motion}
        begin="indefinite"
        dur={`${packet.durationMs}ms`}
        fill="freeze"
        path={path}
        keyPoints={packet.reverse ? '1;0' : '0;1'}
        keyTimes="0;1"
        calcMode="linear"
      />
    </circle>
  );
}

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
        <PacketDot key={p.id} packet={p} path={path} onEnd={() => board.arrived(id, p.id)} />
      ))}
    </g>
  );
});
