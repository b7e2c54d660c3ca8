// A container's file tree: the image's own files, the same for every
// container of the image (built once per image, lazily, and cloned), then what
// the kubelet mounts into each container: /etc/hostname, /etc/hosts,
// /etc/resolv.conf and the service account's token, CA and namespace.
//
// The image part is data-driven from the catalog (apps/images.ts): the top
// directories of its userland (busybox, Alpine, Debian), /etc/os-release of its
// base release, a minimal /etc/passwd, the working directory, and the files
// its program serves (nginx's welcome page).
//
// Not modelled: symlinks (Debian's /bin -> usr/bin is a directory here), the
// programs in /bin, the contents of /proc and /sys.

import { VirtualFs } from '../../shell/fs/vfs';
import type { Container, Pod } from '../api/types';
import { distroOf, type Distro, type ImageInfo } from '../apps/images';
import { NGINX_INDEX_HTML, NGINX_50X_HTML } from '../apps/nginx';
import { Rng } from '../core/rng';
import { uuid } from '../core/ids';
import { ascii, base64, randomBytes, selfSignedCaPem } from '../core/certs';
import { formatPodHosts } from '../dns/hosts';
import { formatResolvConf, KUBEADM_DNS, podResolvConf } from '../dns/resolvconf';

/** When the images' files were written (their layers' build; `ls -l` shows it). */
const IMAGE_FILES_MS = Date.UTC(2024, 10, 26, 15, 55, 0);

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The top directories of each userland, as `ls /` shows them in a container (proc and sys are the runtime's mounts). */
const LAYOUT: Record<ImageInfo['userland'], readonly string[]> = {
  busybox: ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr/sbin', 'var/spool/mail', 'var/www'],
  alpine: [
    'bin', 'dev', 'etc', 'home', 'lib', 'media/cdrom', 'media/floppy', 'media/usb', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp',
    'usr/bin', 'usr/lib', 'usr/local/bin', 'usr/local/lib', 'usr/local/share', 'usr/sbin', 'usr/share', 'var/cache', 'var/empty', 'var/lib', 'var/local',
    'var/lock', 'var/log', 'var/mail', 'var/opt', 'var/run', 'var/spool', 'var/tmp',
  ],
  debian: [
    'bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp',
    'usr/bin', 'usr/games', 'usr/include', 'usr/lib', 'usr/libexec', 'usr/local/bin', 'usr/local/etc', 'usr/local/games', 'usr/local/include',
    'usr/local/lib', 'usr/local/libexec', 'usr/local/man', 'usr/local/sbin', 'usr/local/share', 'usr/local/src', 'usr/sbin', 'usr/share', 'usr/src',
    'var/backups', 'var/cache', 'var/lib', 'var/local', 'var/lock', 'var/log', 'var/mail', 'var/opt', 'var/run', 'var/spool', 'var/tmp',
  ],
  ubuntu: [
    'bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp',
    'usr/bin', 'usr/games', 'usr/include', 'usr/lib', 'usr/libexec', 'usr/local/bin', 'usr/local/sbin', 'usr/local/share', 'usr/sbin', 'usr/share',
    'usr/src', 'var/backups', 'var/cache', 'var/lib', 'var/local', 'var/lock', 'var/log', 'var/mail', 'var/opt', 'var/run', 'var/spool', 'var/tmp',
  ],
  distroless: ['dev', 'etc', 'proc', 'sys'],
};

/** The glibc build of busybox (busybox:latest) carries its C library. */
const BUSYBOX_GLIBC = ['lib', 'lib64'];

export function osRelease(d: Distro): string {
  if (d.id === 'alpine') {
    const minor = d.version.split('.').slice(0, 2).join('.');
    const bugs = Number(d.version.split('.')[1]) >= 13 ? 'https://gitlab.alpinelinux.org/alpine/aports/-/issues' : 'https://bugs.alpinelinux.org/';
    return `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${d.version}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="${bugs}"\n`;
  }
  const v = `${d.version} (${d.codename})`;
  // jessie's file had no codename line and plain-http links.
  const old = Number(d.version) < 9;
  const www = old ? 'http://www.debian.org/' : 'https://www.debian.org/';
  return (
    `PRETTY_NAME="Debian GNU/Linux ${v}"\nNAME="Debian GNU/Linux"\nVERSION_ID="${d.version}"\nVERSION="${v}"\n` +
    (old ? '' : `VERSION_CODENAME=${d.codename}\n`) +
    `ID=debian\nHOME_URL="${www}"\nSUPPORT_URL="${www}support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`
  );
}

/** A minimal /etc/passwd: root, the image's own user, nobody. */
function passwd(image: ImageInfo): string {
  const busybox = image.userland === 'busybox';
  const debianish = image.userland === 'debian' || image.userland === 'ubuntu';
  const rootShell = busybox ? '/bin/sh' : debianish ? '/bin/bash' : '/bin/ash';
  const nologin = busybox ? '/bin/false' : debianish ? '/usr/sbin/nologin' : '/sbin/nologin';
  const lines = [`root:x:0:0:root:/root:${rootShell}`];
  const u = image.user;
  if (u.uid !== 0 && u.uid !== 65534) lines.push(`${u.name}:x:${u.uid}:${u.uid}::${u.home}:${nologin}`);
  if (image.behaviour === 'nginx') lines.push(debianish ? 'nginx:x:101:101:nginx user:/nonexistent:/bin/false' : 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin');
  if (image.behaviour === 'redis') lines.push(debianish ? 'redis:x:999:999::/home/redis:/usr/sbin/nologin' : 'redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin');
  if (image.behaviour === 'postgres') lines.push('postgres:x:999:999::/var/lib/postgresql:/bin/bash');
  const nobodyHome = busybox ? '/home' : debianish ? '/nonexistent' : '/';
  lines.push(`nobody:x:65534:65534:nobody:${nobodyHome}:${nologin}`);
  return lines.join('\n') + '\n';
}

const templates = new WeakMap<ImageInfo, VirtualFs>();

/** The image's own tree, built the first time a container of the image needs it. */
function imageTree(image: ImageInfo): VirtualFs {
  let t = templates.get(image);
  if (t) return t;
  const home = image.user.home || '/root';
  const dirs = [...LAYOUT[image.userland]];
  if (image.userland === 'busybox' && image.libc === 'glibc') dirs.push(...BUSYBOX_GLIBC);
  t = new VirtualFs({ home, now: () => IMAGE_FILES_MS, dirs });
  if (image.userland !== 'distroless') t.write('/etc/passwd', passwd(image));
  const distro = distroOf(image);
  if (distro) {
    t.write('/etc/os-release', osRelease(distro));
    if (distro.id === 'alpine') t.write('/etc/alpine-release', `${distro.version}\n`);
  }
  if (image.workingDir && image.workingDir !== '/') t.mkdir(image.workingDir, { parents: true });
  if (image.behaviour === 'nginx') {
    t.write('/usr/share/nginx/html/index.html', NGINX_INDEX_HTML, { parents: true });
    t.write('/usr/share/nginx/html/50x.html', NGINX_50X_HTML);
  }
  templates.set(image, t);
  return t;
}

export interface ContainerFsInput {
  image: ImageInfo;
  pod: Pod;
  container: Container;
  clusterDomain: string;
  now: () => number;
  /** When the kubelet mounted the service account token (the pod's start). */
  issuedAtMs: number;
  /** The node's uid, for the token's claims. */
  nodeUid?: string;
  /** When the cluster's CA was made (kubeadm init). */
  clusterCreatedMs: number;
}

export function buildContainerFs(input: ContainerFsInput): VirtualFs {
  const { pod, container } = input;
  const fs = imageTree(input.image).clone(input.now);
  fs.write('/etc/hostname', `${pod.metadata.name}\n`);
  fs.write('/etc/hosts', formatPodHosts(pod, input.clusterDomain));
  const dns = pod.spec.hostNetwork && pod.spec.dnsPolicy !== 'ClusterFirstWithHostNet' ? undefined : podResolvConf(pod, KUBEADM_DNS).conf;
  if (dns) fs.write('/etc/resolv.conf', formatResolvConf(dns));
  if (container.workingDir) fs.mkdir(container.workingDir, { parents: true });
  const automount = (pod.spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken !== false;
  if (automount) {
    fs.mkdir(SA_DIR, { parents: true });
    fs.write(`${SA_DIR}/ca.crt`, clusterCaPem(input.clusterCreatedMs));
    fs.write(`${SA_DIR}/namespace`, pod.metadata.namespace!);
    fs.write(`${SA_DIR}/token`, serviceAccountToken(pod, input));
  }
  return fs;
}

// ------------------------------------------------------------------ token and CA

/** The key id the apiserver puts in its tokens: the same for the whole cluster. */
function keyId(clusterCreatedMs: number): string {
  return base64(randomBytes(new Rng(`sa-signing-key/${clusterCreatedMs}`), 32), true);
}

/**
 * The projected token the kubelet mounts (kube-api-access-*): a JWT whose
 * header and claims are real JSON, as `jwt decode` shows them (issued for
 * 3607 s, extended to a year by the apiserver, bound to the pod and node); the
 * signature is deterministic noise of the right length (RS256, 2048 bits).
 */
export function serviceAccountToken(pod: Pod, input: Pick<ContainerFsInput, 'issuedAtMs' | 'nodeUid' | 'clusterDomain' | 'clusterCreatedMs'>): string {
  const ns = pod.metadata.namespace!;
  const sa = pod.spec.serviceAccountName ?? 'default';
  const iat = Math.floor(input.issuedAtMs / 1000);
  const rng = new Rng(`sa-token/${pod.metadata.uid}/${iat}`);
  const issuer = `https://kubernetes.default.svc.${input.clusterDomain}`;
  const header = { alg: 'RS256', kid: keyId(input.clusterCreatedMs) };
  const claims = {
    aud: [issuer],
    exp: iat + 365 * 24 * 3600 + 7,
    iat,
    iss: issuer,
    jti: uuid(rng),
    'kubernetes.io': {
      namespace: ns,
      node: { name: pod.spec.nodeName ?? '', uid: input.nodeUid ?? uuid(new Rng(`node/${pod.spec.nodeName}`)) },
      pod: { name: pod.metadata.name!, uid: pod.metadata.uid! },
      serviceaccount: { name: sa, uid: uuid(new Rng(`serviceaccount/${ns}/${sa}`)) },
      warnafter: iat + 3607,
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${sa}`,
  };
  return [base64(ascii(JSON.stringify(header)), true), base64(ascii(JSON.stringify(claims)), true), base64(randomBytes(rng, 256), true)].join('.');
}

const caCache = new Map<number, string>();

/** The cluster CA's certificate (CN=kubernetes), the same for every pod of one cluster. */
export function clusterCaPem(clusterCreatedMs: number): string {
  let pem = caCache.get(clusterCreatedMs);
  if (!pem) caCache.set(clusterCreatedMs, (pem = selfSignedCaPem('kubernetes', clusterCreatedMs - 5 * 60_000, new Rng(`cluster-ca/${clusterCreatedMs}`))));
  return pem;
}
