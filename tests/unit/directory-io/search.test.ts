import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { buildSearchIndex, compareForResults, entryWords, organizationNameMap, searchDirectory } from '@shared/directory-search/index';
import type { DirectoryFilters } from '@shared/directory-search/index';
import { parseQuery } from '@shared/directory-search/words';
import { generateEntries, generateOrganizations } from '../../../bench/directory/generate';
import { directoryEntry as entry } from '../../support/directory';
import { shippedDirectory } from './fixtures';

function names(entries: DirectoryEntry[], query: string, filters?: DirectoryFilters): string[] {
  const index = buildSearchIndex(entries);
  return [...searchDirectory(index, query, filters).positions].map((p) => entries[p]!.name);
}

describe('query words', () => {
  it('reads a query of digit groups as one phone number, in Latin or Arabic-Indic digits', () => {
    expect(parseQuery('+1 (888) 373-7888')).toEqual({ words: ['18883737888'] });
    expect(parseQuery('٠٢٠ ٧٩٤٦-٠٩٥٨')).toEqual({ words: ['02079460958'] });
    expect(parseQuery('116')).toEqual({ words: ['116'] });
  });
});

describe('directory search', () => {
  const entries = [
    entry({
      name: 'Hotline Ukraine',
      description: 'Trafficking support line',
      countries: ['UA'],
      services: ['hotline'],
      languages: ['uk', 'ru'],
      is24x7: true,
      channels: ['phone'],
      phones: [{ number: '+380 800 505 501', type: 'voice', description: null, emergencyRoles: [] }],
    }),
    entry({
      name: 'Refuge des Femmes',
      description: 'Hébergement sécurisé pour victimes de traite',
      countries: ['FR'],
      services: ['shelter'],
      populations: ['women'],
      languages: ['fr'],
      channels: ['email'],
    }),
    entry({
      name: 'خط المساعدة',
      description: 'حماية ضحايا الاتجار بالبشر',
      countries: ['JO'],
      services: ['hotline', 'legal-aid'],
      languages: ['ar'],
      is24x7: false,
      channels: ['chat'],
    }),
    entry({ name: 'Горячая линия', description: 'Помощь жертвам торговли людьми', countries: ['RU', 'UA'], services: ['hotline'], languages: ['ru'], verified: true }),
    entry({
      name: 'Legal Aid Madrid',
      description: 'Asistencia jurídica gratuita',
      countries: ['ES'],
      services: ['legal-aid'],
      populations: ['migrant-workers'],
      languages: ['es'],
    }),
  ];

  it('matches a prefix of the last word, and every word', () => {
    expect(names(entries, 'traff')).toEqual(['Hotline Ukraine']);
    expect(names(entries, 'support li')).toEqual(['Hotline Ukraine']);
    expect(names(entries, 'support madrid')).toEqual([]);
    expect(names(entries, 'suppo line')).toEqual([]); // only the last word is a prefix
  });

  it('folds diacritics and case in the query and the data', () => {
    expect(names(entries, 'HEBERGEMENT')).toEqual(['Refuge des Femmes']);
    expect(names(entries, 'jurídica')).toEqual(['Legal Aid Madrid']);
    expect(names(entries, 'juridica')).toEqual(['Legal Aid Madrid']);
  });

  it('finds Arabic and Cyrillic text, with or without marks', () => {
    expect(names(entries, 'المسا')).toEqual(['خط المساعدة']);
    expect(names(entries, 'حِمَايَة')).toEqual(['خط المساعدة']);
    expect(names(entries, 'помощь жерт')).toEqual(['Горячая линия']);
  });

  it('finds entries by country and language names and codes, service labels and phone numbers', () => {
    expect(names(entries, 'ukrain')).toEqual(['Hotline Ukraine', 'Горячая линия']); // name match first, then the UA country name
    expect(names(entries, 'spain')).toEqual(['Legal Aid Madrid']);
    expect(names(entries, 'russian')).toEqual(['Горячая линия', 'Hotline Ukraine']);
    expect(names(entries, 'shelter')).toEqual(['Refuge des Femmes']);
    expect(names(entries, '0800 505')).toEqual([]);
    expect(names(entries, '380 800 50')).toEqual(['Hotline Ukraine']);
    expect(names(entries, '505')).toEqual(['Hotline Ukraine']);
  });

  it('finds entries by their organization name', () => {
    const [org] = generateOrganizations(1);
    const withOrg = [entry({ name: 'Line', organizationId: org!.id }), entry({ name: 'Other' })];
    const index = buildSearchIndex(withOrg, { organizations: [{ ...org!, name: 'Zephyr Foundation' }] });
    expect([...searchDirectory(index, 'zephyr').positions]).toEqual([0]);
  });

  it('applies each filter, OR within a filter and AND across filters', () => {
    expect(names(entries, '', { countries: ['UA'] })).toEqual(['Горячая линия', 'Hotline Ukraine']);
    expect(names(entries, '', { countries: ['FR', 'ES'] })).toEqual(['Legal Aid Madrid', 'Refuge des Femmes']);
    expect(names(entries, '', { services: ['legal-aid'] })).toEqual(['Legal Aid Madrid', 'خط المساعدة']);
    expect(names(entries, '', { languages: ['ru'], countries: ['UA'] })).toEqual(['Горячая линия', 'Hotline Ukraine']);
    expect(names(entries, '', { populations: ['women'] })).toEqual(['Refuge des Femmes']);
    expect(names(entries, '', { open24x7: true })).toEqual(['Hotline Ukraine']);
    expect(names(entries, '', { channels: ['chat', 'email'] })).toEqual(['Refuge des Femmes', 'خط المساعدة']);
    expect(names(entries, 'hotline', { countries: ['JO'] })).toEqual(['خط المساعدة']);
    expect(names(entries, '', { countries: ['XX'] })).toEqual([]);
  });

  it('ranks name matches with the exact word first, then name matches, then exact words, then the rest; verified first, then by name', () => {
    const ranked = [
      entry({ name: 'Zeta shelters', description: 'x' }),
      entry({ name: 'Alpha', description: 'a shelter' }),
      entry({ name: 'Beta', description: 'shelters for women' }),
      entry({ name: 'Omega Shelter' }),
      entry({ name: 'Delta Shelter', verified: true }),
      entry({ name: 'Gamma', description: 'shelter', verified: true }),
    ];
    expect(names(ranked, 'shelter')).toEqual(['Delta Shelter', 'Omega Shelter', 'Zeta shelters', 'Gamma', 'Alpha', 'Beta']);
  });

  it('returns everything, verified first and then by name, for an empty query', () => {
    const { entries: shipped } = shippedDirectory();
    const index = buildSearchIndex(shipped);
    const result = searchDirectory(index, '   ');
    expect(result.total).toBe(shipped.length);
    expect([...result.positions].map((p) => shipped[p]!)).toEqual([...shipped].sort(compareForResults));
  });
});

