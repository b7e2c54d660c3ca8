// Delivers a command's output chunks and effects to the main thread strictly in
// order. Through comlink, onOutput and onEffect are two separate MessagePorts,
// and messages on different ports may overtake each other; so the sink sends one
// item at a time and waits for it to land. Output produced meanwhile is merged
// into one chunk per stream, so a chatty command still needs few round trips.

import type { OutputChunk, TerminalEffect } from './protocol';

export type SinkItem = { kind: 'output'; chunk: OutputChunk } | { kind: 'effect'; effect: TerminalEffect };

export class OrderedSink {
  private readonly queue: SinkItem[] = [];
  private active = false;
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly deliver: (item: SinkItem) => unknown) {}

  output(chunk: OutputChunk): void {
    if (chunk.text === '') return;
    const last = this.queue[this.queue.length - 1];
    if (last?.kind === 'output' && last.chunk.stream === chunk.stream) {
      last.chunk = { stream: chunk.stream, text: last.chunk.text + chunk.text };
    } else {
      this.queue.push({ kind: 'output', chunk: { stream: chunk.stream, text: chunk.text } });
    }
    this.start();
  }

  effect(effect: TerminalEffect): void {
    this.queue.push({ kind: 'effect', effect: { ...effect } });
    this.start();
  }

  /** Resolves once everything pushed so far has been delivered. */
  async flush(): Promise<void> {
    while (this.active) await this.done;
  }

  private start(): void {
    if (this.active) return;
    // Set before pump() runs: with synchronous callbacks it can finish before returning.
    this.active = true;
    this.done = this.pump();
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const item = this.queue.shift()!;
        try {
          await this.deliver(item);
        } catch {
          // The page went away or the callback failed: nothing left to show it to.
        }
      }
    } finally {
      // Cleared in the same turn as the last queue check, so no item can be stranded.
      this.active = false;
    }
  }
}
