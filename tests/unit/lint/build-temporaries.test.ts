import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { getFileInfo } from 'prettier';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

// npm test runs lint and the format check beside the build (tests/run-all.ts). While it builds, electron-vite and
// vite write a bundle of their config beside it and delete it a moment later: a lint that listed such a file then
// failed to read it (ENOENT) and stopped the run.
const temporaries = ['electron.vite.config.ts.1796688082497-5844394032ad2.mjs', 'src/preview/vite.config.mts.timestamp-1796688082497-5844394032ad2.mjs'];

describe('the config bundles the build writes for a moment', () => {
  it('are ignored by lint and by the format check, which run beside the build', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const file of temporaries) {
      expect(await eslint.isPathIgnored(resolve(root, file)), file).toBe(true);
      expect((await getFileInfo(resolve(root, file), { ignorePath: [resolve(root, '.gitignore'), resolve(root, '.prettierignore')] })).ignored, file).toBe(true);
    }
    // The configs themselves are still linted.
    expect(await eslint.isPathIgnored(resolve(root, 'electron.vite.config.ts'))).toBe(false);
  });
});
