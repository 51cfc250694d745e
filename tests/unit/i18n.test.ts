import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@shared/errors';
import { languages } from '@shared/languages';

const renderer = resolve(import.meta.dirname, '../../src/renderer/src');

/** Every locale folder: the shared one and each feature's own (its i18next namespace). */
const localeFolders: Array<[string, string]> = [
  ['translation', join(renderer, 'i18n/locales')],
  ...readdirSync(join(renderer, 'features'))
    .map((feature): [string, string] => [feature, join(renderer, 'features', feature, 'locales')])
    .filter(([, folder]) => existsSync(folder)),
];

function load(folder: string, language: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8')) as Record<string, unknown>;
}

/** Every leaf as [dotted key, text]; arrays count as one leaf with their length, so lists stay parallel. */
function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (Array.isArray(value)) return [[`${prefix}[${value.length}]`, value.join('\n')]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, String(value)]];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe.each(localeFolders)('translations of %s', (_namespace, folder) => {
  const english = new Map(leaves(load(folder, 'en')));

  it.each(languages.filter((language) => language !== 'en'))('%s has every English key, no other, and the same placeholders', (language) => {
    const other = new Map(leaves(load(folder, language)));
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
    for (const [key, text] of other) expect(text.trim(), key).not.toBe('');
  });
});

describe('error messages', () => {
  it('every error code the bridge can return has a message in every language', () => {
    for (const language of languages) {
      const errors = load(join(renderer, 'i18n/locales'), language)['errors'] as Record<string, string>;
      for (const code of errorCodes) expect(errors[code], `${language}: ${code}`).toBeTruthy();
    }
  });
});
