// What the container runtime knows about images and processes, until the app
// catalog (src/sim/apps) answers for specific images: every image exists in
// the registry, pulls take time by size, and processes run until stopped.

import type { Container, Pod } from '../api/types';
import type { ImageFacts, ProcessFacts, RuntimeCatalog } from '../controllers/kubelet';
import { fnv32a } from '../core/ids';

/** `nginx` -> `docker.io/library/nginx:latest`, as containerd normalises references. */
export function normaliseImageRef(ref: string): string {
  let name = ref;
  let tag = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    tag = name.slice(at);
    name = name.slice(0, at);
  } else {
    const slash = name.lastIndexOf('/');
    const colon = name.indexOf(':', slash + 1);
    if (colon >= 0) {
      tag = name.slice(colon);
      name = name.slice(0, colon);
    } else tag = ':latest';
  }
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
  return name + tag;
}

function digest(ref: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += fnv32a(`${ref}#${i}`).toString(16).padStart(8, '0');
  return hex.slice(0, 64);
}

export const basicCatalog: RuntimeCatalog = {
  image(ref: string): ImageFacts {
    const fullRef = normaliseImageRef(ref);
    const repo = fullRef.replace(/[:@].*$/, '');
    return {
      exists: true,
      fullRef,
      imageID: `${repo}@sha256:${digest(fullRef)}`,
      sizeBytes: 20_000_000 + (fnv32a(fullRef) % 60_000_000),
    };
  },
  process(_pod: Pod, _c: Container): ProcessFacts {
    return { stopsAfterMs: 300 };
  },
};
