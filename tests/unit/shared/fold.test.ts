import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCaseSearchIndex, createNote, searchCases } from '@shared/cases';
import { buildSearchIndex, searchDirectory } from '@shared/directory-search/index';
import { foldText, foldVersion, tokenize } from '@shared/fold';
import { prepareDocument, searchDocuments } from '@shared/legal/search';
import { now, sampleCase } from '../cases/fixtures';
import { directoryEntry } from '../../support/directory';

describe('search folding', () => {
  // What each rule does; a change here is a change of rules, which needs a new foldVersion.
  it.each([
    ['Délai de RÉFLEXION', 'delai de reflexion'],
    ['Łódź', 'lodz'],
    ['Straße STRAẞE', 'strasse strasse'],
    ['Ørsted Æble Œuvre Þing Đakovo Ħamrun İstanbul ılık', 'orsted aeble oeuvre thing dakovo hamrun istanbul ilik'],
    ['ΟΔΟΣ οδός', 'οδοσ οδοσ'],
    ['Ёлка', 'елка'],
    ['ﬁnd ＡＢＣ 𝐀', 'find abc a'],
    ['أمان إنسان آمنة ٱلرحمن', 'امان انسان امنه الرحمن'],
    ['مُسَاعَدَة مدرسة مـــدرسة', 'مساعده مدرسه مدرسه'],
    ['مستشفى یاری کمک', 'مستشفي ياري كمك'],
    ['٤٢ ۴۲ 42', '42 42 42'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldVersion).toBe(1);
    expect(foldText(text)).toBe(folded);
  });

  it('splits words at anything but letters and digits', () => {
    expect(tokenize('22 U.S.C. § 7102 — Art. 3(a)')).toEqual(['22', 'u', 's', 'c', '7102', 'art', '3', 'a']);
    expect(tokenize('Protección de VÍCTIMAS, Ёлка')).toEqual(['proteccion', 'de', 'victimas', 'елка']);
    expect(tokenize('مساعدة، قانونية؛ ٤٢')).toEqual(['مساعده', 'قانونيه', '42']);
    expect(tokenize(' -- ')).toEqual([]);
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc
      .array(fc.constantFrom('Łódź', 'ß', 'ẞ', 'İ', 'ς', 'é', 'e\u0301', '\u0301', 'مَدْرَسَة', 'ـ', 'ٱ', 'ی', '٤', '۲', 'ﬁ', '𝐀', ' ', '-', 'a', 'Z', '7'), { maxLength: 10 })
      .map((parts) => parts.join('')),
  );

  it('is idempotent, and words are folded runs of letters and digits', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
        for (const word of tokenize(text)) {
          expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(foldText(word)).toBe(word);
        }
        expect(tokenize(foldText(text))).toEqual(tokenize(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds plain ASCII as the full rules do', () => {
    // 'é' sends the text down the full path; the fast path for ASCII alone must agree with it.
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), (text) => {
        expect(foldText(`${text}é`)).toBe(`${foldText(text)}e`);
        expect(tokenize(`${text} é`)).toEqual([...tokenize(text), 'e']);
      }),
    );
  });
});

/**
 * The three sections search with the same folding: each holds the same texts, and each query finds the
 * record holding its text in all three or in none.
 */
describe('case, directory and legal search agree', () => {
  const texts = { lodz: 'Shelter in Łódź', strasse: 'Lange Straße 5', school: 'مدرسة الأمل', room: 'غرفة ٤٢', jose: 'José Ørsted', hamza: 'أحمد إبراهيم' };
  type Key = keyof typeof texts;
  const keys = Object.keys(texts) as Key[];

  const cases = keys.map((key) => sampleCase({ id: key, code: 'WP-2026-0001', alias: '', tags: [] }));
  const notes = keys.map((key) => createNote({ id: `note-${key}`, caseId: key, text: texts[key], now }));
  const caseIndex = buildCaseSearchIndex(cases, notes, []);

  // Named "Entry N", so only the text can match.
  const entries = keys.map((key) => directoryEntry({ description: texts[key] }));
  const directoryIndex = buildSearchIndex(entries);

  const documents = keys.map((key) => prepareDocument({ kind: 'provision', id: key, names: [], body: [texts[key]] }));

  const found = (query: string) => ({
    cases: searchCases(caseIndex, query).sort(),
    directory: [...searchDirectory(directoryIndex, query).positions].map((position) => keys[position]!).sort(),
    legal: searchDocuments(documents, query)
      .map((hit) => hit.id)
      .sort(),
  });

  it.each<[string, Key[]]>([
    ['Łódź', ['lodz']],
    ['lodz', ['lodz']],
    ['LODZ', ['lodz']],
    ['łódź', ['lodz']],
    ['Straße', ['strasse']],
    ['strasse', ['strasse']],
    ['STRASSE', ['strasse']],
    ['lange strasse 5', ['strasse']],
    ['مدرسة', ['school']],
    ['مدرسه', ['school']],
    ['مَدْرَسَة', ['school']],
    ['مـدرسة الامل', ['school']],
    ['٤٢', ['room']],
    ['42', ['room']],
    ['۴۲', ['room']],
    ['غرفه 42', ['room']],
    ['jose orsted', ['jose']],
    ['JOSÉ', ['jose']],
    ['احمد', ['hamza']],
    ['ابراهيم', ['hamza']],
    ['أحمد إبراهيم', ['hamza']],
    ['lodz strasse', []],
    ['43', []],
  ])('%j finds %j in every section', (query, expected) => {
    const sorted = [...expected].sort();
    expect(found(query)).toEqual({ cases: sorted, directory: sorted, legal: sorted });
  });
});
