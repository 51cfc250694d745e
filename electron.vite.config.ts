import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { prebuiltSearchIndexPlugin } from './scripts/directory/search-index';

const root = import.meta.dirname;
const shared = resolve(root, 'src/shared');

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: { outDir: 'out/main' },
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    // A sandboxed preload cannot require() other files: bundle it into one CommonJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: {
      alias: { '@shared': shared, '@renderer': resolve(root, 'src/renderer/src'), '@resources': resolve(root, 'resources') },
    },
    plugins: [react(), prebuiltSearchIndexPlugin(root)],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      manifest: true,
      rollupOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
