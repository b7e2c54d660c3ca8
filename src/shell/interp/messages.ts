// The shell's own error texts, bash 5.2 versus busybox ash, without the
// `bash: ` / `sh: ` prefix.

import { STRERROR, type FsErrorCode } from '../fs/vfs';
import type { ShellFlavour } from '../parse/errors';

export function commandNotFound(flavour: ShellFlavour, name: string): string {
  return flavour === 'bash' ? `${name}: command not found` : `${name}: not found`;
}

/** A command given as a path (`./x`, `/usr/bin/y`) that does not exist. */
export function pathNotFound(flavour: ShellFlavour, path: string): string {
  return flavour === 'bash' ? `${path}: No such file or directory` : `${path}: not found`;
}

/** Opening a redirect target failed. */
export function redirectFailed(flavour: ShellFlavour, path: string, code: FsErrorCode, output: boolean): string {
  if (flavour === 'bash') return `${path}: ${STRERROR[code]}`;
  if (output) return `can't create ${path}: ${code === 'EISDIR' ? 'Is a directory' : 'nonexistent directory'}`;
  return `can't open ${path}: ${code === 'ENOENT' ? 'no such file' : STRERROR[code]}`;
}

export function ambiguousRedirect(raw: string): string {
  return `${raw}: ambiguous redirect`;
}

export function badFd(fd: string): string {
  return `${fd}: Bad file descriptor`;
}

export function loopOnly(name: string): string {
  return `${name}: only meaningful in a \`for', \`while', or \`until' loop`;
}

export function sourceNotFound(flavour: ShellFlavour, name: string, path: string): string {
  return flavour === 'bash' ? `${path}: No such file or directory` : `${name}: can't open '${path}': No such file or directory`;
}

export function backgroundUnsupported(): string {
  return 'background jobs (&) are not supported in this playground: running in the foreground';
}
