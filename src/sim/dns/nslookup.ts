// `nslookup` in a container: which implementation runs depends on the image
// (the catalog's `nslookup` flavour), and each prints differently.

import type { StubResolver } from './resolver';
import type { ToolResult } from './tool-output';
import { busyboxLibcNslookup } from './nslookup-busybox-libc';
import { busyboxNslookup } from './nslookup-busybox';
import { bindNslookup } from './nslookup-bind';

/**
 * busybox-1.28  libc resolver, `Address 1: ip name` layout (busybox:1.28, the lab's samples)
 * busybox-1.36  own resolver, BIND-like tabs, A+AAAA, search only for dot-free names (busybox:latest, Alpine)
 * bind-9.18     BIND nslookup with AAAA and recursion warnings (netshoot)
 * bind-9.9      BIND nslookup of the old dnsutils images (jessie-dnsutils, tutum/dnsutils)
 */
export type NslookupFlavour = 'busybox-1.28' | 'busybox-1.36' | 'bind-9.18' | 'bind-9.9';

/** Run `nslookup ARGS...` (argv without the command name). */
export function runNslookup(flavour: NslookupFlavour, args: string[], resolver: StubResolver): ToolResult {
  switch (flavour) {
    case 'busybox-1.28':
      return busyboxLibcNslookup(args, resolver);
    case 'busybox-1.36':
      return busyboxNslookup(args, resolver);
    case 'bind-9.18':
    case 'bind-9.9':
      return bindNslookup(args, resolver, flavour);
  }
}