type Words = ReturnType<typeof entryWords>;

/**
 * The reference: every entry's words in a Set (`wordsOf`, made once per entry, not once per query: it cost most
 * of the property's time), checked one by one, sorted by the documented ranking.
 */
function naiveSearch(entries: DirectoryEntry[], wordsOf: ReadonlyMap<DirectoryEntry, Words>, query: string, filters: DirectoryFilters): string[] {
  const { words } = parseQuery(query);
  const last = words[words.length - 1];
  const matches = (set: Set<string>) => words.every((w, i) => (i === words.length - 1 ? [...set].some((t) => t.startsWith(w)) : set.has(w)));
  const anyOf = <T>(want: readonly T[] | undefined, have: readonly T[]) => want === undefined || want.length === 0 || want.some((v) => have.includes(v));
  return entries
    .map((e) => ({ e, words: wordsOf.get(e)! }))
    .filter(
      ({ e, words: w }) =>
        matches(w.all) &&
        anyOf(filters.countries, e.countries) &&
        anyOf(filters.services, e.services) &&
        anyOf(filters.languages, e.languages) &&
        anyOf(filters.populations, e.populations) &&
        anyOf(filters.channels, e.channels) &&
        (filters.open24x7 !== true || e.is24x7 === true),
    )
    .map(({ e, words: w }) => ({ e, tier: last === undefined ? 0 : (matches(w.name) ? 0 : 2) + (w.all.has(last) ? 0 : 1) }))
    .sort((a, b) => a.tier - b.tier || compareForResults(a.e, b.e))
    .map(({ e }) => e.id);
}

describe('search equals a naive reference', () => {
  const organizations = generateOrganizations(20);
  const sample = generateEntries(400, organizations, 5);
  const index = buildSearchIndex(sample, { organizations });
  const orgNames = organizationNameMap(organizations);
  const wordsOf = new Map(sample.map((e) => [e, entryWords(e, {}, orgNames)]));
  const vocabulary = [...new Set([...wordsOf.values()].flatMap((words) => [...words.all]))];

  const query = fc.oneof(
    fc.array(fc.constantFrom(...vocabulary), { maxLength: 3 }).chain((words) =>
      fc.nat({ max: 6 }).map((cut) => {
        const text = words.join(' ');
        return cut === 0 ? text : text.slice(0, Math.max(0, text.length - cut));
      }),
    ),
    fc.string({ maxLength: 6 }),
  );
  const filters: fc.Arbitrary<DirectoryFilters> = fc.record(
    {
      countries: fc.subarray(['UA', 'FR', 'DE', 'JO', 'US', 'XX']),
      services: fc.subarray(['hotline', 'shelter', 'legal-aid'] as const),
      languages: fc.subarray(['en', 'ar', 'ru']),
      open24x7: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it('on random queries and filters', () => {
    fc.assert(
      fc.property(query, filters, (q, f) => {
        const result = searchDirectory(index, q, f);
        expect([...result.positions].map((p) => sample[p]!.id)).toEqual(naiveSearch(sample, wordsOf, q, f));
        expect(result.total).toBe(result.positions.length);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
