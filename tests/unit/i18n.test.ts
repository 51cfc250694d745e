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

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * A plural text is a family of keys `<base>_<category>`. Each language must have exactly the
 * categories its Intl.PluralRules knows (Arabic six, English two), so i18next never falls back to
 * showing a key. Returns the plain keys and the plural bases with their categories.
 */
function splitPlurals(keys: Iterable<string>): { plain: string[]; plural: Map<string, string[]> } {
  const plain: string[] = [];
  const plural = new Map<string, string[]>();
  for (const key of keys) {
    const match = pluralSuffix.exec(key);
    if (!match) plain.push(key);
    else plural.set(key.slice(0, match.index), [...(plural.get(key.slice(0, match.index)) ?? []), match[1]!]);
  }
  return { plain: plain.sort(), plural };
}

const categoriesOf = (language: string) => [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();

describe.each(localeFolders)('translations of %s', (_namespace, folder) => {
  const english = new Map(leaves(load(folder, 'en')));
  const englishKeys = splitPlurals(english.keys());

  it.each(languages)('%s has every English key, no other, its own plural forms and the same placeholders', (language) => {
    const other = new Map(leaves(load(folder, language)));
    const otherKeys = splitPlurals(other.keys());
    expect(otherKeys.plain).toEqual(englishKeys.plain);
    expect([...otherKeys.plural.keys()].sort()).toEqual([...englishKeys.plural.keys()].sort());
    for (const [base, categories] of otherKeys.plural) expect(categories.sort(), base).toEqual(categoriesOf(language));
    for (const key of englishKeys.plain) expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(english.get(key)!));
    // A plural form may spell the number out ("one case"), so it may leave {{count}} out, but it may
    // not ask for a value the English text does not pass.
    for (const base of englishKeys.plural.keys()) {
      const allowed = new Set(placeholders(english.get(`${base}_other`) ?? ''));
      for (const category of categoriesOf(language)) {
        for (const name of placeholders(other.get(`${base}_${category}`) ?? '')) expect(allowed.has(name), `${base}_${category}: {{${name}}}`).toBe(true);
      }
    }
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
