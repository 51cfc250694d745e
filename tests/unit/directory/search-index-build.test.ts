import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { buildSearchIndex, compareForResults, entryWords, organizationNameMap, searchDirectory } from '@shared/directory-search/index';
import type { DirectoryFilters, DirectorySearchIndex, FacetName, IndexOptions } from '@shared/directory-search/index';
import { indexWords } from '@shared/directory-search/words';
import { CachedTokenizer, TermList } from '@shared/directory-search/tokenizer';
import { benchVocabulary, generateEntries, generateOrganizations } from '../../../bench/directory/generate';

/**
 * The index build is optimised (a hand-written scanner, a hash table of raw words, typed-array postings, the
 * texts of shared fields read once per code). These tests hold it to the plain definition it replaced:
 * `indexWords` (a regex split, each raw word folded with `tokenize`) for every searchable text, via
 * `entryWords`, and each word's documents in result order.
 */

function tokenizerWords(tokenizer: CachedTokenizer, vocabulary: string[], text: string): string[] {
  const out = new TermList();
  tokenizer.read(text, out);
  return [...out.ids.subarray(0, out.length)].map((term) => vocabulary[term]!);
}

function newTokenizer(): { tokenizer: CachedTokenizer; vocabulary: string[] } {
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const tokenizer = new CachedTokenizer((word) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = vocabulary.push(word) - 1;
      ids.set(word, id);
    }
    return id;
  });
  return { tokenizer, vocabulary };
}

