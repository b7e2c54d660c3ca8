// The page frame's viewport. Pages are made for a desktop window; the panel is
// much smaller, and a page like the vote app (absolute footer, 100vh body)
// would put its footer over its buttons. So the frame lays the page out in at
// least MIN_WIDTH × MIN_HEIGHT CSS pixels and is shown zoomed out to fit, as a
// browser zoomed out would show it.

export const MIN_WIDTH = 760;
export const MIN_HEIGHT = 600;

export interface FrameViewport {
  /** The frame's size in CSS pixels (what the page lays out in). */
  width: number;
  height: number;
  /** Zoom applied to show it in the panel (1 = actual size). */
  scale: number;
}

export function fitViewport(boxWidth: number, boxHeight: number): FrameViewport {
  if (boxWidth <= 0 || boxHeight <= 0) return { width: MIN_WIDTH, height: MIN_HEIGHT, scale: 1 };
  const scale = Math.min(1, boxWidth / MIN_WIDTH, boxHeight / MIN_HEIGHT);
  return { width: Math.round(boxWidth / scale), height: Math.round(boxHeight / scale), scale };
}
