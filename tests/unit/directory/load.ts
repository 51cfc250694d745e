import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HsdsDirectory } from '@shared/hsds/types';

const directoryFolder = resolve(import.meta.dirname, '../../../resources/directory');

export function loadBundledHsds(): HsdsDirectory {
  return JSON.parse(readFileSync(resolve(directoryFolder, 'directory.json'), 'utf8')) as HsdsDirectory;
}

export function loadHsdsSchemas(): Record<string, Record<string, unknown>> {
  const folder = resolve(directoryFolder, 'hsds-schema');
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, JSON.parse(readFileSync(resolve(folder, name), 'utf8')) as Record<string, unknown>]),
  );
}