// Pieces that stress the scanner: marks alone and combined, Arabic and Persian variants and tatweel, ß,
// dotted İ, a ligature, a symbol that NFKD turns into letters, scripts without spaces, letters and symbols
// outside the Basic Multilingual Plane, lone surrogates, other separators and digits of other scripts.
const pieces = [
  'a',
  'Z',
  'é',
  'e\u0301',
  '\u0301',
  'ß',
  'İ',
  'ﬁ',
  '℃',
  'Ёлка',
  'مُسَاعَدَة',
  'ـ',
  'ة',
  'ی',
  'ک',
  'أمان',
  'ไทย',
  '中文',
  '𝐀',
  '😀',
  '𠀀',
  '\ud800',
  '\udc00',
  '\ud83d',
  ' ',
  '-',
  ',',
  '\u00a0',
  '\u200d',
  '1',
  '٣',
  'Ⅷ',
  "'",
  '+1 (888) 373-7888',
  'Hope',
  'hope',
  'HOPE',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('CachedTokenizer', () => {
  it('gives the words indexWords gives, for any text', () => {
    const { tokenizer, vocabulary } = newTokenizer(); // shared across runs, so later texts hit its cache
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenizerWords(tokenizer, vocabulary, t)).toEqual(indexWords(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a surrogate pair as one character and a lone surrogate as a separator', () => {
    const { tokenizer, vocabulary } = newTokenizer();
    for (const t of ['a\ud800b \udc00c', '𝐀x😀y𠀀', 'end\ud83d', '\udc00\ud800']) expect(tokenizerWords(tokenizer, vocabulary, t)).toEqual(indexWords(t));
    // 𝐀 folds as the A that NFKD makes of it.
    expect(tokenizerWords(tokenizer, vocabulary, 'a\ud800b 𝐀x😀y')).toEqual(['a', 'b', 'ax', 'y']);
  });

  it('keeps telling words apart as its table grows', () => {
    const { tokenizer, vocabulary } = newTokenizer();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(' ');
    expect(tokenizerWords(tokenizer, vocabulary, text)).toEqual(words);
    expect(tokenizerWords(tokenizer, vocabulary, text)).toEqual(words);
    expect(vocabulary).toHaveLength(words.length);
  });
});

/** The index as plainly defined: the words of each entry (entryWords), documents in result order. */
function referenceIndex(entries: readonly DirectoryEntry[], options: IndexOptions): DirectorySearchIndex {
  const organizationNames = organizationNameMap(options.organizations);
  const positions = entries.map((_, position) => position).sort((a, b) => compareForResults(entries[a]!, entries[b]!));
  const all = new Map<string, number[]>();
  const names = new Map<string, number[]>();
  const facetNames: FacetName[] = ['countries', 'services', 'languages', 'populations', 'channels'];
  const facetLists = Object.fromEntries(facetNames.map((facet) => [facet, new Map<string, number[]>()])) as Record<FacetName, Map<string, number[]>>;
  const add = (lists: Map<string, number[]>, words: Iterable<string>, doc: number) => {
    for (const word of new Set(words)) {
      const list = lists.get(word);
      if (list === undefined) lists.set(word, [doc]);
      else list.push(doc);
    }
  };
  positions.forEach((position, doc) => {
    const entry = entries[position]!;
    const words = entryWords(entry, options, organizationNames);
    add(all, words.all, doc);
    add(names, words.name, doc);
    for (const facet of facetNames) add(facetLists[facet], entry[facet], doc);
  });
  const wordIndex = (lists: Map<string, number[]>) => {
    const words = [...lists.keys()].sort((a, b) => (a < b ? -1 : 1));
    const starts = [0];
    for (const word of words) starts.push(starts[starts.length - 1]! + lists.get(word)!.length);
    return { words, starts: Uint32Array.from(starts), postings: Uint32Array.from(words.flatMap((word) => lists.get(word)!)) };
  };
  const facets = Object.fromEntries(
    facetNames.map((facet) => {
      const { words, starts, postings } = wordIndex(facetLists[facet]);
      return [facet, new Map(words.map((value, i) => [value, postings.subarray(starts[i], starts[i + 1])]))];
    }),
  ) as Record<FacetName, Map<string, Uint32Array>>;
  return {
    version: 1,
    size: entries.length,
    positions: Uint32Array.from(positions),
    all: wordIndex(all),
    names: wordIndex(names),
    facets,
    open24x7: Uint32Array.from(positions.flatMap((position, doc) => (entries[position]!.is24x7 === true ? [doc] : []))),
  };
}

function expectSameIndex(built: DirectorySearchIndex, reference: DirectorySearchIndex): void {
  expect(built.size).toBe(reference.size);
  expect([...built.positions]).toEqual([...reference.positions]);
  for (const part of ['all', 'names'] as const) {
    expect(built[part].words).toEqual(reference[part].words);
    expect([...built[part].starts]).toEqual([...reference[part].starts]);
    expect([...built[part].postings]).toEqual([...reference[part].postings]);
  }
  for (const facet of Object.keys(reference.facets) as FacetName[]) {
    const lists = (index: DirectorySearchIndex) => [...index.facets[facet]].map(([value, docs]) => [value, [...docs]]);
    expect(lists(built)).toEqual(lists(reference));
  }
  expect([...built.open24x7]).toEqual([...reference.open24x7]);
}

const organizations = generateOrganizations(60, 3);
// Entries whose texts the generator does not write: marks, scripts without spaces, astral letters, lone
// surrogates, names that fold alike, an empty name, a phone number written with letters.
const oddEntries: DirectoryEntry[] = generateEntries(8, organizations, 4).map((entry, i) => ({
  ...entry,
  name: ['Ÿ𝐀 Hope', 'ÿ𝐀 hope', 'مُسَاعَدَة ـ', 'ไทยภาษา 中文', '', 'Hope\ud800line', 'e\u0301cole', 'école'][i]!,
  alternateName: i % 2 === 0 ? 'Straße ﬁne ℃' : null,
  description: `${entry.description} 😀 Ⅷ İstanbul \udc00 ${i}`,
  phones: [{ number: i === 3 ? '1-866-DHS-2-ICE' : '+1 (888) 373-7888', type: 'voice' as const, description: null, emergencyRoles: [] }],
}));
const entries = [...generateEntries(3_000, organizations, 5), ...oddEntries];

describe('buildSearchIndex', () => {
  it('builds the index of the plain definition, with the default names', () => {
    expectSameIndex(buildSearchIndex(entries, { organizations }), referenceIndex(entries, { organizations }));
  });

  it('builds the index of the plain definition, with names given per code', () => {
    const options: IndexOptions = {
      organizations,
      countryNames: (code) => [`Pays ${code}`, `Länd ${code.toLowerCase()}`],
      languageNames: (code) => (code === 'ar' ? ['العربية', 'Arabe'] : []),
      termNames: (code) => [code.replace('-', ' ')],
    };
    expectSameIndex(buildSearchIndex(entries, options), referenceIndex(entries, options));
  });

  it('orders entries of one name by id, in short and long runs, equal ids as given', () => {
    const named = generateEntries(120, organizations, 6).map((entry, i) => ({
      ...entry,
      name: i % 3 === 0 ? 'Hope Hotline' : i % 3 === 1 ? 'hope hotline' : `Hope ${i % 5}`,
      id: i % 10 === 0 ? 'same-id' : entry.id,
    }));
    expectSameIndex(buildSearchIndex(named, { organizations }), referenceIndex(named, { organizations }));
  });

  it('asks for the names of each code once per build', () => {
    const asked = new Map<string, number>();
    const count = (kind: string) => (code: string) => {
      asked.set(`${kind} ${code}`, (asked.get(`${kind} ${code}`) ?? 0) + 1);
      return [`${kind} ${code}`];
    };
    buildSearchIndex(entries, { countryNames: count('country'), languageNames: count('language'), termNames: count('term') });
    expect(asked.size).toBeGreaterThan(30);
    expect([...asked.values()].every((times) => times === 1)).toBe(true);
  });

  it('finds an entry by a word only its odd texts have', () => {
    const index = buildSearchIndex(entries, { organizations });
    const found = (query: string) => [...searchDirectory(index, query).positions].map((position) => entries[position]!.name).sort();
    expect(found('ecole')).toEqual(['e\u0301cole', 'école']);
    expect(found('ÿ𝐀')).toEqual(['ÿ𝐀 hope', 'Ÿ𝐀 Hope']);
    expect(found('ไทยภาษา')).toEqual(['ไทยภาษา 中文']);
  });
});

/** FNV-1a over numbers and strings, to compare an index or a list of results with a recorded one. */
function fingerprint(values: Iterable<number | string>): number {
  let hash = 0x811c9dc5;
  const mix = (n: number) => {
    hash = Math.imul(hash ^ n, 0x01000193);
  };
  for (const value of values) {
    if (typeof value === 'number') {
      mix(value & 0xffff);
      mix(value >>> 16);
    } else {
      for (let i = 0; i < value.length; i++) mix(value.charCodeAt(i));
      mix(0x10000);
    }
  }
  return hash >>> 0;
}

/** What a person types: prefixes and whole words of the generator's vocabulary, two words, a few filters. */
function queries(): Array<[string, DirectoryFilters]> {
  const { descriptionWords, nameHeads, cities } = benchVocabulary;
  const words = [...descriptionWords.filter((_, i) => i % 7 === 0), ...nameHeads, ...cities.filter((_, i) => i % 3 === 0)];
  const all: Array<[string, DirectoryFilters]> = [
    ['', {}],
    ['', { countries: ['UA', 'FR'] }],
    ['', { open24x7: true, languages: ['ar'] }],
  ];
  words.forEach((word, i) => {
    for (const n of [1, 2, 3]) all.push([[...word].slice(0, n).join(''), {}]);
    all.push([word, i % 4 === 0 ? { services: ['hotline'] } : {}]);
    all.push([`${word} ${[...words[(i * 5 + 3) % words.length]!].slice(0, 2).join('')}`, {}]);
  });
  all.push(['+1 (888) 373', {}], ['380 8', {}], ['12', {}]);
  return all;
}

describe('the optimised build', () => {
  it('gives the index and the results the build before it gave, for a generated directory', () => {
    const generatedOrganizations = generateOrganizations(60, 3);
    // Country names given, not Intl's: those change with ICU versions (Turkey, Türkiye).
    const index = buildSearchIndex(generateEntries(3_000, generatedOrganizations, 5), { organizations: generatedOrganizations, countryNames: (code) => [`Land ${code}`] });
    const facetLists = Object.keys(index.facets)
      .sort()
      .flatMap((facet) => [...index.facets[facet as FacetName]].flatMap(([value, docs]) => [value, ...docs]));
    const { all, names } = index;
    const results = queries().flatMap(([query, filters]) => {
      const found = searchDirectory(index, query, filters);
      return [query, found.total, ...found.positions];
    });
    expect(queries()).toHaveLength(351);
    // Recorded from the build this one replaced (src/shared/directory-search as of commit 5685fc2: a regex
    // tokenizer and an array per posting list). The data comes from fixed seeds; if generate.ts changes,
    // record them again from that build.
    expect(
      fingerprint([...index.positions, ...all.words, ...all.starts, ...all.postings, ...names.words, ...names.starts, ...names.postings, ...facetLists, ...index.open24x7]),
    ).toBe(2309599428);
    expect(fingerprint(results)).toBe(615916989);
  });
});
