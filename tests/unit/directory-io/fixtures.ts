import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDirectory } from '@shared/hsds/parse';
import type { Directory } from '@shared/hsds/directory';

const fixtures = resolve(import.meta.dirname, '../../fixtures/hsds');

/** The spec's JSON examples: file name -> text. */
export function specJsonExamples(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(fixtures)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, readFileSync(resolve(fixtures, name), 'utf8')]),
  );
}

/** The spec's Tabular Data Package: file name -> text. */
export function specCsvPackage(): Record<string, string> {
  const folder = resolve(fixtures, 'csv');
  return Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(resolve(folder, name), 'utf8')]));
}

export function shippedDirectoryText(): string {
  return readFileSync(resolve(import.meta.dirname, '../../../resources/directory/directory.json'), 'utf8');
}

export function shippedDirectory(): Directory {
  return parseDirectory(JSON.parse(shippedDirectoryText()));
}
