// The image catalog: for each image the labs use, whether the tag exists (so
// `schoolofdevops/vote:ergerg` fails to pull), its size and digest, the
// userland (which tools `kubectl exec` finds in it), the default command, the
// environment it sets, and which simulated app runs in it.
//
// Facts taken from the images' Dockerfiles: the vote image is python on Alpine
// 3.17 (Python 3.11, musl: "Name does not resolve"), redis and nginx are
// Debian-based (nginx ships curl but no ping, nslookup or wget), kuard is a Go
// binary on Alpine running as nobody (65534), busybox:1.28 has the libc
// nslookup, busybox:latest (1.36) its own. The vote image's nslookup is given
// the 1.28 format because the lab's printed samples use it (lab-material.md).
//
// Not captured: sizes are plausible compressed sizes; digests are derived from
// the reference (deterministic, not the registry's); vote tags v1..v5 differ in
// ways we chose (see apps/vote-page.ts). Unknown repositories under a user or
// organisation are taken as existing generic images; an unknown official
// (single-name) image is a typo and fails like Docker Hub does.

import { fnv32a } from '../core/ids';
import type { Libc } from '../dns/resolver';
import type { NslookupFlavour } from '../dns/nslookup';
import { parseImageRef, type ImageRef } from './image-ref';

export type Userland = 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'distroless';

/** The base image's release (its /etc/os-release), when the image's era is known. */
export type Distro = { id: 'alpine'; version: string } | { id: 'debian'; version: string; codename: string };

const BOOKWORM: Distro = { id: 'debian', version: '12', codename: 'bookworm' };
const BULLSEYE: Distro = { id: 'debian', version: '11', codename: 'bullseye' };
const STRETCH: Distro = { id: 'debian', version: '9', codename: 'stretch' };
/** The Alpine of the catalog's era (redis 7.4.2, nginx 1.27.3: January 2025). */
const ALPINE_LATEST: Distro = { id: 'alpine', version: '3.21.2' };

export interface Tools {
  sh: boolean;
  bash: boolean;
  curl: boolean;
  wget: 'busybox' | 'gnu' | false;
  ping: 'busybox' | 'iputils' | false;
  nslookup: NslookupFlavour | false;
  dig: boolean;
  nc: boolean;
  redisCli: boolean;
  psql: boolean;
}

export interface ImageInfo {
  /** As written in the pod spec. */
  reference: string;
  ref?: ImageRef;
  /** `docker.io/library/nginx:latest` */
  fullRef: string;
  exists: boolean;
  /** containerd's error after `Failed to pull image "<ref>": ` (the kubelet adds that prefix). */
  pullError?: string;
  /** The kubelet's InvalidImageName message, when the reference does not parse. */
  invalidName?: string;
  /** `docker.io/library/nginx@sha256:...`, shown as Image ID. */
  imageID: string;
  sizeBytes: number;
  userland: Userland;
  /** The base release (undefined: the userland's release of the catalog's era; busybox has none). */
  distro?: Distro;
  libc: Libc | 'none';
  tools: Tools;
  /** The image's ENV, in order. */
  env: string[];
  user: { uid: number; name: string; home: string };
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  /** Ports the image's program listens on by default. */
  ports: number[];
  /** The simulated app (apps/index.ts). */
  behaviour: string;
  /** The program's version as it reports it (vote `v1`, kuard `v0.10.0-blue`, redis `7.0.15`...). */
  appVersion?: string;
  /** SIGTERM to exit, in ms; undefined: ignores it (PID 1 without a handler) and waits out the grace period. */
  stopMs?: number;
}

// ------------------------------------------------------------------ userlands

const NO_TOOLS: Tools = { sh: false, bash: false, curl: false, wget: false, ping: false, nslookup: false, dig: false, nc: false, redisCli: false, psql: false };

