// What a simulated command-line tool produces: output in the order it was
// written (stdout and stderr interleave in a terminal), the exit status, and
// the DNS queries it caused with the virtual time it took.

import type { QueryTrace } from './types';

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ToolResult {
  chunks: OutputChunk[];
  stdout: string;
  stderr: string;
  exitCode: number;
  queries: QueryTrace[];
  /** Virtual milliseconds the command ran (DNS timeouts, ping intervals). */
  elapsedMs: number;
}

export class OutputBuilder {
  readonly chunks: OutputChunk[] = [];
  readonly queries: QueryTrace[] = [];
  elapsedMs = 0;

  out(text: string): void {
    this.push('stdout', text);
  }

  err(text: string): void {
    this.push('stderr', text);
  }

  /** Account for a lookup's queries and time. */
  took(part: { queries: QueryTrace[]; elapsedMs: number }): void {
    const offset = this.elapsedMs;
    for (const q of part.queries) this.queries.push({ ...q, sentAtMs: q.sentAtMs + offset });
    this.elapsedMs += part.elapsedMs;
  }

  done(exitCode: number): ToolResult {
    return {
      chunks: this.chunks,
      stdout: this.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
      stderr: this.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
      exitCode,
      queries: this.queries,
      elapsedMs: this.elapsedMs,
    };
  }

  private push(stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.chunks.push({ stream, text });
  }
}
