import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** Every TypeScript source file under `folder`, as a path from the repository root. */
function sources(folder: string): string[] {
  return readdirSync(resolve(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts'))
    .map((path) => relative(root, resolve(root, folder, path)));
}

const component = /^[A-Z][A-Za-z0-9]*\.tsx$/;
const kebabModule = /^[a-z0-9]+(-[a-z0-9]+)*\.ts$/;
// The renderer's entry point, named as Vite's templates name it.
const entryPoints = new Set(['src/renderer/src/main.tsx']);

describe('file names (docs/architecture.md, "Feature skeleton")', () => {
  it('are PascalCase.tsx for a component and kebab-case.ts for every other module, on every side', () => {
    const misnamed = sources('src').filter((path) => {
      const name = path.split('/').at(-1)!;
      return !entryPoints.has(path) && !component.test(name) && !kebabModule.test(name);
    });
    expect(misnamed).toEqual([]);
  });
});