const BUSYBOX_128: Tools = { ...NO_TOOLS, sh: true, wget: 'busybox', ping: 'busybox', nslookup: 'busybox-1.28', nc: true };
const BUSYBOX_136: Tools = { ...NO_TOOLS, sh: true, wget: 'busybox', ping: 'busybox', nslookup: 'busybox-1.36', nc: true };
const ALPINE: Tools = { ...BUSYBOX_136 };
const DEBIAN: Tools = { ...NO_TOOLS, sh: true, bash: true };

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PYTHON_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const ROOT = { uid: 0, name: 'root', home: '/root' };

/** python:3.11-alpine3.17 as of its first 3.11 build (docker-library/python). */
const PYTHON_ENV = [
  PYTHON_PATH,
  'LANG=C.UTF-8',
  'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
  'PYTHON_VERSION=3.11.1',
  'PYTHON_PIP_VERSION=22.3.1',
  'PYTHON_SETUPTOOLS_VERSION=65.5.1',
  'PYTHON_GET_PIP_URL=https://github.com/pypa/get-pip/raw/66030fa03382b4914d4c4d0896961a0bdeeeb274/public/get-pip.py',
  'PYTHON_GET_PIP_SHA256=1e501cf004eac1b7eb1f97266d28f995ae835d30250bec7f8850562703067dc6',
];

type Spec = Omit<ImageInfo, 'reference' | 'ref' | 'fullRef' | 'exists' | 'pullError' | 'invalidName' | 'imageID'>;

function spec(s: Partial<Spec> & Pick<Spec, 'behaviour' | 'sizeBytes' | 'userland'>): Spec {
  return {
    libc: 'musl',
    tools: ALPINE,
    env: [DEFAULT_PATH],
    user: ROOT,
    entrypoint: [],
    cmd: ['sh'],
    workingDir: '/',
    ports: [],
    stopMs: 300,
    ...s,
  };
}

// ------------------------------------------------------------------ repositories

interface Repo {
  /** Does this tag exist in the registry? */
  tags: (tag: string) => boolean;
  spec: (tag: string) => Spec;
}

const oneOf =
  (...tags: string[]) =>
  (t: string) =>
    tags.includes(t);

const voteSpec = (tag: string): Spec =>
  spec({
    behaviour: 'vote',
    appVersion: tag,
    userland: 'alpine',
    distro: { id: 'alpine', version: '3.17.0' },
    tools: { ...ALPINE, nslookup: 'busybox-1.28' },
    sizeBytes: 26_373_120 + (tag.charCodeAt(tag.length - 1) % 7) * 1024,
    env: PYTHON_ENV,
    workingDir: '/app',
    cmd: ['gunicorn', 'app:app', '-b', '0.0.0.0:80', '--log-file', '-', '--access-logfile', '-', '--workers', '4', '--keep-alive', '0'],
    ports: [80],
    stopMs: 150,
  });

const redisDebian = (version: string): Spec =>
  spec({
    behaviour: 'redis',
    appVersion: version,
    userland: 'debian',
    distro: version.startsWith('5.') ? BULLSEYE : BOOKWORM,
    libc: 'glibc',
    tools: { ...DEBIAN, redisCli: true },
    sizeBytes: 40_008_215,
    env: [DEFAULT_PATH, 'GOSU_VERSION=1.17', `REDIS_VERSION=${version}`],
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    workingDir: '/data',
    ports: [6379],
    stopMs: 120,
  });

const redisAlpine = (version: string, size = 17_237_448): Spec =>
  spec({
    behaviour: 'redis',
    appVersion: version,
    userland: 'alpine',
    tools: { ...ALPINE, redisCli: true },
    sizeBytes: size,
    env: [DEFAULT_PATH, 'REDIS_VERSION=' + version],
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    workingDir: '/data',
    ports: [6379],
    stopMs: 120,
  });

const REDIS_VERSIONS: Record<string, string> = {
  latest: '7.4.2',
  alpine: '7.4.2',
  '5': '5.0.14',
  '5.0': '5.0.14',
  '6': '6.2.16',
  '6.2': '6.2.16',
  '7': '7.4.2',
  '7.0': '7.0.15',
  '7.2': '7.2.7',
  '7.4': '7.4.2',
};

