import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Builds the preview's fetch bridge as one classic script, loaded before the renderer's modules.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '../shared') } },
  build: {
    outDir: resolve(import.meta.dirname, '../../out/preview'),
    emptyOutDir: true,
    minify: true,
    lib: {
      entry: resolve(import.meta.dirname, 'bridge.ts'),
      formats: ['iife'],
      name: 'waypointPreviewBridge',
      fileName: () => 'bridge.js',
    },
  },
  logLevel: 'warn',
});
