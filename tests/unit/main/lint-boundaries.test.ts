import { describe, expect, it } from 'vitest';
import { lintAs } from '../../support/lint-text';

/** How many restricted imports ESLint reports for `code` as if it were `file`. */
async function restrictedImports(file: string, code: string): Promise<number> {
  return (await lintAs(file, code)).filter((message) => message.ruleId === 'no-restricted-imports').length;
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
