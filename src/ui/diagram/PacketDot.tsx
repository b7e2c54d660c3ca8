// One packet in flight: a dot moving along its edge's path (SMIL animateMotion).
// SMIL's default begin is relative to the SVG document's timeline, so a packet
// added later would start mid-way or already finished: begin="indefinite" plus
// beginElement() on mount, and the packet is removed on endEvent. A packet that
// was refused or dropped where it lands turns red and leaves a ✕ for a moment.

import { createContext, useContext, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { NO_PACKETS, type Packet, type PacketBoard } from './packets';

export const PacketBoardContext = createContext<PacketBoard | null>(null);

export function usePacketBoard(): PacketBoard {
  const board = useContext(PacketBoardContext);
  if (!board) throw new Error('PacketBoardContext missing');
  return board;
}

/** How long the ✕ of a stopped packet stays. */
const STOP_MARK_MS = 1100;

export function PacketDot({ packet, path, end, onEnd }: { packet: Packet; path: string; end: { x: number; y: number }; onEnd: () => void }) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  const ended = useRef(onEnd);
  ended.current = onEnd;
  const mounted = useRef(false);
  const [landed, setLanded] = useState(false);
  useLayoutEffect(() => {
    const el = motion.current;
    if (!el) return;
    mounted.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      if (!packet.stopped) return ended.current();
      setLanded(true);
      timer = setTimeout(() => ended.current(), STOP_MARK_MS);
    };
    el.addEventListener('endEvent', done);
    el.beginElement();
    return () => {
      el.removeEventListener('endEvent', done);
      clearTimeout(timer);
      mounted.current = false;
      // The edge went away mid-flight: count the packet as arrived so a journey
      // moves on. Checked a tick later, because StrictMode remounts at once.
      setTimeout(() => {
        if (!mounted.current) ended.current();
      }, 0);
    };
  }, [packet.stopped]);
  const style = packet.color ? { fill: packet.color } : undefined;
  return (
    <g className={packet.stopped ? 'packet-stopped' : undefined}>
      <circle r={5} className="packet" style={style} data-packet={packet.id}>
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
      {landed && <path className="packet-stop-mark" d="M -7 -7 L 7 7 M 7 -7 L -7 7" transform={`translate(${end.x} ${end.y})`} data-packet-stopped={packet.id} />}
    </g>
  );
}

/**
 * The packets in flight on one edge, each a dot along the edge's path from
 * its source to its target (or back, for replies).
 */
export function EdgePackets({ id, path, source, target }: { id: string; path: string; source: { x: number; y: number }; target: { x: number; y: number } }) {
  const board = usePacketBoard();
  const packets = useStore(board.store, (s) => s.byEdge[id] ?? NO_PACKETS);
  return packets.map((p) => <PacketDot key={p.id} packet={p} path={path} end={p.reverse ? source : target} onEnd={() => board.arrived(id, p.id)} />);
}
