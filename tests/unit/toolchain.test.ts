import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** A tsconfig as `tsc -b` reads it: its files (after include and exclude), options and references. */
function project(name: string) {
  const path = join(root, name);
  const { config, error } = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, path);
  return {
    files: parsed.fileNames.map((file) => relative(root, file)),
    options: parsed.options,
    references: (parsed.projectReferences ?? []).map((reference) => relative(root, reference.path)),
  };
}

const solution = project('tsconfig.json');
const projects = Object.fromEntries(solution.references.map((name) => [name, project(name)]));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))
    .map((file) => join(folder, file));
}

describe('typecheck: tsc -b over project references', () => {
  it('checks every TypeScript file in src in a project of its own side, and the tests project reads src only through references', () => {
    const sides = ['tsconfig.shared.json', 'tsconfig.node.json', 'tsconfig.web.json'];
    const checked = new Set(sides.flatMap((name) => projects[name]?.files ?? []));
    expect(sourceFiles('src').filter((file) => !checked.has(file))).toEqual([]);
    const tests = projects['tsconfig.tests.json'];
    expect(tests?.files.filter((file) => file.startsWith('src/'))).toEqual([]);
    expect(tests?.references.sort()).toEqual([...sides].sort());
  });

  it('writes its declarations and build info only into the cache folder, where neither the build nor the packager looks', () => {
    for (const [name, { options }] of Object.entries(projects)) {
      for (const output of [options.outDir, options.tsBuildInfoFile].filter((path) => path !== undefined)) {
        expect(relative(root, output), name).toMatch(/^node_modules\/\.tsbuild(\/|$)/);
      }
      // A project that writes nothing else is fine; one that would write JavaScript is not.
      expect(options.noEmit || options.emitDeclarationOnly, name).toBe(true);
    }
  });
});

describe('lint: type-aware rules', () => {
  const eslint = new ESLint({ cwd: root });
  const typeAware = ['no-floating-promises', 'no-misused-promises', 'switch-exhaustiveness-check'].map((rule) => `@typescript-eslint/${rule}`);

  // Loading the config imports typescript-eslint, which takes seconds on a busy machine.
  it('apply to every layer, with the project service', { timeout: 60_000 }, async () => {
    for (const file of ['src/main/index.ts', 'src/renderer/src/main.tsx', 'src/shared/contract.ts', 'tests/run-all.ts', 'bench/run.ts']) {
      const config = await eslint.calculateConfigForFile(file);
      expect(config.languageOptions.parserOptions.projectService, file).toBe(true);
      for (const rule of typeAware) expect(config.rules[rule]?.[0], `${rule} in ${file}`).toBe(2);
    }
  });
});
