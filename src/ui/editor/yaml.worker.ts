// monaco-yaml's language worker, bundled by Vite through a local module (the
// workaround from the monaco-yaml README against "Unexpected usage … loadForeignModule").
import 'monaco-yaml/yaml.worker.js';
