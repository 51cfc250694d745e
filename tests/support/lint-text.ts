import { resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';

const root = resolve(import.meta.dirname, '../..');

/*
 * The project's own ESLint config with its type-aware rules off: the tests of the import and property rules
 * need no types, and building the TypeScript program for them cost most of those tests' time (`npm run lint`
 * runs the type-aware rules over the whole tree).
 */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/switch-exhaustiveness-check': 'off' },
  },
});

/** What ESLint reports for `code` as if it were the file at `path` (relative to the repository). */
export async function lintAs(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result!.messages;
}
