import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were `file` (an existing file, so type-aware rules find it in a project). */
async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
}

// ESLint loads its TypeScript parser on the first file: seconds on a busy machine.
describe('the lint rule that keeps Electron out of the main services', { timeout: 60_000 }, () => {
  it.each([`import { app } from 'electron';\nexport const a = app;\n`, `import type { WebContents } from 'electron';\nexport type W = WebContents;\n`])(
    'refuses Electron in src/main/services: %s',
    async (code) => {
      expect(await restrictedImports('src/main/services/about.ts', code)).toBe(1);
      expect(await restrictedImports('src/main/services/vault/kdf.ts', code)).toBe(1);
    },
  );

  it('lets the thin layer around them use it', async () => {
    expect(await restrictedImports('src/main/protocol.ts', `import { app } from 'electron';\nexport const a = app;\n`)).toBe(0);
  });
});
