import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The unit tests that replace a module (vi.mock, vi.doMock): found by reading them, so a new one cannot land
 * among the files that share their modules.
 */
const unitFolder = resolve(import.meta.dirname, 'tests/unit');
const mockingFiles = readdirSync(unitFolder, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file) && /\bvi\.(do)?mock\(/i.test(readFileSync(join(unitFolder, file), 'utf8')))
  .map((file) => `tests/unit/${file.split(sep).join('/')}`);

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'src/shared'),
      '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
      '@resources': resolve(import.meta.dirname, 'resources'),
    },
  },
  test: {
    environment: 'node',
    // Vitest leaves a core free by default, which on a 2-core machine runs the files one at a time.
    maxWorkers: availableParallelism(),
    // npm test runs this layer beside the end-to-end tests, which take most of both cores: a test that needs
    // 1 s alone can need several there. What is fast enough is the bench's to say, not a timeout's.
    testTimeout: 30_000,
    projects: [
      // Files that replace modules (vi.mock) get a fresh module registry each.
      { extends: true, test: { name: 'mocked', include: mockingFiles } },
      // The rest share one per worker: importing the app's modules again for every file was a third of the layer's CPU time.
      { extends: true, test: { name: 'shared', include: ['tests/unit/**/*.test.{ts,tsx}'], exclude: mockingFiles, isolate: false } },
    ],
  },
});
