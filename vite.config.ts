import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { preloadAppChunk } from './build/preload-app-chunk';

// base './' so the static build works from any sub-path (GitHub Pages style).
export default defineConfig({
  base: './',
  plugins: [react(), preloadAppChunk('src/main.tsx')],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['monaco-yaml/yaml.worker.js', 'monaco-editor/esm/vs/editor/editor.worker.js'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Monaco's worker URL transform is slow by nature; the timing warning is noise.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  preview: { port: 4173, strictPort: true },
});
