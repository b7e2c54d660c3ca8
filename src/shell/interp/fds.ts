// File descriptors of a command: where fd 0 reads from and fds 1, 2... write to.
// Pipes are buffered (a command sees all of its input at once), and output
// redirected to a file is collected and written when the command ends.

import type { VirtualFs } from '../fs/vfs';

export interface OutSink {
  write(text: string): void;
  /** The terminal itself (commands lay out for a tty). */
  readonly tty: boolean;
}

export type Endpoint =
  /** `file`: read from a regular file (`< f`), not a pipe or a here-document. */
  | { kind: 'in'; text: string; file?: boolean }
  | { kind: 'out'; sink: OutSink }
  | { kind: 'closed' };

export type FdTable = ReadonlyMap<number, Endpoint>;

export class BufferSink implements OutSink {
  readonly tty = false;
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

export const NULL_SINK: OutSink = { tty: false, write: () => {} };

/** Output to a VFS file: truncated (or created) at open, appended to at flush. */
export class FileSink implements OutSink {
  readonly tty = false;
  private chunks: string[] = [];

  constructor(
    private readonly fs: VirtualFs,
    readonly path: string,
  ) {}

  write(text: string): void {
    this.chunks.push(text);
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.fs.append(this.path, text);
  }
}

export function outSink(fds: FdTable, fd: number): OutSink {
  const e = fds.get(fd);
  return e?.kind === 'out' ? e.sink : NULL_SINK;
}

export function inText(fds: FdTable): string {
  const e = fds.get(0);
  return e?.kind === 'in' ? e.text : '';
}

export function inIsFile(fds: FdTable): boolean {
  const e = fds.get(0);
  return e?.kind === 'in' && e.file === true;
}
