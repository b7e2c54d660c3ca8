import { describe, expect, it } from 'vitest';
import { applyWorkerFiles, createFilesStore } from '../stores/files-store';
import { EditController, type EditPorts, programOf, withFinalNewline } from './edit-controller';

const TMP = '/tmp/kubectl-edit-0123456789.yaml';

function setup(disk: Record<string, string>) {
  const files = createFilesStore();
  applyWorkerFiles(files, [{ path: '/root/web.yaml', content: 'a: 1\n' }]);
  const calls: string[] = [];
  const drafts: Record<string, string> = {};
  let running: string | null = 'kubectl edit svc web';
  const ports: EditPorts = {
    readFile: async (p) => disk[p] ?? null,
    writeFile: async (p, c) => {
      disk[p] = c;
      calls.push(`write ${p}`);
    },
    finishEdit: async (p, saved) => void calls.push(`finish ${p} ${saved}`),
    draft: (p) => drafts[p],
    runningLine: () => running,
    focusEditor: () => void calls.push('focus editor'),
    focusTerminal: () => void calls.push('focus terminal'),
  };
  const edits = new EditController(files, ports);
  return { files, edits, calls, drafts, disk, setRunning: (l: string | null) => (running = l) };
}

describe('EditController', () => {
  it('opens the waiting file as a temporary tab, saves it on Done and closes when the command ends', async () => {
    const { files, edits, calls, drafts, disk } = setup({ [TMP]: 'spec:\n  type: NodePort\n' });
    await edits.open(TMP);
    expect(edits.store.getState().session).toEqual({ path: TMP, program: 'kubectl', round: 1, answered: false });
    expect(files.getState()).toMatchObject({ selected: TMP, temporary: [TMP], saved: { [TMP]: 'spec:\n  type: NodePort\n' } });
    drafts[TMP] = 'spec:\n  type: ClusterIP\n';
    await edits.done();
    expect(disk[TMP]).toBe('spec:\n  type: ClusterIP\n');
    expect(calls).toEqual(['focus editor', `write ${TMP}`, `finish ${TMP} true`, 'focus terminal']);
    expect(edits.store.getState().session?.answered).toBe(true);
    // A second Done before the command answers does nothing.
    await edits.done();
    expect(calls.filter((c) => c.startsWith('finish'))).toHaveLength(1);
    edits.commandEnded();
    expect(edits.store.getState().session).toBeNull();
    expect(files.getState()).toMatchObject({ selected: '/root/web.yaml', paths: ['/root/web.yaml'], temporary: [] });
  });

  it('re-opens the same file for another round with the text kubectl wrote', async () => {
    const { files, edits, disk } = setup({ [TMP]: 'x: 1\n' });
    await edits.open(TMP);
    await edits.done();
    disk[TMP] = '# error: bad\nx: 1\n';
    await edits.open(TMP);
    expect(edits.store.getState().session).toMatchObject({ round: 2, answered: false });
    expect(files.getState().saved[TMP]).toBe('# error: bad\nx: 1\n');
    expect(files.getState().paths.filter((p) => p === TMP)).toHaveLength(1);
  });

  it('cancels without writing', async () => {
    const { edits, calls } = setup({ [TMP]: 'x: 1\n' });
    await edits.open(TMP);
    await edits.cancel();
    expect(calls).toEqual(['focus editor', `finish ${TMP} false`, 'focus terminal']);
  });

  it('drops an opening whose command ended while the file was being read', async () => {
    const { edits, files } = setup({ [TMP]: 'x: 1\n' });
    const opening = edits.open(TMP);
    edits.commandEnded();
    await opening;
    expect(edits.store.getState().session).toBeNull();
    expect(files.getState().paths).toEqual(['/root/web.yaml']);
  });

  it('writes a final newline as vi does, and nothing for an empty file', async () => {
    const { edits, drafts, disk } = setup({ '/root/notes.txt': '' });
    await edits.open('/root/notes.txt');
    drafts['/root/notes.txt'] = 'hello';
    await edits.done();
    expect(disk['/root/notes.txt']).toBe('hello\n');
    expect(withFinalNewline('')).toBe('');
    expect(withFinalNewline('a\n')).toBe('a\n');
  });

  it('names the waiting program', () => {
    expect(programOf('vi notes.txt')).toBe('vi');
    expect(programOf('KUBE_EDITOR=nano /usr/bin/kubectl edit svc web')).toBe('kubectl');
    expect(programOf(null)).toBe('the command');
  });
});
