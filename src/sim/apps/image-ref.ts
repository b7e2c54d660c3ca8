// Image references as containerd normalises them: `nginx` is
// `docker.io/library/nginx:latest`, `schoolofdevops/vote:v1` is
// `docker.io/schoolofdevops/vote:v1`, a first component with a dot, a colon or
// `localhost` is a registry.

export interface ImageRef {
  /** `docker.io`, `gcr.io`, `registry.k8s.io` */
  registry: string;
  /** `library/nginx`, `schoolofdevops/vote`, `kuar-demo/kuard-amd64` */
  path: string;
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx:latest` (with `@sha256:...` when pinned by digest) */
  full: string;
  /** `docker.io/library/nginx` */
  repository: string;
}

export type ParseResult = { ok: true; ref: ImageRef } | { ok: false; message: string };

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * Parse a reference. Errors carry the kubelet's InvalidImageName wording, e.g.
 * `couldn't parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase`.
 */
export function parseImageRef(input: string): ParseResult {
  const invalid = (why = 'invalid reference format') => ({ ok: false as const, message: `couldn't parse image name "${input}": ${why}` });
  if (!input || /\s/.test(input)) return invalid();
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return invalid();
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid();
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!;
  }
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (parts.some((p) => !COMPONENT.test(p))) {
    if (parts.every((p) => COMPONENT.test(p.toLowerCase()))) {
      return invalid(`invalid reference format: repository name (${path}) must be lowercase`);
    }
    return invalid();
  }
  const finalTag = tag ?? (digest ? '' : 'latest');
  const repository = `${registry}/${path}`;
  const full = `${repository}${finalTag ? `:${finalTag}` : ''}${digest ? `@${digest}` : ''}`;
  return { ok: true, ref: { registry, path, tag: finalTag, digest, full, repository } };
}
