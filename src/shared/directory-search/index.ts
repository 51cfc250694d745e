import type { DirectoryEntry, DirectoryOrganization } from '../hsds/directory';
import { languageName } from '../hsds/languages';
import { waypointTaxonomyTerms } from '../hsds/taxonomy';
import type { ContactChannel, Population, ServiceType } from '../hsds/taxonomy';
import { cachedTokenizer, foldText, parseQuery, phoneDigits } from './normalize';

/**
 * Search over the flat directory entries: one box, every word must match (the last as a prefix), plus
 * facet filters. Measured on 50,000 services (bench/directory): MiniSearch and FlexSearch were too slow to
 * build, so this is a purpose-built token index:
 *  - a sorted word list with posting lists in one Uint32Array; a prefix is a contiguous range of the list;
 *  - documents are numbered in result order (verified first, then by name), so a match set kept as a bitset
 *    comes out already ranked within each tier and nothing is sorted per keystroke;
 *  - facet values map to sorted document lists.
 * The index is plain data (arrays, typed arrays, Maps): it can be built in a Web Worker and posted back, or
 * built ahead of time.
 */

interface WordIndex {
  /** Folded words, sorted by code unit. */
  words: string[];
  /** Documents of words[i] are postings[starts[i] .. starts[i + 1]), ascending. */
  starts: Uint32Array;
  postings: Uint32Array;
}

export type FacetName = 'countries' | 'services' | 'languages' | 'populations' | 'channels';

export interface DirectorySearchIndex {
  version: 1;
  size: number;
  /** Document -> position of the entry in the list the index was built from. */
  positions: Uint32Array;
  /** Every searchable field. */
  all: WordIndex;
  /** Name and alternate name only, for ranking. */
  names: WordIndex;
  facets: Record<FacetName, Map<string, Uint32Array>>;
  open24x7: Uint32Array;
}

export interface DirectoryFilters {
  /** Each filter keeps entries with any of the values given; filters combine with AND. */
  countries?: readonly string[];
  services?: readonly ServiceType[];
  languages?: readonly string[];
  populations?: readonly Population[];
  channels?: readonly ContactChannel[];
  /** true: only services known to be open 24/7. */
  open24x7?: boolean;
}

export interface SearchResult {
  total: number;
  /** Positions in the entries the index was built from, best first. */
  positions: Uint32Array;
}

export interface IndexOptions {
  /** Organizations, so an entry is found by its organization's name. */
  organizations?: readonly DirectoryOrganization[];
  /** Names of a country code to index besides the code; defaults to the English name. */
  countryNames?: (code: string) => readonly string[];
  /** Names of a language code besides the code; defaults to the English name. */
  languageNames?: (code: string) => readonly string[];
  /** Labels of a service type or population code; defaults to the English term name. */
  termNames?: (code: string) => readonly string[];
}

let englishRegions: Intl.DisplayNames | undefined;
const countryNameCache = new Map<string, readonly string[]>();

function englishCountryName(code: string): readonly string[] {
  let names = countryNameCache.get(code);
  if (names === undefined) {
    englishRegions ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const name = /^[A-Z]{2}$/.test(code) ? englishRegions.of(code) : undefined;
    names = name === undefined ? [] : [name];
    countryNameCache.set(code, names);
  }
  return names;
}

let termNamesByCode: Map<string, string> | undefined;

function englishTermName(code: string): readonly string[] {
  termNamesByCode ??= new Map(waypointTaxonomyTerms().map((t) => [t.code, t.name]));
  const name = termNamesByCode.get(code);
  return name === undefined ? [] : [name];
}

export type FieldKind = 'name' | 'other' | 'phone';

interface Labels {
  country: (code: string) => readonly string[];
  language: (code: string) => readonly string[];
  term: (code: string) => readonly string[];
}

function labelsOf(options: IndexOptions): Labels {
  return {
    country: options.countryNames ?? englishCountryName,
    language: options.languageNames ?? ((code: string) => [languageName(code)]),
    term: options.termNames ?? englishTermName,
  };
}

/** Every text of an entry the search box looks at; the one definition of what is searchable. */
function visitFields(entry: DirectoryEntry, labels: Labels, organizationNames: ReadonlyMap<string, string>, visit: (text: string, kind: FieldKind) => void): void {
  visit(entry.name, 'name');
  if (entry.alternateName !== null) visit(entry.alternateName, 'name');
  visit(entry.description, 'other');
  const organization = entry.organizationId === null ? undefined : organizationNames.get(entry.organizationId);
  if (organization !== undefined) visit(organization, 'other');
  for (const code of entry.countries) {
    visit(code, 'other');
    for (const name of labels.country(code)) visit(name, 'other');
  }
  for (const code of entry.languages) {
    visit(code, 'other');
    for (const name of labels.language(code)) visit(name, 'other');
  }
  for (const code of entry.services) for (const name of labels.term(code)) visit(name, 'other');
  for (const code of entry.populations) for (const name of labels.term(code)) visit(name, 'other');
  for (const phone of entry.phones) {
    visit(phone.number, 'phone');
    if (phone.description !== null) visit(phone.description, 'other');
  }
}

