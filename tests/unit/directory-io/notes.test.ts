import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishNoteTexts, importNoteCodes, importNoteValues, noteMessage } from '@shared/hsds/import-notes';
import { languages } from '@shared/languages';

const locales = resolve(import.meta.dirname, '../../../src/renderer/src/features/directory/locales');
const notesIn = (language: string) =>
  (JSON.parse(readFileSync(resolve(locales, `${language}.json`), 'utf8')) as { import: { notImported: Record<string, string> } }).import.notImported;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!);
const categories = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories;

describe('import note texts', () => {
  it('the English texts for logs are the ones the interface shows', () => {
    expect(notesIn('en')).toEqual(englishNoteTexts);
  });

  it.each(languages)('%s has a text for every code, in every plural form of a counted note, naming only its values', (language) => {
    const texts = notesIn(language);
    for (const code of importNoteCodes) {
      const values: readonly string[] = importNoteValues[code];
      const keys = values.includes('count') ? categories(language).map((category) => `${code}_${category}`) : [code];
      for (const key of keys) {
        expect(texts[key], `${language}: ${key}`).toBeTruthy();
        for (const name of placeholders(texts[key]!)) expect(values, `${language}: ${key}`).toContain(name);
      }
      // The form for other numbers names every value; the count too, unless the other values show it (a list of files).
      const other = values.includes('count') ? `${code}_other` : code;
      const shown = values.length === 1 ? values : values.filter((name) => name !== 'count');
      for (const name of shown) expect(placeholders(texts[other]!), `${language}: ${other}`).toContain(name);
    }
  });

  it('fills in the values in English, in the form for the count', () => {
    expect(noteMessage({ code: 'inactiveServices', values: { count: 1 } })).toBe('Not imported: 1 service marked inactive or defunct.');
    expect(noteMessage({ code: 'inactiveServices', values: { count: 3 } })).toBe('Not imported: 3 services marked inactive or defunct.');
    expect(noteMessage({ code: 'unreadTables', values: { files: 'a.csv, b.csv', count: 2 } })).toBe('Not imported: a.csv, b.csv, tables Waypoint does not keep.');
    expect(noteMessage({ code: 'noDescriptor' })).toBe('There is no datapackage.json: the tables were recognised by their file names.');
  });
});
