import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// src-shared/ (the API contract and its view types) is imported by all three as @shared/….
const alias = { '@shared': resolve('src-shared') }

// Three process roots, as DESIGN.md lays them out. The preload is built as CommonJS because
// sandboxed preloads cannot be ES modules.
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          'parse-worker': resolve('src-main/services/parse-worker.ts'),
          // Run by utilityProcess.fork (src-main/app/utility-worker-host.ts), one per trial.
          'trial-worker': resolve('src-main/worker/trial-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can require only `electron`: bundle everything else into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: { alias },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
    plugins: [svelte({ configFile: false })],
  },
})
