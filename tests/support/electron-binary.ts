import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The installed Electron binary, found without triggering its download: the electron package writes
 * path.txt only once the binary is in place under dist/. Null where it could not be downloaded.
 */
export function electronBinary(root = resolve(import.meta.dirname, '../..')): string | null {
  const packageFolder = join(root, 'node_modules', 'electron');
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
