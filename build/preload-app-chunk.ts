// Vite plugin: the entry (src/boot.ts) loads the app with a dynamic import so
// that the simulator worker starts first. Preload that chunk and its CSS from
// the HTML, so it downloads and compiles while the worker starts instead of
// after.
import type { Plugin } from 'vite';

export function preloadAppChunk(appModule: string): Plugin {
  return {
    name: 'preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId?.endsWith(appModule));
        if (!app) throw new Error(`preload-app-chunk: no chunk for ${appModule}`);
        const files = [app.fileName, ...app.imports];
        const css = [...(app.viteMetadata?.importedCss ?? [])];
        return [
          ...files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...css.map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