const nginxSpec = (tag: string): Spec => {
  const alpine = tag.includes('alpine');
  const version = /^1\.\d+\.\d+/.exec(tag)?.[0] ?? (/^1\.\d+/.test(tag) ? `${/^1\.\d+/.exec(tag)![0]}.0` : '1.27.3');
  return spec({
    behaviour: 'nginx',
    appVersion: version,
    userland: alpine ? 'alpine' : 'debian',
    // 1.27.3's images: debian:bookworm-slim and alpine:3.20.
    distro: alpine ? { id: 'alpine', version: '3.20.3' } : BOOKWORM,
    libc: alpine ? 'musl' : 'glibc',
    tools: alpine ? { ...ALPINE, curl: true } : { ...DEBIAN, curl: true },
    sizeBytes: alpine ? 20_487_236 : 72_188_133,
    env: [
      DEFAULT_PATH,
      `NGINX_VERSION=${version}`,
      'NJS_VERSION=0.8.7',
      `NJS_RELEASE=1${alpine ? '' : '~bookworm'}`,
      `PKG_RELEASE=1${alpine ? '' : '~bookworm'}`,
      `DYNPKG_RELEASE=1${alpine ? '' : '~bookworm'}`,
    ],
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    ports: [80],
    stopMs: 80,
  });
};

const busyboxSpec = (tag: string): Spec => {
  const old = /^1\.(2[0-9])(\.|$|-)/.test(tag);
  return spec({
    behaviour: 'none',
    appVersion: old ? '1.28.4' : '1.36.1',
    userland: 'busybox',
    libc: old ? 'uclibc' : 'glibc',
    tools: old ? BUSYBOX_128 : BUSYBOX_136,
    sizeBytes: old ? 727_869 : 2_155_018,
    stopMs: undefined,
  });
};

const kuardSpec = (tag: string): Spec => {
  const color = /(blue|green|purple)$/.exec(tag)?.[1];
  const version = /^v0\.9-/.test(tag) ? `v0.9-${color}` : /^v/.test(tag) ? tag : `v0.10.0-${color ?? tag}`;
  return spec({
    behaviour: 'kuard',
    appVersion: version,
    userland: 'alpine',
    sizeBytes: 11_655_314,
    user: { uid: 65534, name: 'nobody', home: '/' },
    cmd: ['/kuard'],
    ports: [8080],
    stopMs: 20,
  });
};

