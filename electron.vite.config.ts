import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      // hash-wasm is bundled into the worker (its only user), so kdf.worker.js needs nothing but
      // Node built-ins: no node_modules lookup from the worker thread (inside app.asar when packaged).
      // zod is bundled too, and so tree-shaken: from node_modules, every thread that checks a
      // schema (the app, each export's worker) loaded all of zod, its 40-odd locales included
      // (about 9 MB more resident memory per worker thread; docs/performance.md).
      externalizeDeps: { exclude: ['hash-wasm', 'zod'] },
      rolldownOptions: {
        // Entries bundled apart: the app, and each worker thread (src/main/core/workers/worker-path.ts):
        // '<name>.worker' is emitted as out/main/<name>.worker.mjs beside index.js.
        input: {
          index: resolve('src/main/index.ts'),
          'kdf.worker': resolve('src/main/core/vault/kdf.worker.ts'),
          // Heavy work off the main thread (backups, their checks, exports): found by
          // src/main/core/workers/worker-path.ts, like the KDF worker.
          'jobs.worker': resolve('src/main/core/jobs/jobs.worker.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name.endsWith('.worker') ? '[name].mjs' : '[name].js'),
          // Code shared by the app and a worker becomes a chunk; it sits beside index.js (not in
          // chunks/) so that worker-path.ts, wherever it lands, finds the workers as its siblings.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      // The window is sandboxed: its preload runs as a CommonJS script that may require only
      // 'electron' — no ESM, no other files, no node_modules. So: one self-contained CJS file
      // (out/preload/index.cjs; .cjs because package.json says "type": "module").
      externalizeDeps: false,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    plugins: [react()],
    // electron-vite leaves the renderer unminified by default; minify it (smaller, faster parse).
    build: { minify: true },
  },
})
