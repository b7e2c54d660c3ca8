import { describe, expect, it } from 'vitest';
import { applyWorkerFiles, createFilesStore, displayName, isEditableFile, resolveNewName, setDirty, shellWord } from './files-store';

describe('files store', () => {
  it('lists only visible files under /root, sorted, selecting the first', () => {
    const s = createFilesStore();
    applyWorkerFiles(s, [
      { path: '/root/vote-svc.yaml', content: 'a' },
      { path: '/root/.kube/config', content: 'x' },
      { path: '/etc/hosts', content: 'h' },
      { path: '/root/labs/redis-svc.yaml', content: 'b' },
      { path: '/root/instavote-ns.yaml', content: 'c' },
    ]);
    expect(s.getState().paths).toEqual(['/root/instavote-ns.yaml', '/root/labs/redis-svc.yaml', '/root/vote-svc.yaml']);
    expect(s.getState().selected).toBe('/root/instavote-ns.yaml');
  });

  it('keeps selection and dirty flags of files that still exist', () => {
    const s = createFilesStore();
    applyWorkerFiles(s, [
      { path: '/root/a.yaml', content: '1' },
      { path: '/root/b.yaml', content: '2' },
    ]);
    s.setState({ selected: '/root/b.yaml' });
    setDirty(s, '/root/b.yaml', true);
    setDirty(s, '/root/a.yaml', true);
    applyWorkerFiles(s, [{ path: '/root/b.yaml', content: '3' }]);
    expect(s.getState()).toMatchObject({ selected: '/root/b.yaml', dirty: { '/root/b.yaml': true }, saved: { '/root/b.yaml': '3' } });
    applyWorkerFiles(s, []);
    expect(s.getState().selected).toBeNull();
  });

  it('does not notify when nothing changed', () => {
    const s = createFilesStore();
    const files = [{ path: '/root/a.yaml', content: '1' }];
    applyWorkerFiles(s, files);
    let calls = 0;
    s.subscribe(() => calls++);
    applyWorkerFiles(s, files);
    setDirty(s, '/root/a.yaml', false);
    expect(calls).toBe(0);
  });

  it('validates new file names', () => {
    expect(resolveNewName('web-svc.yaml', [])).toEqual({ path: '/root/web-svc.yaml' });
    expect(resolveNewName('~/x/y.yaml', [])).toEqual({ path: '/root/x/y.yaml' });
    expect(resolveNewName('a.yaml', ['/root/a.yaml'])).toEqual({ error: 'a.yaml already exists' });
    expect(resolveNewName('  ', [])).toHaveProperty('error');
    expect(resolveNewName('my file.yaml', [])).toHaveProperty('error');
    expect(resolveNewName('/etc/passwd', [])).toHaveProperty('error');
    expect(resolveNewName('../x', [])).toHaveProperty('error');
    expect(resolveNewName('.hidden', [])).toHaveProperty('error');
  });

  it('names files relative to home', () => {
    expect(displayName('/root/a/b.yaml')).toBe('a/b.yaml');
    expect(isEditableFile('/root/a//b')).toBe(false);
  });
});

describe('shellWord', () => {
  it('quotes only names the shell would split or expand', () => {
    expect(shellWord('labs/vote-svc.yaml')).toBe('labs/vote-svc.yaml');
    expect(shellWord('my file.yaml')).toBe("'my file.yaml'");
    expect(shellWord("it's$x")).toBe(`'it'\\''s$x'`);
  });
});
