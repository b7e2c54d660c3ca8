// Two panes with a draggable divider (pointer events with capture, so a fast
// drag never loses the divider) and keyboard support (arrows, Home/End). The
// ratio lives in the prefs store, persisted per split id; a double click
// restores the default.

import { type KeyboardEvent, type PointerEvent, type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { usePrefs } from '../hooks';
import { clampRatio, DIVIDER_PX, ratioAt } from './split-math';

export interface SplitPaneProps {
  id: string;
  /** 'row': panes side by side; 'column': one above the other. */
  direction: 'row' | 'column';
  defaultRatio: number;
  minFirst?: number;
  minSecond?: number;
  label: string;
  children: [ReactNode, ReactNode];
}

export function SplitPane({ id, direction, defaultRatio, minFirst = 160, minSecond = 160, label, children }: SplitPaneProps) {
  const stored = usePrefs((s) => s.paneRatios[id]);
  const setPaneRatio = usePrefs((s) => s.setPaneRatio);
  const [live, setLive] = useState<number | null>(null);
  const [size, setSize] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const dragging = live !== null;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize(direction === 'row' ? el.clientWidth : el.clientHeight);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [direction]);

  const wanted = live ?? stored ?? defaultRatio;
  const ratio = size > 0 ? clampRatio(wanted, size, minFirst, minSecond) : wanted;

  const pointerRatio = useCallback(
    (e: PointerEvent) => {
      const rect = ref.current!.getBoundingClientRect();
      const pos = direction === 'row' ? e.clientX - rect.left : e.clientY - rect.top;
      return ratioAt(pos, direction === 'row' ? rect.width : rect.height, minFirst, minSecond);
    },
    [direction, minFirst, minSecond],
  );

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setLive(ratio);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging) setLive(pointerRatio(e));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    setPaneRatio(id, pointerRatio(e));
    setLive(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const fwd = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    let next: number | null = null;
    if (e.key === back) next = ratio - step;
    else if (e.key === fwd) next = ratio + step;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = 1;
    if (next === null) return;
    e.preventDefault();
    setPaneRatio(id, clampRatio(next, size, minFirst, minSecond));
  };

  const template = `minmax(0, ${ratio}fr) ${DIVIDER_PX}px minmax(0, ${1 - ratio}fr)`;
  const style = direction === 'row' ? { gridTemplateColumns: template } : { gridTemplateRows: template };
  return (
    <div ref={ref} className={`split split-${direction}${dragging ? ' dragging' : ''}`} style={style} data-split={id}>
      <div className="split-pane">{children[0]}</div>
      <div
        className={`split-divider${dragging ? ' dragging' : ''}`}
        role="separator"
        aria-label={label}
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(ratio * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setLive(null)}
        onKeyDown={onKeyDown}
        onDoubleClick={() => setPaneRatio(id, defaultRatio)}
      />
      <div className="split-pane">{children[1]}</div>
    </div>
  );
}
