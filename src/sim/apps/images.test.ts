import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { hasProgram, imageFacts, lookupImage } from './images';
import { parseImageRef } from './image-ref';
import { processFacts } from './process';

describe('image references', () => {
  it('normalise like containerd', () => {
    const full = (r: string) => (parseImageRef(r) as { ok: true; ref: { full: string } }).ref.full;
    expect(full('nginx')).toBe('docker.io/library/nginx:latest');
    expect(full('schoolofdevops/vote:v1')).toBe('docker.io/schoolofdevops/vote:v1');
    expect(full('gcr.io/kuar-demo/kuard-amd64:blue')).toBe('gcr.io/kuar-demo/kuard-amd64:blue');
    expect(full('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });

  it('reject an upper-case name with the kubelet message', () => {
    expect(lookupImage('Nginx').invalidName).toBe(
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });
});

describe('the image catalog', () => {
  it('knows which vote tags exist; a made-up tag fails to pull with containerd\'s message', () => {
    for (const t of ['v1', 'v2', 'v3', 'v4', 'v5', 'latest']) expect(lookupImage(`schoolofdevops/vote:${t}`).exists).toBe(true);
    const bad = imageFacts('schoolofdevops/vote:ergerg');
    expect(bad.exists).toBe(false);
    expect(bad.pullError).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/schoolofdevops/vote:ergerg": ' +
        'failed to resolve reference "docker.io/schoolofdevops/vote:ergerg": docker.io/schoolofdevops/vote:ergerg: not found',
    );
  });

  it('treats unknown user images as existing and a mistyped official image as missing', () => {
    expect(lookupImage('someone/some-app:1.0')).toMatchObject({ exists: true, behaviour: 'generic' });
    expect(lookupImage('ngnix').pullError).toMatch(/pull access denied, repository does not exist or may require authorization/);
    expect(lookupImage('httpd').exists).toBe(true);
  });

  it('gives stable digests as Image ID', () => {
    const id = lookupImage('schoolofdevops/vote:v1').imageID;
    expect(id).toMatch(/^docker\.io\/schoolofdevops\/vote@sha256:[0-9a-f]{64}$/);
    expect(lookupImage('nginx:latest').imageID).toBe(lookupImage('nginx').imageID);
    expect(lookupImage('schoolofdevops/vote:v2').imageID).not.toBe(id);
  });

  it('knows the tools in each userland', () => {
    const vote = lookupImage('schoolofdevops/vote:v1');
    expect([hasProgram(vote, 'curl'), hasProgram(vote, 'wget'), hasProgram(vote, 'sh'), hasProgram(vote, 'bash')]).toEqual([false, true, true, false]);
    expect(vote.tools.nslookup).toBe('busybox-1.28');
    expect(vote.libc).toBe('musl');
    const nginx = lookupImage('nginx');
    expect([hasProgram(nginx, 'curl'), hasProgram(nginx, 'ping'), hasProgram(nginx, 'nslookup'), hasProgram(nginx, 'bash')]).toEqual([true, false, false, true]);
    expect(lookupImage('busybox:1.28').tools.nslookup).toBe('busybox-1.28');
    expect(lookupImage('busybox').tools.nslookup).toBe('busybox-1.36');
    expect(lookupImage('nicolaka/netshoot').tools.nslookup).toBe('bind-9.18');
    expect(lookupImage('registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3').tools.nslookup).toBe('bind-9.9');
    expect(hasProgram(lookupImage('registry.k8s.io/pause:3.10'), 'sh')).toBe(false);
  });

  it('has the python image environment in the vote image', () => {
    expect(lookupImage('schoolofdevops/vote:v1').env).toContain('PYTHON_VERSION=3.11.1');
    expect(lookupImage('schoolofdevops/vote:v1').env[0]).toBe('PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(lookupImage('gcr.io/kuar-demo/kuard-amd64:blue')).toMatchObject({ appVersion: 'v0.10.0-blue', ports: [8080], user: { uid: 65534 } });
  });
});

describe('the main process', () => {
  const c = (image: string, extra: Partial<Container> = {}): Container => ({ name: 'c', image, ...extra });

  it('runs the image app until stopped', () => {
    expect(processFacts(lookupImage('schoolofdevops/vote:v1'), c('schoolofdevops/vote:v1'))).toMatchObject({ runsApp: true, stopsAfterMs: 150 });
    expect(processFacts(lookupImage('schoolofdevops/vote:v1'), c('x')).exitsAfterMs).toBeUndefined();
  });

  it('busybox without a command: the shell exits at once', () => {
    expect(processFacts(lookupImage('busybox'), c('busybox'))).toMatchObject({ exitsAfterMs: 30, exitCode: 0, runsApp: false });
  });

  it('sleep 3600 exits after an hour and ignores SIGTERM as PID 1', () => {
    const f = processFacts(lookupImage('busybox:1.28'), c('busybox:1.28', { command: ['sleep', '3600'] }));
    expect(f).toMatchObject({ exitsAfterMs: 3_600_000, exitCode: 0, stopsAfterMs: Infinity });
    const loop = processFacts(lookupImage('busybox'), c('busybox', { command: ['sh', '-c', 'while true; do sleep 5; done'] }));
    expect(loop.exitsAfterMs).toBeUndefined();
  });

  it('a program missing from the image cannot start', () => {
    const f = processFacts(lookupImage('nginx'), c('nginx', { command: ['ping', 'redis'] }));
    expect(f.startError).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown',
    );
  });
});