/** The searchable texts of an entry (for a naive scan to compare with). */
export function searchableTexts(entry: DirectoryEntry, options: IndexOptions, organizationNames: ReadonlyMap<string, string>): string[] {
  const texts: string[] = [];
  visitFields(entry, labelsOf(options), organizationNames, (text) => texts.push(text));
  return texts;
}

type Tokenizer = ReturnType<typeof cachedTokenizer>;

/** Calls `visit` with every folded word an entry can be found by; `inName` for words of its name. */
function visitWords(entry: DirectoryEntry, labels: Labels, organizationNames: ReadonlyMap<string, string>, tokens: Tokenizer, visit: (word: string, inName: boolean) => void): void {
  const inName = (word: string) => visit(word, true);
  const other = (word: string) => visit(word, false);
  visitFields(entry, labels, organizationNames, (text, kind) => {
    tokens(text, kind === 'name' ? inName : other);
    if (kind === 'phone') {
      const digits = phoneDigits(text);
      if (digits !== undefined) visit(digits, false);
    }
  });
}

/** Every folded word an entry can be found by (all fields), and those of its name. */
export function entryWords(entry: DirectoryEntry, options: IndexOptions, organizationNames: ReadonlyMap<string, string>): { all: Set<string>; name: Set<string> } {
  const all = new Set<string>();
  const name = new Set<string>();
  visitWords(entry, labelsOf(options), organizationNames, cachedTokenizer(), (word, inName) => {
    all.add(word);
    if (inName) name.add(word);
  });
  return { all, name };
}

export function organizationNameMap(organizations: readonly DirectoryOrganization[] = []): Map<string, string> {
  return new Map(organizations.map((o) => [o.id, `${o.name} ${o.alternateName ?? ''}`]));
}

/** Result order within a tier: verified first, then by folded name, name and id (code unit order, no locale). */
export function compareForResults(a: DirectoryEntry, b: DirectoryEntry): number {
  if (a.verified !== b.verified) return a.verified ? -1 : 1;
  const fa = foldText(a.name);
  const fb = foldText(b.name);
  if (fa !== fb) return fa < fb ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Posting lists under construction; documents arrive in order, so each list stays sorted. */
class PostingLists {
  private readonly idOf = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly lists: number[][] = [];
  private readonly lastDoc: number[] = [];

  add(word: string, doc: number): void {
    let id = this.idOf.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.idOf.set(word, id);
      this.words.push(word);
      this.lists.push([]);
      this.lastDoc.push(-1);
    }
    if (this.lastDoc[id] !== doc) {
      this.lastDoc[id] = doc;
      this.lists[id]!.push(doc);
    }
  }

  finish(): WordIndex {
    const order = this.words.map((_, id) => id).sort((a, b) => (this.words[a]! < this.words[b]! ? -1 : 1));
    const starts = new Uint32Array(order.length + 1);
    let total = 0;
    order.forEach((id, i) => {
      starts[i] = total;
      total += this.lists[id]!.length;
    });
    starts[order.length] = total;
    const postings = new Uint32Array(total);
    order.forEach((id, i) => postings.set(this.lists[id]!, starts[i]));
    return { words: order.map((id) => this.words[id]!), starts, postings };
  }
}

export function buildSearchIndex(entries: readonly DirectoryEntry[], options: IndexOptions = {}): DirectorySearchIndex {
  const organizationNames = organizationNameMap(options.organizations);
  // Sort keys are computed once: folding inside the comparator would redo it n log n times.
  const keyed = entries.map((entry, position) => ({ entry, position, folded: foldText(entry.name) }));
  keyed.sort((a, b) => {
    if (a.entry.verified !== b.entry.verified) return a.entry.verified ? -1 : 1;
    if (a.folded !== b.folded) return a.folded < b.folded ? -1 : 1;
    return compareForResults(a.entry, b.entry);
  });

  const all = new PostingLists();
  const names = new PostingLists();
  const facetLists: Record<FacetName, PostingLists> = {
    countries: new PostingLists(), services: new PostingLists(), languages: new PostingLists(), populations: new PostingLists(), channels: new PostingLists(),
  };
  const facetNames = Object.keys(facetLists) as FacetName[];
  const open24x7: number[] = [];
  const positions = new Uint32Array(keyed.length);
  const tokens = cachedTokenizer();
  const labels = labelsOf(options);
  keyed.forEach(({ entry, position }, doc) => {
    positions[doc] = position;
    visitWords(entry, labels, organizationNames, tokens, (word, inName) => {
      all.add(word, doc);
      if (inName) names.add(word, doc);
    });
    for (const facet of facetNames) for (const value of entry[facet]) facetLists[facet].add(value, doc);
    if (entry.is24x7 === true) open24x7.push(doc);
  });

  const facets = {} as Record<FacetName, Map<string, Uint32Array>>;
  for (const facet of facetNames) {
    const { words, starts, postings } = facetLists[facet].finish();
    facets[facet] = new Map(words.map((value, i) => [value, postings.subarray(starts[i], starts[i + 1])]));
  }
  return { version: 1, size: keyed.length, positions, all: all.finish(), names: names.finish(), facets, open24x7: Uint32Array.from(open24x7) };
}

