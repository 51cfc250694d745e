import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

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
    // npm test runs this layer beside lint, typecheck and the build, which take most of both cores: a test that
    // needs 1 s alone can need several there. What is fast enough is the bench's to say, not a timeout's.
    testTimeout: 30_000,
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
});
