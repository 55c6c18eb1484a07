// The dashboard as a static site: `vite build` writes dist/, which any static host serves.
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs, so dist/ works from any folder (a GitHub Pages project site included).
  base: './',
  build: {
    // sigverify instantiates its WebAssembly with a top-level await at import.
    target: 'es2022',
    // The sample releases are copied in by scripts/sample.mjs after the build.
    emptyOutDir: true,
  },
  worker: { format: 'es' },
  // The package loads its .wasm by `new URL(..., import.meta.url)`, which pre-bundling would break in `vite dev`.
  optimizeDeps: { exclude: ['sigverify'] },
});
