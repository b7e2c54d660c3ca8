// Where commands live on each kind of machine, for `which` and `type`:
// Debian's merged /usr on the host and in kind nodes, busybox's applet
// directories in pods.

import type { Location } from '../types';

const DEBIAN_SBIN = new Set(['ip', 'iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'route', 'ifconfig', 'sysctl', 'conntrack']);
const HOST_LOCAL = new Set(['kubectl', 'kind', 'docker', 'helm']);
const BUSYBOX_SBIN = new Set(['ip', 'route', 'ifconfig', 'sysctl', 'iptables', 'halt', 'reboot', 'syslogd']);
const BUSYBOX_USR_BIN = new Set([
  'awk', 'wget', 'nslookup', 'env', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'xargs', 'seq', 'which',
  'clear', 'watch', 'test', '[', 'printf', 'nc', 'telnet', 'traceroute', 'du', 'find', 'less', 'vi', 'top', 'free',
]);

/** The absolute path of an external command at a location. */
export function commandPath(name: string, location: Location): string {
  if (location.kind === 'pod') {
    if (BUSYBOX_SBIN.has(name)) return `/sbin/${name}`;
    if (BUSYBOX_USR_BIN.has(name)) return `/usr/bin/${name}`;
    return `/bin/${name}`;
  }
  if (DEBIAN_SBIN.has(name)) return `/usr/sbin/${name}`;
  if (location.kind === 'host' && HOST_LOCAL.has(name)) return `/usr/local/bin/${name}`;
  return `/usr/bin/${name}`;
}

/** Commands that are shell builtins in bash (busybox ash has the same for these). */
export const SHELL_BUILTINS = new Set([
  'cd', 'echo', 'printf', 'pwd', 'export', 'unset', 'true', 'false', 'history', 'type', 'help', 'test', '[',
  'read', 'exit', 'eval', 'source', '.', ':', 'break', 'continue', 'kill', 'wait', 'alias', 'unalias', 'set',
  'shift', 'return', 'exec', 'command', 'hash', 'jobs', 'fg', 'bg', 'umask', 'ulimit', 'times', 'trap', 'local',
  'readonly', 'declare', 'typeset', 'let', 'getopts',
]);

export const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', 'select', '{', '}', '!', '[[', ']]', 'time']);
