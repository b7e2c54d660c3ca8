import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../api/types';
import { lookupImage } from '../apps/images';
import { NGINX_INDEX_HTML } from '../apps/nginx';
import { buildContainerFs, clusterCaPem, osRelease, serviceAccountToken } from './container-fs';

const NOW = Date.UTC(2026, 0, 12, 9, 0, 0);
const CREATED = Date.UTC(2026, 0, 12, 8, 50, 0);

function pod(name = 'bb', spec: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { containers: [{ name, image: 'x' }], nodeName: 'kind-worker', serviceAccountName: 'default', ...spec },
    status: { podIP: '10.40.0.2', podIPs: [{ ip: '10.40.0.2' }] },
  } as Pod;
}

function fsOf(image: string, p: Pod = pod(), container: Partial<Container> = {}) {
  return buildContainerFs({
    image: lookupImage(image),
    pod: p,
    container: { name: p.metadata.name!, image, ...container },
    clusterDomain: 'cluster.local',
    now: () => NOW,
    issuedAtMs: NOW,
    nodeUid: 'node-uid',
    clusterCreatedMs: CREATED,
  });
}

function decode(part: string): unknown {
  return JSON.parse(Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
}

describe("a container's file tree", () => {
  it('has the top directories of its userland', () => {
    expect(fsOf('busybox:1.28').list('/')).toEqual(['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var']);
    // busybox:latest is the glibc build: it carries its C library.
    expect(fsOf('busybox').list('/')).toEqual(['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var']);
    expect(fsOf('alpine').list('/')).toEqual(['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']);
    expect(fsOf('nginx').list('/')).toEqual([
      'bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var',
    ]);
  });

  it('has the image WORKDIR, and the pod spec workingDir', () => {
    expect(fsOf('schoolofdevops/vote:v1').isDir('/app')).toBe(true);
    expect(fsOf('redis:alpine').isDir('/data')).toBe(true);
    expect(fsOf('busybox', pod(), { workingDir: '/work/here' }).isDir('/work/here')).toBe(true);
  });

  it('has /etc/os-release of the base release (none in busybox)', () => {
    expect(fsOf('nginx').read('/etc/os-release')).toBe(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n' +
        'HOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
    );
    expect(fsOf('schoolofdevops/vote:v1').read('/etc/os-release')).toBe(
      'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.17.0\nPRETTY_NAME="Alpine Linux v3.17"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
    );
    expect(fsOf('schoolofdevops/vote:v1').read('/etc/alpine-release')).toBe('3.17.0\n');
    expect(fsOf('busybox').exists('/etc/os-release')).toBe(false);
    expect(osRelease({ id: 'alpine', version: '3.9.4' })).toContain('BUG_REPORT_URL="https://bugs.alpinelinux.org/"');
  });

  it('has a minimal /etc/passwd', () => {
    expect(fsOf('busybox').read('/etc/passwd')).toBe('root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
    expect(fsOf('nginx').read('/etc/passwd')!.split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/bash');
    expect(fsOf('nginx').read('/etc/passwd')).toContain('\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
  });

  it("has nginx's welcome page, the one the nginx app serves", () => {
    expect(fsOf('nginx').read('/usr/share/nginx/html/index.html')).toBe(NGINX_INDEX_HTML);
    expect(fsOf('nginx').list('/usr/share/nginx/html')).toEqual(['50x.html', 'index.html']);
  });

  it("has what the kubelet mounts: hostname, hosts, resolv.conf, the service account's files", () => {
    const fs = fsOf('busybox');
    expect(fs.read('/etc/hostname')).toBe('bb\n');
    expect(fs.read('/etc/hosts')).toContain('::1\tlocalhost ip6-localhost ip6-loopback\n');
    expect(fs.read('/etc/resolv.conf')).toContain('nameserver 10.96.0.10');
    expect(fs.list('/var/run/secrets/kubernetes.io/serviceaccount')).toEqual(['ca.crt', 'namespace', 'token']);
    expect(fs.read('/var/run/secrets/kubernetes.io/serviceaccount/namespace')).toBe('default');
    expect(fsOf('busybox', pod('x', { automountServiceAccountToken: false } as never)).exists('/var/run/secrets/kubernetes.io/serviceaccount')).toBe(false);
  });

  it('the token is a JWT bound to the pod and node, deterministic', () => {
    const token = fsOf('busybox').read('/var/run/secrets/kubernetes.io/serviceaccount/token')!;
    const [h, c, sig] = token.split('.');
    expect(decode(h)).toEqual({ alg: 'RS256', kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const iat = NOW / 1000;
    expect(decode(c)).toEqual({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      exp: iat + 31536000 + 7,
      iat,
      iss: 'https://kubernetes.default.svc.cluster.local',
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'kubernetes.io': {
        namespace: 'default',
        node: { name: 'kind-worker', uid: 'node-uid' },
        pod: { name: 'bb', uid: 'uid-bb' },
        serviceaccount: { name: 'default', uid: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        warnafter: iat + 3607,
      },
      nbf: iat,
      sub: 'system:serviceaccount:default:default',
    });
    expect(sig).toMatch(/^[A-Za-z0-9_-]{342}$/);
    const input = { issuedAtMs: NOW, nodeUid: 'node-uid', clusterDomain: 'cluster.local', clusterCreatedMs: CREATED };
    expect(serviceAccountToken(pod(), input)).toBe(token);
    expect(serviceAccountToken(pod('other'), input)).not.toBe(token);
  });

  it('the CA certificate is a PEM block for CN=kubernetes, the same in every pod', () => {
    const pem = fsOf('busybox').read('/var/run/secrets/kubernetes.io/serviceaccount/ca.crt')!;
    expect(pem).toBe(fsOf('nginx', pod('web')).read('/var/run/secrets/kubernetes.io/serviceaccount/ca.crt'));
    expect(pem).toBe(clusterCaPem(CREATED));
    const lines = pem.trim().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines.slice(1, -2).every((l) => l.length === 64)).toBe(true);
    const der = Buffer.from(lines.slice(1, -1).join(''), 'base64');
    expect(der.length).toBe(777);
    expect(der.includes(Buffer.from('kubernetes'))).toBe(true);
  });

  it('each container gets its own copy of the shared image tree', () => {
    const a = fsOf('nginx', pod('a'));
    const b = fsOf('nginx', pod('b'));
    a.write('/usr/share/nginx/html/index.html', 'changed');
    a.write('/tmp/mine', 'x');
    expect(b.read('/usr/share/nginx/html/index.html')).toBe(NGINX_INDEX_HTML);
    expect(b.exists('/tmp/mine')).toBe(false);
    expect(b.read('/etc/hostname')).toBe('b\n');
  });
});