const REPOS: Record<string, Repo> = {
  'docker.io/schoolofdevops/vote': { tags: oneOf('v1', 'v2', 'v3', 'v4', 'v5', 'latest'), spec: voteSpec },
  'docker.io/schoolofdevops/redis': { tags: oneOf('latest'), spec: () => redisAlpine('5.0.14', 10_042_108) },
  'docker.io/schoolofdevops/vote-worker': {
    tags: oneOf('latest'),
    spec: () =>
      spec({
        behaviour: 'worker',
        userland: 'alpine',
        distro: { id: 'alpine', version: '3.9.4' },
        sizeBytes: 73_318_412,
        env: [DEFAULT_PATH, 'LANG=C.UTF-8', 'JAVA_HOME=/usr/lib/jvm/java-1.8-openjdk/jre', 'JAVA_VERSION=8u212', 'JAVA_ALPINE_VERSION=8.212.04-r0'],
        cmd: ['java', '-XX:+UnlockExperimentalVMOptions', '-XX:+UseCGroupMemoryLimitForHeap', '-jar', '/worker-jar-with-dependencies.jar'],
        stopMs: 200,
      }),
  },
  'docker.io/schoolofdevops/worker': {
    tags: oneOf('latest'),
    spec: () => ({ ...REPOS['docker.io/schoolofdevops/vote-worker'].spec('latest'), sizeBytes: 72_931_540 }),
  },
  'docker.io/schoolofdevops/vote-result': {
    tags: oneOf('latest'),
    spec: () =>
      spec({
        behaviour: 'result',
        userland: 'alpine',
        distro: { id: 'alpine', version: '3.9.4' },
        sizeBytes: 27_214_650,
        env: [DEFAULT_PATH, 'NODE_VERSION=8.16.0', 'YARN_VERSION=1.16.0', 'PORT=80'],
        workingDir: '/app',
        cmd: ['node', 'server.js'],
        ports: [80],
        // node as PID 1 installs no SIGTERM handler: the kernel ignores the signal.
        stopMs: undefined,
      }),
  },
  'docker.io/library/redis': {
    tags: (t) => t === 'latest' || t === 'alpine' || /^[5-7](\.\d+){0,2}(-alpine)?$/.test(t),
    spec: (t) => {
      const version = REDIS_VERSIONS[t.replace(/-alpine$/, '')] ?? /^\d+\.\d+\.\d+/.exec(t)?.[0] ?? '7.4.2';
      return t.includes('alpine') ? redisAlpine(version) : redisDebian(version);
    },
  },
  'docker.io/library/postgres': {
    tags: (t) => t === 'latest' || t === 'alpine' || /^(9\.[4-6]|1[0-7])(\.\d+)?(-alpine)?$/.test(t),
    spec: (t) =>
      spec({
        behaviour: 'postgres',
        appVersion: t.startsWith('9.4') ? '9.4.26' : t,
        userland: 'debian',
        distro: t.startsWith('9.') ? STRETCH : BOOKWORM,
        libc: 'glibc',
        tools: { ...DEBIAN, psql: true },
        sizeBytes: t.startsWith('9.4') ? 88_120_403 : 150_213_922,
        env: [
          'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/9.4/bin',
          'GOSU_VERSION=1.12',
          'LANG=en_US.utf8',
          'PG_MAJOR=9.4',
          'PG_VERSION=9.4.26-1.pgdg90+1',
          'PGDATA=/var/lib/postgresql/data',
        ],
        entrypoint: ['docker-entrypoint.sh'],
        cmd: ['postgres'],
        ports: [5432],
        stopMs: 250,
      }),
  },
  'docker.io/library/nginx': {
    tags: (t) => ['latest', 'alpine', 'stable', 'mainline', 'stable-alpine', 'mainline-alpine', 'perl'].includes(t) || /^1\.(1[0-9]|2[0-9])(\.\d+)?(-alpine|-perl)?$/.test(t),
    spec: nginxSpec,
  },
  'docker.io/library/busybox': {
    tags: (t) => ['latest', 'stable', 'uclibc', 'glibc', 'musl'].includes(t) || /^1(\.(2[0-9]|3[0-7])(\.\d+)?)?(-(uclibc|glibc|musl))?$/.test(t),
    spec: busyboxSpec,
  },
  'docker.io/library/alpine': {
    tags: (t) => t === 'latest' || t === 'edge' || /^3(\.\d+){0,2}$/.test(t),
    spec: (t) =>
      spec({
        behaviour: 'none',
        userland: 'alpine',
        distro: /^3\.\d+\.\d+$/.test(t) ? { id: 'alpine', version: t } : /^3\.\d+$/.test(t) && t !== '3.21' ? { id: 'alpine', version: `${t}.0` } : ALPINE_LATEST,
        sizeBytes: 3_653_068,
        stopMs: undefined,
        cmd: ['/bin/sh'],
      }),
  },
  'docker.io/library/ubuntu': {
    tags: (t) => ['latest', 'focal', 'jammy', 'noble', 'rolling', 'devel'].includes(t) || /^(1[4-9]|2[0-5])\.(04|10)$/.test(t),
    spec: () => spec({ behaviour: 'none', userland: 'ubuntu', libc: 'glibc', tools: DEBIAN, sizeBytes: 29_754_290, cmd: ['/bin/bash'], stopMs: undefined }),
  },
  'docker.io/library/debian': {
    tags: (t) => ['latest', 'bookworm', 'bookworm-slim', 'bullseye', 'stable', 'stable-slim'].includes(t) || /^(1[0-3])(-slim)?$/.test(t),
    spec: (t) =>
      spec({
        behaviour: 'none',
        userland: 'debian',
        distro: /^11|bullseye/.test(t) ? BULLSEYE : /^10/.test(t) ? { id: 'debian', version: '10', codename: 'buster' } : /^13/.test(t) ? { id: 'debian', version: '13', codename: 'trixie' } : BOOKWORM,
        libc: 'glibc',
        tools: DEBIAN,
        sizeBytes: 48_494_272,
        cmd: ['bash'],
        stopMs: undefined,
      }),
  },
  'docker.io/curlimages/curl': {
    tags: (t) => t === 'latest' || /^[78]\.\d+\.\d+$/.test(t),
    spec: () =>
      spec({
        behaviour: 'none',
        userland: 'alpine',
        tools: { ...ALPINE, curl: true },
        sizeBytes: 11_235_466,
        user: { uid: 100, name: 'curl_user', home: '/home/curl_user' },
        entrypoint: ['/entrypoint.sh'],
        cmd: ['curl'],
        workingDir: '/home/curl_user',
      }),
  },
  'docker.io/nicolaka/netshoot': {
    tags: (t) => t === 'latest' || /^v0\.\d+$/.test(t),
    spec: () =>
      spec({
        behaviour: 'none',
        userland: 'alpine',
        tools: { ...ALPINE, bash: true, curl: true, ping: 'iputils', nslookup: 'bind-9.18', dig: true, redisCli: false },
        sizeBytes: 190_324_811,
        cmd: ['zsh'],
        workingDir: '/root',
      }),
  },
  'docker.io/tutum/dnsutils': {
    tags: oneOf('latest'),
    spec: () =>
      spec({ behaviour: 'none', userland: 'ubuntu', libc: 'glibc', tools: { ...DEBIAN, nslookup: 'bind-9.9', dig: true, ping: 'iputils' }, sizeBytes: 68_437_212, cmd: ['/bin/bash'], stopMs: undefined }),
  },
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': {
    tags: oneOf('1.3', '1.4', '1.5', '1.7'),
    spec: () =>
      spec({ behaviour: 'none', userland: 'debian', distro: { id: 'debian', version: '8', codename: 'jessie' }, libc: 'glibc', tools: { ...DEBIAN, nslookup: 'bind-9.9', dig: true, ping: 'iputils' }, sizeBytes: 112_397_143, cmd: ['/bin/sh'], stopMs: undefined }),
  },
  'gcr.io/kuar-demo/kuard-amd64': {
    tags: (t) => ['1', '2', '3', 'blue', 'green', 'purple'].includes(t) || /^v0\.(9|10\.0)-(blue|green|purple|1|2|3)$/.test(t),
    spec: kuardSpec,
  },
  'registry.k8s.io/pause': {
    tags: (t) => /^3\.(1|2|5|6|7|8|9|10)$/.test(t),
    spec: () => spec({ behaviour: 'none', userland: 'distroless', libc: 'none', tools: NO_TOOLS, sizeBytes: 320_368, entrypoint: ['/pause'], cmd: [], stopMs: 10 }),
  },
  'registry.k8s.io/coredns/coredns': {
    tags: (t) => /^v1\.\d+\.\d+$/.test(t),
    spec: () =>
      spec({ behaviour: 'coredns', userland: 'distroless', libc: 'none', tools: NO_TOOLS, sizeBytes: 18_562_039, entrypoint: ['/coredns'], cmd: [], ports: [53, 8080, 8181, 9153], stopMs: 5000 }),
  },
};
REPOS['docker.io/coredns/coredns'] = { tags: (t) => t === 'latest' || /^1\.\d+\.\d+$/.test(t), spec: REPOS['registry.k8s.io/coredns/coredns'].spec };
REPOS['k8s.gcr.io/pause'] = REPOS['registry.k8s.io/pause'];

