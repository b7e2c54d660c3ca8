// Monaco with schema-driven YAML (monaco-yaml). Imported only by the lazily
// loaded editor pane. Wiring follows docs/frontend-stack.md section 2: the full
// monaco-editor entry (monaco-yaml needs its compatibility layer), Vite ?worker
// imports, and configureMonacoYaml exactly once at module scope.

import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { kubernetesSchema } from '../../sim/api/schema';
import { editorColors } from '../theme';
import YamlWorker from './yaml.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

/** Looks like a file so monaco-yaml never tries to download it. */
export const SCHEMA_URI = 'inmemory://schemas/kubernetes.json';
/** Must match the model paths (file:///root/NAME.yaml). */
export const SCHEMA_FILE_MATCH = ['**/*.yaml', '**/*.yml'];

export const monacoYaml = configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  isKubernetes: true,
  schemas: [{ uri: SCHEMA_URI, fileMatch: SCHEMA_FILE_MATCH, schema: kubernetesSchema as never }],
});

export function defineThemes(): void {
  for (const theme of ['light', 'dark'] as const) {
    const c = editorColors(theme);
    monaco.editor.defineTheme(`playground-${theme}`, {
      base: theme === 'dark' ? 'vs-dark' : 'vs',
      inherit: true,
      rules: [],
      colors: {
        'editor.background': c.background,
        'editor.foreground': c.foreground,
        'editor.lineHighlightBackground': c.lineHighlight,
      },
    });
  }
}

export function setEditorTheme(theme: 'light' | 'dark'): void {
  defineThemes();
  monaco.editor.setTheme(`playground-${theme}`);
}

export function uriFor(path: string): monaco.Uri {
  return monaco.Uri.file(path);
}

export function languageFor(path: string): string {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.(sh|bash)$/i.test(path)) return 'shell';
  return 'plaintext';
}

export { monaco };
