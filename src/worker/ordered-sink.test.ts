import { describe, expect, it } from 'vitest';
import { OrderedSink, type SinkItem } from './ordered-sink';

describe('OrderedSink', () => {
  it('delivers one item at a time in order, merging output that piles up meanwhile', async () => {
    const delivered: SinkItem[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const sink = new OrderedSink(async (item) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      delivered.push(item);
      inFlight--;
    });
    sink.output({ stream: 'stdout', text: 'a' });
    sink.output({ stream: 'stdout', text: 'b' });
    sink.output({ stream: 'stdout', text: 'c' });
    sink.effect({ type: 'clear' });
    sink.output({ stream: 'stderr', text: 'e' });
    sink.output({ stream: 'stdout', text: 'd' });
    await sink.flush();
    expect(maxInFlight).toBe(1);
    expect(delivered).toEqual([
      { kind: 'output', chunk: { stream: 'stdout', text: 'a' } },
      { kind: 'output', chunk: { stream: 'stdout', text: 'bc' } },
      { kind: 'effect', effect: { type: 'clear' } },
      { kind: 'output', chunk: { stream: 'stderr', text: 'e' } },
      { kind: 'output', chunk: { stream: 'stdout', text: 'd' } },
    ]);
  });

  it('keeps going when a delivery fails, and flush resolves when idle', async () => {
    const seen: string[] = [];
    const sink = new OrderedSink((item) => {
      if (item.kind === 'output' && item.chunk.text === 'bad') throw new Error('gone');
      if (item.kind === 'output') seen.push(item.chunk.text);
    });
    await sink.flush();
    sink.output({ stream: 'stdout', text: 'bad' });
    sink.output({ stream: 'stderr', text: 'ok' });
    sink.output({ stream: 'stderr', text: '' });
    await sink.flush();
    expect(seen).toEqual(['ok']);
  });
});
