import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchDirectory } from '@shared/directory-search';
import type { DirectoryFilters, DirectorySearchIndex } from '@shared/directory-search';
import { directoryStamp, encodePrebuiltIndex, mergeOwnEntries, readPrebuiltIndex, withNames } from '@shared/directory-search/prebuilt';
import type { DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { parseDirectory } from '@shared/hsds/parse';
import { indexOptions } from '@shared/directory-search/options';
import { generateEntries, generateOrganizations } from '../../../bench/directory/generate';
import { loadBundledHsds } from './load';

const shipped = parseDirectory(loadBundledHsds());
const termLabels = { shelter: 'Refugio', hotline: 'Línea', 'legal-aid': 'Asistencia jurídica' };

/** Own entries as the app holds them: ids of their own, some with the very names of shipped entries. */
function ownEntries(count: number, organizations: readonly DirectoryOrganization[], namesFrom: readonly DirectoryEntry[]): DirectoryEntry[] {
  return generateEntries(count, organizations, 5).map((entry, i) => ({
    ...entry,
    id: `own-${i}`,
    name: i % 4 === 0 ? namesFrom[(i * 7) % namesFrom.length]!.name : entry.name,
  }));
}

const queries = ['', 'a', 'tr', 'traff', 'hotline', 'línea', 'refugio', 'ecpat', 'espa', 'nigeria lag', '116', '+1 888', 'shelter help', 'مساعدة', 'zz'];
const filters: DirectoryFilters[] = [{}, { countries: ['NG', 'GB', 'US'] }, { services: ['shelter'] }, { languages: ['en', 'fr'], open24x7: true }, { populations: ['children'] }];

/** Every query under every filter, as the search page asks: the total and every position, in order (as text: quick to compare). */
function results(index: DirectorySearchIndex): string[] {
  return queries.flatMap((query) =>
    filters.map((filter) => {
      const { total, positions } = searchDirectory(index, query, filter);
      return `${query} ${JSON.stringify(filter)}: ${total}: ${positions.join(',')}`;
    }),
  );
}

/** Typed arrays compared as bytes: toEqual walks millions of elements one by one. */
function sameArray(a: Uint32Array, b: Uint32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Built ahead of time, then read and given the names of codes in the interface language, as the worker does. */
function prebuiltRead(entries: readonly DirectoryEntry[], organizations: readonly DirectoryOrganization[], options: ReturnType<typeof indexOptions>, data: string) {
  const read = readPrebuiltIndex(encodePrebuiltIndex(entries, organizations, data), data);
  if (!read.ok) throw new Error(read.reason);
  return withNames(read.prebuilt, options);
}

describe('the prebuilt directory index', () => {
  it('round-trips the shipped directory and, given the names of one interface language, is the index a build at start makes in it', () => {
    const data = directoryStamp(shipped);
    for (const language of ['en', 'es', 'fr', 'ar']) {
      const options = indexOptions({ organizations: shipped.organizations, language, termLabels });
      const { index, keyAt } = prebuiltRead(shipped.entries, shipped.organizations, options, data);
      expect(index).toEqual(buildSearchIndex(shipped.entries, options));
      expect([...index.positions].map((_position, doc) => keyAt(doc))).toEqual(
        [...index.positions].map((position) => {
          const { name, id, verified } = shipped.entries[position]!;
          return { name, id, verified };
        }),
      );
    }
  }, 30_000);

  it('with own entries merged in, gives the index and results of a build of the shipped and own entries together (shipped data)', () => {
    const organizations = [...shipped.organizations, ...generateOrganizations(5, 3)];
    const options = indexOptions({ organizations, language: 'es', termLabels });
    const own = ownEntries(60, organizations, shipped.entries);
    const merged = mergeOwnEntries(prebuiltRead(shipped.entries, shipped.organizations, options, 'shipped'), own, options);
    const built = buildSearchIndex([...shipped.entries, ...own], options);
    expect(merged).toEqual(built);
    expect(results(merged)).toEqual(results(built));
    // No own entries: the prebuilt index itself.
    expect(results(mergeOwnEntries(prebuiltRead(shipped.entries, shipped.organizations, options, 'shipped'), [], options))).toEqual(
      results(buildSearchIndex(shipped.entries, options)),
    );
  });

  it('gives the same results as a build at start on 50,000 synthetic services with 300 own entries', () => {
    const organizations = generateOrganizations(2_000);
    const entries = generateEntries(50_000, organizations);
    const options = indexOptions({ organizations, language: 'fr', termLabels });
    const own = ownEntries(300, organizations, entries);
    const merged = mergeOwnEntries(prebuiltRead(entries, organizations, options, 'synthetic'), own, options);
    const built = buildSearchIndex([...entries, ...own], options);
    expect(results(merged)).toEqual(results(built));
    expect(merged.all.words.join('\n') === built.all.words.join('\n')).toBe(true);
    for (const part of ['all', 'names'] as const) {
      expect(sameArray(merged[part].starts, built[part].starts)).toBe(true);
      expect(sameArray(merged[part].postings, built[part].postings)).toBe(true);
    }
    expect(sameArray(merged.positions, built.positions)).toBe(true);
  }, 60_000);

  it('is refused, with the reason, when built for other data, folding or layout, or when it is not one', () => {
    const buffer = encodePrebuiltIndex(shipped.entries, shipped.organizations, 'data 1');
    expect(readPrebuiltIndex(buffer, 'data 1')).toMatchObject({ ok: true });
    expect(readPrebuiltIndex(buffer, 'data 2')).toEqual({ ok: false, reason: 'built for the directory "data 1", not "data 2"' });
    // The header as another build (other folding, another layout) would have written it.
    const edited = (from: string, to: string) => {
      const copy = buffer.slice(0);
      const units = new Uint16Array(copy, 8, new DataView(copy).getUint32(4, true));
      const header = String.fromCharCode(...units).replace(from, to);
      for (let i = 0; i < units.length; i++) units[i] = header.charCodeAt(i);
      return copy;
    };
    expect(readPrebuiltIndex(edited('"tokens":"', '"tokens":"0'), 'data 1')).toEqual({ ok: false, reason: 'built with other folding or tokenising' });
    expect(readPrebuiltIndex(edited('"format":1', '"format":9'), 'data 1')).toEqual({ ok: false, reason: 'layout 9, not 1' });
    expect(readPrebuiltIndex(new ArrayBuffer(64), 'data 1')).toEqual({ ok: false, reason: 'not a prebuilt index' });
    expect(readPrebuiltIndex(buffer.slice(0, buffer.byteLength / 2), 'data 1')).toMatchObject({ ok: false, reason: expect.stringMatching(/out of bounds/) });
  });
});