/** Official Docker Hub images the catalog does not model but that exist (a generic image stands in). */
const OTHER_OFFICIAL = new Set([
  'httpd', 'mysql', 'mariadb', 'mongo', 'memcached', 'rabbitmq', 'python', 'node', 'golang', 'openjdk', 'eclipse-temurin',
  'tomcat', 'haproxy', 'traefik', 'caddy', 'registry', 'hello-world', 'centos', 'fedora', 'wordpress', 'php', 'ruby', 'perl',
  'elasticsearch', 'kibana', 'consul', 'vault', 'influxdb', 'grafana', 'cassandra', 'zookeeper', 'nats', 'amazonlinux', 'rockylinux',
]);

// ------------------------------------------------------------------ lookup

function digestFor(full: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += fnv32a(`${full}#${i}`).toString(16).padStart(8, '0');
  return hex.slice(0, 64);
}

function notFound(full: string): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
}

function accessDenied(full: string): string {
  return (
    `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ` +
    'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
  );
}

const GENERIC = (): Spec => spec({ behaviour: 'generic', userland: 'alpine', sizeBytes: 24_117_248 });

const cache = new Map<string, ImageInfo>();

/** Everything the simulation knows about an image reference. */
export function lookupImage(reference: string): ImageInfo {
  const hit = cache.get(reference);
  if (hit) return hit;
  const info = build(reference);
  cache.set(reference, info);
  return info;
}

