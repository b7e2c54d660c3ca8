// The editor's file list: one tab per file in /root (a dot marks unsaved
// changes), and New / Rename / Delete, with an inline name box.

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useFiles, useServices } from '../hooks';
import { displayName } from '../stores/files-store';

type NameMode = { kind: 'new' } | { kind: 'rename'; path: string } | null;

function NameForm({ mode, onDone }: { mode: NonNullable<NameMode>; onDone: () => void }) {
  const services = useServices();
  const [name, setName] = useState(mode.kind === 'rename' ? displayName(mode.path) : '');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mode.kind === 'rename' && name.trim() === displayName(mode.path)) return onDone();
    const err = mode.kind === 'new' ? await services.createFile(name) : await services.renameFile(mode.path, name);
    if (err) setError(err);
    else onDone();
  };
  return (
    <form className="file-name-form" onSubmit={submit}>
      <input
        ref={input}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
        placeholder="my-service.yaml"
        aria-label={mode.kind === 'new' ? 'New file name' : 'New name'}
        spellCheck={false}
        data-testid="file-name-input"
      />
      {error && <span className="form-error">{error}</span>}
      <button type="submit" className="btn">
        {mode.kind === 'new' ? 'Create' : 'Rename'}
      </button>
      <button type="button" className="btn" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function DeleteButton({ path }: { path: string | null }) {
  const services = useServices();
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(t);
  }, [armed]);
  useEffect(() => setArmed(false), [path]);
  return (
    <button
      type="button"
      className={`btn${armed ? ' btn-danger' : ''}`}
      disabled={path === null}
      onClick={() => {
        if (path === null) return;
        if (!armed) return setArmed(true);
        setArmed(false);
        void services.deleteFile(path);
      }}
      title={path ? `Delete ${displayName(path)}` : undefined}
    >
      {armed ? 'Confirm delete' : 'Delete'}
    </button>
  );
}

export function FileBar() {
  const services = useServices();
  const paths = useFiles((s) => s.paths);
  const selected = useFiles((s) => s.selected);
  const dirty = useFiles((s) => s.dirty);
  const temporary = useFiles((s) => s.temporary);
  const fixed = selected !== null && temporary.includes(selected);
  const [mode, setMode] = useState<NameMode>(null);
  const tabs = useRef<HTMLDivElement>(null);
  // A file opened from elsewhere (kubectl edit's temporary file comes last) must be in view.
  useEffect(() => {
    if (selected) tabs.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected, paths]);
  return (
    <>
      <div className="file-bar">
        <div ref={tabs} className="file-tabs" role="tablist" aria-label="Files">
          {paths.map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              className={`file-tab${temporary.includes(p) ? ' file-tab-temporary' : ''}`}
              aria-selected={p === selected}
              onClick={() => services.selectFile(p, true)}
              title={temporary.includes(p) ? `${p} (opened by a command; closes when it ends)` : p}
              data-path={p}
            >
              {displayName(p)}
              {dirty[p] && <span className="dirty-dot" aria-label="unsaved changes" title="Unsaved changes" />}
            </button>
          ))}
        </div>
        <button type="button" className="btn" onClick={() => setMode({ kind: 'new' })} data-testid="new-file">
          New
        </button>
        <button type="button" className="btn" disabled={selected === null || fixed} onClick={() => selected && setMode({ kind: 'rename', path: selected })}>
          Rename
        </button>
        <DeleteButton path={fixed ? null : selected} />
      </div>
      {mode && <NameForm key={mode.kind} mode={mode} onDone={() => setMode(null)} />}
    </>
  );
}