// ---------------------------------------------------------------------------------------------------------
// Query

/** First index in the sorted words not less than `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range of words that start with `prefix`: every such word sorts before prefix + U+FFFF. */
function prefixRange(words: readonly string[], prefix: string): [number, number] {
  return [lowerBound(words, prefix), lowerBound(words, `${prefix}\uffff`)];
}

function exactRange(words: readonly string[], word: string): [number, number] {
  const at = lowerBound(words, word);
  return words[at] === word ? [at, at + 1] : [at, at];
}

function bitsOfRange(index: WordIndex, [from, to]: [number, number], wordsInSet: number): Uint32Array {
  const bits = new Uint32Array(wordsInSet);
  const { postings } = index;
  for (let p = index.starts[from]!, end = index.starts[to]!; p < end; p++) {
    const doc = postings[p]!;
    bits[doc >>> 5]! |= 1 << (doc & 31);
  }
  return bits;
}

function bitsOfDocs(docs: Uint32Array, wordsInSet: number, into = new Uint32Array(wordsInSet)): Uint32Array {
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    into[doc >>> 5]! |= 1 << (doc & 31);
  }
  return into;
}

function allBits(size: number): Uint32Array {
  const bits = new Uint32Array((size + 31) >>> 5).fill(0xffffffff);
  if (size & 31) bits[bits.length - 1] = (1 << (size & 31)) - 1;
  return bits;
}

function andInto(target: Uint32Array, other: Uint32Array): void {
  for (let i = 0; i < target.length; i++) target[i]! &= other[i]!;
}

/** Documents matching every word, the last as a prefix; in `index` (all fields or names). */
function matchWords(index: WordIndex, words: readonly string[], size: number): Uint32Array {
  const wordsInSet = (size + 31) >>> 5;
  let result: Uint32Array | undefined;
  words.forEach((word, i) => {
    const range = i === words.length - 1 ? prefixRange(index.words, word) : exactRange(index.words, word);
    const bits = bitsOfRange(index, range, wordsInSet);
    if (result === undefined) result = bits;
    else andInto(result, bits);
  });
  return result ?? allBits(size);
}

function facetBits(index: DirectorySearchIndex, filters: DirectoryFilters): Uint32Array | undefined {
  const wordsInSet = (index.size + 31) >>> 5;
  let result: Uint32Array | undefined;
  const and = (bits: Uint32Array) => {
    if (result === undefined) result = bits;
    else andInto(result, bits);
  };
  for (const facet of Object.keys(index.facets) as FacetName[]) {
    const values = filters[facet];
    if (values === undefined || values.length === 0) continue;
    const bits = new Uint32Array(wordsInSet);
    for (const value of values) {
      const docs = index.facets[facet].get(value);
      if (docs) bitsOfDocs(docs, wordsInSet, bits);
    }
    and(bits);
  }
  if (filters.open24x7 === true) and(bitsOfDocs(index.open24x7, wordsInSet));
  return result;
}

function popcount(bits: Uint32Array): number {
  let total = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}

/**
 * Ranked matches: entries whose name matches every word and that contain the last word exactly come first,
 * then name matches, then exact-word matches, then the rest; within each tier verified entries first, then
 * by name (the document order).
 */
export function searchDirectory(index: DirectorySearchIndex, query: string, filters: DirectoryFilters = {}): SearchResult {
  const { words } = parseQuery(query);
  const match = matchWords(index.all, words, index.size);
  const facet = facetBits(index, filters);
  if (facet) andInto(match, facet);

  const total = popcount(match);
  const out = new Uint32Array(total);
  const last = words[words.length - 1];
  if (last === undefined) {
    emit(match, index.positions, out, 0);
    return { total, positions: out };
  }
  const name = matchWords(index.names, words, index.size);
  const exact = bitsOfRange(index.all, exactRange(index.all.words, last), match.length);
  // Tiers as masks over the match set: (name, exact), (name, not exact), (not name, exact), (neither).
  const tiers: [boolean, boolean][] = [[true, true], [true, false], [false, true], [false, false]];
  let k = 0;
  for (const [inName, isExact] of tiers) {
    const tier = new Uint32Array(match.length);
    for (let i = 0; i < match.length; i++) tier[i] = match[i]! & (inName ? name[i]! : ~name[i]!) & (isExact ? exact[i]! : ~exact[i]!);
    k = emit(tier, index.positions, out, k);
  }
  return { total, positions: out };
}

function emit(bits: Uint32Array, positions: Uint32Array, out: Uint32Array, start: number): number {
  let k = start;
  for (let i = 0; i < bits.length; i++) {
    let word = bits[i]!;
    while (word !== 0) {
      const lowest = word & -word;
      out[k++] = positions[(i << 5) + 31 - Math.clz32(lowest)]!;
      word ^= lowest;
    }
  }
  return k;
}