function build(reference: string): ImageInfo {
  const parsed = parseImageRef(reference);
  if (!parsed.ok) {
    return {
      ...GENERIC(),
      reference,
      fullRef: reference,
      exists: false,
      invalidName: `Failed to apply default image tag "${reference}": ${parsed.message}`,
      imageID: '',
    };
  }
  const ref = parsed.ref;
  const repo = REPOS[ref.repository];
  const tag = ref.tag || 'latest';
  const base = { reference, ref, fullRef: ref.full, imageID: `${ref.repository}@sha256:${ref.digest?.slice(7) ?? digestFor(ref.full)}` };
  if (repo) {
    const exists = !!ref.digest || repo.tags(tag);
    return { ...repo.spec(tag), ...base, exists, ...(exists ? {} : { pullError: notFound(ref.full) }) };
  }
  const official = ref.registry === 'docker.io' && ref.path.startsWith('library/');
  if (official && !OTHER_OFFICIAL.has(ref.path.slice('library/'.length))) {
    return { ...GENERIC(), ...base, exists: false, pullError: accessDenied(ref.full) };
  }
  return { ...GENERIC(), ...base, exists: true };
}

/** The shape the kubelet consumes (controllers/kubelet.ts ImageFacts). */
export function imageFacts(reference: string): { exists: boolean; fullRef: string; imageID: string; sizeBytes: number; pullError?: string } {
  const i = lookupImage(reference);
  return { exists: i.exists, fullRef: i.fullRef, imageID: i.imageID, sizeBytes: i.sizeBytes, ...(i.pullError ? { pullError: i.pullError } : {}) };
}

/** The image's base release: its own, else its userland's of the catalog's era (busybox and Ubuntu images: none modelled). */
export function distroOf(image: ImageInfo): Distro | undefined {
  if (image.distro) return image.distro;
  if (image.userland === 'alpine') return ALPINE_LATEST;
  if (image.userland === 'debian') return BOOKWORM;
  return undefined;
}

/** Is this program in the image? (`kubectl exec POD -- curl ...`) */
export function hasProgram(image: ImageInfo, program: string): boolean {
  const name = program.split('/').pop()!;
  const t = image.tools;
  switch (name) {
    case 'sh':
      return t.sh;
    case 'bash':
      return t.bash;
    case 'curl':
      return t.curl;
    case 'wget':
      return t.wget !== false;
    case 'ping':
      return t.ping !== false;
    case 'nslookup':
      return t.nslookup !== false;
    case 'dig':
    case 'host':
      return t.dig;
    case 'nc':
      return t.nc;
    case 'redis-cli':
      return t.redisCli;
    case 'psql':
      return t.psql;
    case 'env':
    case 'cat':
    case 'ls':
    case 'echo':
    case 'sleep':
    case 'hostname':
    case 'printenv':
    case 'true':
    case 'false':
      return image.userland !== 'distroless';
    case 'ps':
      // procps is not in the Debian-slim based images.
      return image.userland === 'busybox' || image.userland === 'alpine';
    default:
      return image.entrypoint.includes(program) || image.cmd[0] === program;
  }
}
