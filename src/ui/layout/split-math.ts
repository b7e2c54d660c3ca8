// Where a split-pane divider may go: the first pane's share of the space,
// keeping both panes at least their minimum size.

export const DIVIDER_PX = 8;

/** Ratio for a pointer at `pos` px from the container's start. */
export function ratioAt(pos: number, total: number, minFirst: number, minSecond: number): number {
  const usable = total - DIVIDER_PX;
  if (usable <= 0) return 0.5;
  if (minFirst + minSecond >= usable) return minFirst / (minFirst + minSecond);
  const first = Math.min(Math.max(pos - DIVIDER_PX / 2, minFirst), usable - minSecond);
  return first / usable;
}

/** Keep a stored or keyboard-adjusted ratio inside the allowed range. */
export function clampRatio(ratio: number, total: number, minFirst: number, minSecond: number): number {
  const usable = total - DIVIDER_PX;
  if (usable <= 0) return ratio;
  return ratioAt(ratio * usable + DIVIDER_PX / 2, total, minFirst, minSecond);
}
