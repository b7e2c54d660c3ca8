// The YAML editor pane (lazy chunk: Monaco and monaco-yaml load with it).
// Save writes the file to the worker; Apply (or Ctrl+Enter) saves and runs
// `kubectl apply -f FILE` in the terminal, where its output appears.

import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { EditBar } from '../edit/EditBar';
import { useFiles, usePrefs, useServices } from '../hooks';
import { displayName } from '../stores/files-store';
import { FileBar } from './FileBar';
import { ModelRegistry } from './model-registry';
import { monaco, setEditorTheme } from './monaco-setup';

export default function EditorPane() {
  const services = useServices();
  const theme = usePrefs((s) => s.theme);
  const selected = useFiles((s) => s.selected);
  const isDirty = useFiles((s) => (s.selected ? Boolean(s.dirty[s.selected]) : false));
  const hasFiles = useFiles((s) => s.paths.length > 0);
  const temporary = useFiles((s) => (s.selected ? s.temporary.includes(s.selected) : false));
  /** The file a terminal command is waiting for: applying it would wait behind that very command. */
  const waitedFor = useStore(services.edits.store, (s) => s.session?.path ?? null);
  const [applying, setApplying] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  const save = async () => {
    const path = services.files.getState().selected;
    const editor = editorRef.current;
    if (!path || !editor) return;
    await services.saveFile(path, editor.getValue());
  };

  const apply = async () => {
    const path = services.files.getState().selected;
    if (!path) return;
    // The file a command waits for (or a temporary one) is not the learner's to apply (Ctrl+Enter lands here too).
    if (services.files.getState().temporary.includes(path) || services.edits.store.getState().session?.path === path) return;
    setApplying(true);
    try {
      await services.applyFile(path);
    } finally {
      setApplying(false);
    }
  };

  // Latest handlers for Monaco's commands, which are registered once.
  const actions = useRef({ save, apply });
  actions.current = { save, apply };

  useEffect(() => {
    setEditorTheme(services.prefs.getState().theme);
    const editor = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, monospace",
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    editorRef.current = editor;
    const registry = new ModelRegistry(services.files);
    const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();

    const show = () => {
      const state = services.files.getState();
      registry.sync(state);
      const want = state.selected ? registry.get(state.selected) : null;
      const current = editor.getModel();
      if (want === current) return;
      const currentPath = registry.pathOf(current);
      if (currentPath) viewStates.set(currentPath, editor.saveViewState());
      editor.setModel(want);
      const vs = state.selected ? viewStates.get(state.selected) : null;
      if (vs) editor.restoreViewState(vs);
    };
    show();
    const unsubscribe = services.files.subscribe(show);

    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void actions.current.apply());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void actions.current.save());

    services.editor = {
      draft: (path) => registry.get(path)?.getValue(),
      markers: (path) => {
        const p = path ?? services.files.getState().selected;
        const model = p ? registry.get(p) : null;
        if (!model) return [];
        return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ severity: m.severity, message: m.message, startLineNumber: m.startLineNumber }));
      },
      value: () => editor.getValue(),
      setValue: (text) => editor.getModel()?.pushEditOperations([], [{ range: editor.getModel()!.getFullModelRange(), text }], () => null),
      path: () => registry.pathOf(editor.getModel()),
      focus: () => editor.focus(),
    };

    return () => {
      services.editor = null;
      unsubscribe();
      editor.dispose();
      registry.dispose();
      editorRef.current = null;
    };
  }, [services]);

  useEffect(() => setEditorTheme(theme), [theme]);

  const canApply = selected !== null && selected !== waitedFor && !temporary && /\.(ya?ml|json)$/i.test(selected);
  return (
    <section className="panel editor-panel" aria-label="YAML editor">
      <div className="panel-header">
        <h2 className="panel-title">Editor</h2>
        <span className="editor-status" aria-live="polite">
          {selected ? `${displayName(selected)}${isDirty ? ' — unsaved' : ''}` : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="btn" disabled={!selected || !isDirty} onClick={() => void save()} title="Save (Ctrl+S)">
          Save
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canApply || applying}
          onClick={() => void apply()}
          title="Save and run kubectl apply -f in the terminal (Ctrl+Enter)"
          data-testid="apply"
        >
          {applying ? 'Applying…' : 'Apply'}
        </button>
      </div>
      <FileBar />
      <EditBar />
      <div className="panel-body">
        {/* nokey: document-level key handlers (React Flow's) leave typing here alone. */}
        <div ref={host} className="editor-host nokey" data-testid="editor" />
        {!hasFiles && <div className="editor-empty">No files yet. Press New to write a manifest.</div>}
      </div>
    </section>
  );
}
