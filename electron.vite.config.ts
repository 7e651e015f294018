import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {},
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
