import { describe, expect, it } from 'vitest';
import { applyWorkerFiles, closeEdit, createFilesStore, openForEdit, displayName, isEditableFile, resolveNewName, setDirty, shellWord } from './files-store';

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

  it('keeps a file opened for editing outside /root across refreshes, and drops it when the edit ends', () => {
    const s = createFilesStore();
    applyWorkerFiles(s, [{ path: '/root/a.yaml', content: '1' }]);
    const tmp = '/tmp/kubectl-edit-0123456789.yaml';
    openForEdit(s, tmp, 'kind: Service\n');
    expect(s.getState()).toMatchObject({ selected: tmp, paths: ['/root/a.yaml', tmp], temporary: [tmp], saved: { [tmp]: 'kind: Service\n' } });
    setDirty(s, tmp, true);
    applyWorkerFiles(s, [{ path: '/root/a.yaml', content: '1' }, { path: '/root/b.yaml', content: '2' }]);
    expect(s.getState()).toMatchObject({ selected: tmp, paths: ['/root/a.yaml', '/root/b.yaml', tmp], dirty: { [tmp]: true } });
    // Re-opened with kubectl's error comments: new text, no unsaved edits.
    openForEdit(s, tmp, '# error\nkind: Service\n');
    expect(s.getState().dirty).toEqual({});
    expect(s.getState().paths.filter((p) => p === tmp)).toHaveLength(1);
    closeEdit(s, tmp, '/root/b.yaml');
    expect(s.getState()).toMatchObject({ selected: '/root/b.yaml', paths: ['/root/a.yaml', '/root/b.yaml'], temporary: [] });
    expect(s.getState().saved).not.toHaveProperty(tmp);
  });

  it('turns a new file vi opened in /root into a listed one', () => {
    const s = createFilesStore();
    openForEdit(s, '/root/notes.txt', '');
    closeEdit(s, '/root/notes.txt', null);
    expect(s.getState()).toMatchObject({ paths: ['/root/notes.txt'], temporary: [], selected: '/root/notes.txt' });
    applyWorkerFiles(s, [{ path: '/root/notes.txt', content: 'hello\n' }]);
    expect(s.getState()).toMatchObject({ paths: ['/root/notes.txt'], saved: { '/root/notes.txt': 'hello\n' } });
    // A temporary file the listing now includes stops being temporary.
    openForEdit(s, '/root/new.txt', '');
    applyWorkerFiles(s, [{ path: '/root/new.txt', content: '' }, { path: '/root/notes.txt', content: 'hello\n' }]);
    expect(s.getState().temporary).toEqual([]);
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
