import { defineConfig } from 'vitest/config';
import base from './vitest.config.mjs';

// `npm run fuzz`: the long generated-input runs of tests/fuzz, kept out of `npm test` (same aliases, own files).
export default defineConfig({ ...base, test: { ...base.test, include: ['tests/fuzz/**/*.fuzz.ts'] } });
