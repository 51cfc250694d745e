import type { DirectoryEntry, DirectoryOrganization, DirectoryPhone } from '../hsds/directory';
import { languageName } from '../hsds/languages';
import { waypointTaxonomyTerms } from '../hsds/taxonomy';
import type { ContactChannel, Population, ServiceType } from '../hsds/taxonomy';
import { foldText } from '../fold';
import { indexWords, parseQuery, phoneDigits } from './words';
import { CachedTokenizer, TermList } from './tokenizer';

/**
 * Search over the flat directory entries: one box, every word must match (the last as a prefix), plus
 * facet filters. Measured on 50,000 services (bench/directory): MiniSearch and FlexSearch were too slow to
 * build, so this is a purpose-built token index:
 *  - a sorted word list with posting lists in one Uint32Array; a prefix is a contiguous range of the list;
 *  - documents are numbered in result order (verified first, then by name), so a match set kept as a bitset
 *    comes out already ranked within each tier and nothing is sorted per keystroke;
 *  - facet values map to sorted document lists.
 * The index is plain data (arrays, typed arrays, Maps): it can be built in a Web Worker and posted back, or
 * built ahead of time. Building it is mostly reading millions of words of a few tens of thousands of distinct
 * ones, so the build numbers words instead of handling strings (tokenizer.ts), reads what entries share once,
 * and gathers posting lists in typed arrays (PostingsBuilder).
 */

export interface WordIndex {
  /** Folded words, sorted by code unit. */
  words: string[];
  /** Documents of words[i] are postings[starts[i] .. starts[i + 1]), ascending. */
  starts: Uint32Array;
  postings: Uint32Array;
}

export type FacetName = 'countries' | 'services' | 'languages' | 'populations' | 'channels';

/** What the index reads of an entry: a DirectoryEntry is one, and so is what is posted to the search worker. */
export interface SearchableEntry extends Pick<DirectoryEntry, 'id' | 'organizationId' | 'name' | 'alternateName' | 'description' | 'verified' | 'is24x7'> {
  countries: readonly string[];
  services: readonly string[];
  languages: readonly string[];
  populations: readonly string[];
  channels: readonly string[];
  phones: readonly Pick<DirectoryPhone, 'number' | 'description'>[];
}

/** What the index reads of an organization: its names, found under its entries. */
export type SearchableOrganization = Pick<DirectoryOrganization, 'id' | 'name' | 'alternateName'>;

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

/** The name functions are asked once per code and build, so each must give the same names for the same code. */
export interface IndexOptions {
  /** Organizations, so an entry is found by its organization's name. */
  organizations?: readonly SearchableOrganization[];
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

/**
 * A field that many entries have alike, given by a code: an organization (its name), a country or a language
 * (the code and its names), a service type or population (its names).
 */
type SharedKind = 'organization' | 'country' | 'language' | 'term';

interface FieldVisitor {
  /** A text of the entry's own. */
  text(text: string, kind: FieldKind): void;
  /** A shared field, whose texts `sharedTexts` gives. */
  shared(kind: SharedKind, code: string): void;
}

/** Every field of an entry the search box looks at; with `sharedTexts`, the one definition of what is searchable. */
function visitFields(entry: SearchableEntry, visit: FieldVisitor): void {
  visit.text(entry.name, 'name');
  if (entry.alternateName !== null) visit.text(entry.alternateName, 'name');
  visit.text(entry.description, 'other');
  if (entry.organizationId !== null) visit.shared('organization', entry.organizationId);
  for (const code of entry.countries) visit.shared('country', code);
  for (const code of entry.languages) visit.shared('language', code);
  for (const code of entry.services) visit.shared('term', code);
  for (const code of entry.populations) visit.shared('term', code);
  for (const phone of entry.phones) {
    visit.text(phone.number, 'phone');
    if (phone.description !== null) visit.text(phone.description, 'other');
  }
}

/** Where the texts of shared fields come from. */
interface SharedSources {
  organizationNames: ReadonlyMap<string, string>;
  countryNames: (code: string) => readonly string[];
  languageNames: (code: string) => readonly string[];
  termNames: (code: string) => readonly string[];
}

function sharedSources(options: IndexOptions, organizationNames: ReadonlyMap<string, string>): SharedSources {
  return {
    organizationNames,
    countryNames: options.countryNames ?? englishCountryName,
    languageNames: options.languageNames ?? ((code: string) => [languageName(code)]),
    termNames: options.termNames ?? englishTermName,
  };
}

function sharedTexts(kind: SharedKind, code: string, sources: SharedSources): readonly string[] {
  switch (kind) {
    case 'organization': {
      const name = sources.organizationNames.get(code);
      return name === undefined ? [] : [name];
    }
    case 'country':
      return [code, ...sources.countryNames(code)];
    case 'language':
      return [code, ...sources.languageNames(code)];
    case 'term':
      return sources.termNames(code);
  }
}

/**
 * The texts of a country, language or term code as an index built with `options` reads them: what a prebuilt
 * index (prebuilt.ts) checks against the names the app would use now.
 */
export function sharedFieldTexts(options: IndexOptions): (kind: Exclude<SharedKind, 'organization'>, code: string) => readonly string[] {
  const sources = sharedSources(options, new Map());
  return (kind, code) => sharedTexts(kind, code, sources);
}

/** The searchable texts of an entry (for a naive scan to compare with). */
export function searchableTexts(entry: SearchableEntry, options: IndexOptions, organizationNames: ReadonlyMap<string, string>): string[] {
  const sources = sharedSources(options, organizationNames);
  const texts: string[] = [];
  visitFields(entry, {
    text: (text) => texts.push(text),
    shared: (kind, code) => texts.push(...sharedTexts(kind, code, sources)),
  });
  return texts;
}

/**
 * Reads the terms of entries into two lists, those of the name and those of the other fields (a term can be
 * in both, and more than once). Made once per build and reused for every entry: one vocabulary and tokenizer,
 * so each distinct word is folded once per build, and the terms of a shared field are worked out once per
 * code (with the renderer's options that also means one Intl.DisplayNames lookup per code rather than per
 * entry, at microseconds each).
 */
class TermReader implements FieldVisitor {
  readonly vocabulary = new Vocabulary();
  readonly nameTerms = new TermList();
  readonly otherTerms = new TermList();
  private readonly tokenizer = new CachedTokenizer(this.vocabulary.id);
  private readonly sharedTerms: Record<SharedKind, Map<string, readonly number[]>> = {
    organization: new Map(),
    country: new Map(),
    language: new Map(),
    term: new Map(),
  };

  constructor(private readonly sources: SharedSources) {}

  /** Replaces the lists with the terms of `entry`. */
  read(entry: SearchableEntry): void {
    this.nameTerms.length = 0;
    this.otherTerms.length = 0;
    visitFields(entry, this);
  }

  text(text: string, kind: FieldKind): void {
    this.tokenizer.read(text, kind === 'name' ? this.nameTerms : this.otherTerms);
    if (kind === 'phone') {
      const digits = phoneDigits(text);
      if (digits !== undefined) this.otherTerms.push(this.vocabulary.id(digits));
    }
  }

  shared(kind: SharedKind, code: string): void {
    const known = this.sharedTerms[kind];
    let terms = known.get(code);
    if (terms === undefined) {
      // indexWords gives the scanner's words. These few texts are not given to the scanner, so that it sees
      // only the entries' own texts: V8 specialises its string accesses (text.length, charCodeAt) to the
      // kinds of string met there, up to four (one- or two-byte, flat or concatenated...), and the shared
      // texts (literals, Intl names, organization names) were more kinds, which made every text's read slower.
      terms = sharedTexts(kind, code, this.sources).flatMap(indexWords).map(this.vocabulary.id);
      known.set(code, terms);
    }
    this.otherTerms.pushAll(terms);
  }
}

/**
 * Every folded word an entry can be found by (all fields), and those of its name: what the index holds for
 * it, worked out plainly (`indexWords` per text), to check the index against.
 */
export function entryWords(entry: SearchableEntry, options: IndexOptions, organizationNames: ReadonlyMap<string, string>): { all: Set<string>; name: Set<string> } {
  const sources = sharedSources(options, organizationNames);
  const all = new Set<string>();
  const name = new Set<string>();
  const add = (text: string, inName: boolean) => {
    for (const word of indexWords(text)) {
      all.add(word);
      if (inName) name.add(word);
    }
  };
  visitFields(entry, {
    text: (text, kind) => {
      add(text, kind === 'name');
      const digits = kind === 'phone' ? phoneDigits(text) : undefined;
      if (digits !== undefined) all.add(digits);
    },
    shared: (kind, code) => {
      for (const text of sharedTexts(kind, code, sources)) add(text, false);
    },
  });
  return { all, name };
}

export function organizationNameMap(organizations: readonly SearchableOrganization[] = []): Map<string, string> {
  return new Map(organizations.map((o) => [o.id, `${o.name} ${o.alternateName ?? ''}`]));
}

/** What the result order reads of an entry. */
export type ResultKey = Pick<SearchableEntry, 'verified' | 'name' | 'id'>;

/** Result order within a tier: verified first, then by folded name, name and id (code unit order, no locale). */
export function compareForResults(a: ResultKey, b: ResultKey): number {
  if (a.verified !== b.verified) return a.verified ? -1 : 1;
  const fa = foldText(a.name);
  const fb = foldText(b.name);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return compareNamesAndIds(a, b);
}

/** The last keys of the result order, for entries whose folded names are the same. */
function compareNamesAndIds(a: ResultKey, b: ResultKey): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return compareIds(a, b);
}

function compareIds(a: ResultKey, b: ResultKey): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Terms (folded words, or facet values) numbered in the order they are first met. An open-addressing table
 * over FNV-1a hashes of the terms rather than a Map: nearly every phone number is a term of its own (some
 * 75,000 of 86,000 at 50,000 services), and inserting that many fresh strings into a Map took ~6% of the build.
 */
class Vocabulary {
  readonly terms: string[] = [];
  /** 1 + the id of a term in each slot, 0 for none; kept at most half full. */
  private slots = new Int32Array(1 << 8);
  private hashes = new Int32Array(1 << 7);

  /** A property, not a method, so it can be handed to the tokenizer as it is. */
  readonly id = (term: string): number => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
    const { slots, terms } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) return this.add(term, hash, slot);
      if (this.hashes[id] === hash && terms[id] === term) return id;
    }
  };

  private add(term: string, hash: number, slot: number): number {
    const id = this.terms.push(term) - 1;
    if (id === this.hashes.length) {
      const larger = new Int32Array(id * 2);
      larger.set(this.hashes);
      this.hashes = larger;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (this.terms.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      const mask = this.slots.length - 1;
      this.hashes.subarray(0, this.terms.length).forEach((known, id) => {
        let at = known & mask;
        while (this.slots[at] !== 0) at = (at + 1) & mask;
        this.slots[at] = id + 1;
      });
    }
    return id;
  }

  /** Every term id, in code unit order of the terms (the order of WordIndex.words). */
  sortedIds(): Uint32Array {
    const { terms } = this;
    return new Uint32Array(terms.map((_, id) => id).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1)));
  }
}

function grown(array: Uint32Array, minLength: number): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(Math.max(minLength, array.length * 2));
  larger.set(array);
  return larger;
}

const chunkBits = 16;
const chunkMask = (1 << chunkBits) - 1;

/**
 * Posting lists under construction. Entries are added one after another, each with its terms, which are
 * stored in fixed-size chunks; at the end each term's documents are counted, then placed in document order,
 * which gives every list sorted, without sorting. This replaces one growing array per term (millions of
 * small pushes, and a copy of each list at the end); chunks rather than one typed array that doubles, since
 * the copies of a doubling array (tens of MB) made V8 run a full garbage collection during the build.
 * Entries are added in the order they are given, not in document order: reading objects in the order they
 * were made (and lie in memory) is faster.
 */
class PostingsBuilder {
  private readonly chunks: Uint32Array[] = [];
  private chunk = new Uint32Array(0);
  private termCount = 0;
  /** The number of terms stored up to the end of each entry. */
  private readonly entryEnds: Uint32Array;
  private entry = 0;
  /** Per term id: how many entries have it, and the last one plus 1 (0: none yet), to add each once. */
  private counts = new Uint32Array(1 << 10);
  private lastEntryPlusOne = new Uint32Array(1 << 10);

  constructor(entries: number) {
    this.entryEnds = new Uint32Array(entries);
  }

  /** Adds `term` to the current entry (once, however often it is added). */
  add(term: number): void {
    if (term >= this.counts.length) {
      this.counts = grown(this.counts, term + 1);
      this.lastEntryPlusOne = grown(this.lastEntryPlusOne, term + 1);
    }
    if (this.lastEntryPlusOne[term] === this.entry + 1) return;
    this.lastEntryPlusOne[term] = this.entry + 1;
    this.counts[term]!++;
    const offset = this.termCount++ & chunkMask;
    if (offset === 0) this.chunks.push((this.chunk = new Uint32Array(chunkMask + 1)));
    this.chunk[offset] = term;
  }

  endEntry(): void {
    this.entryEnds[this.entry++] = this.termCount;
  }

  /**
   * The lists of the terms added, in the order of `sortedIds` (all ids of `vocabulary`, sorted), with the
   * entry at positions[doc] as document `doc`.
   */
  finish(vocabulary: Vocabulary, sortedIds: Uint32Array, positions: Uint32Array): WordIndex {
    const { counts, chunks, entryEnds } = this;
    const words: string[] = [];
    const starts: number[] = [];
    const next = new Uint32Array(counts.length); // where the next document of each term goes
    let total = 0;
    for (const term of sortedIds) {
      const count = counts[term] ?? 0;
      if (count === 0) continue;
      words.push(vocabulary.terms[term]!);
      starts.push(total);
      next[term] = total;
      total += count;
    }
    starts.push(total);
    const postings = new Uint32Array(total);
    for (let doc = 0; doc < positions.length; doc++) {
      const entry = positions[doc]!;
      for (let i = entry === 0 ? 0 : entryEnds[entry - 1]!, end = entryEnds[entry]!; i < end; i++) {
        postings[next[chunks[i >>> chunkBits]![i & chunkMask]!]!++] = doc;
      }
    }
    return { words, starts: new Uint32Array(starts), postings };
  }
}

/**
 * Positions of the entries in result order: verified first, then by folded name, name and id, as
 * compareForResults. Names repeat (the bench's 50,000 services have some 15,000), so each distinct name is
 * folded once and the distinct names are sorted once, by folded name then name; the entries are then placed
 * by (verified, rank of their name) with a counting sort, which needs no comparisons, and only entries with
 * the very same name are compared, by id. A comparison sort of all entries did some 800,000 comparisons.
 */
function resultOrder(entries: readonly SearchableEntry[]): Uint32Array {
  const count = entries.length;
  const nameNumbers = new Map<string, number>(); // distinct names, numbered in the order met
  const nameOf = new Uint32Array(count);
  for (let position = 0; position < count; position++) {
    const { name } = entries[position]!;
    let number = nameNumbers.get(name);
    if (number === undefined) {
      number = nameNumbers.size;
      nameNumbers.set(name, number);
    }
    nameOf[position] = number;
  }
  const names = [...nameNumbers.keys()];
  const folded = names.map(foldText);
  // Code unit order, no locale; two distinct names are never equal.
  const byName = names
    .map((_, number) => number)
    .sort((a, b) => {
      if (folded[a] !== folded[b]) return folded[a]! < folded[b]! ? -1 : 1;
      return names[a]! < names[b]! ? -1 : 1;
    });
  const rank = new Uint32Array(names.length);
  byName.forEach((number, r) => (rank[number] = r));

  // Keys: verified entries' name ranks first, then the others'. Counting sort, stable in position.
  const key = new Uint32Array(count);
  const starts = new Uint32Array(2 * names.length + 1);
  for (let position = 0; position < count; position++) {
    const k = (entries[position]!.verified ? 0 : names.length) + rank[nameOf[position]!]!;
    key[position] = k;
    starts[k + 1]!++;
  }
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const order = new Uint32Array(count);
  const next = starts.slice(0, -1);
  for (let position = 0; position < count; position++) order[next[key[position]!]!++] = position;
  for (let k = 0; k + 1 < starts.length; k++) {
    if (starts[k + 1]! - starts[k]! > 1) sortByIds(order, starts[k]!, starts[k + 1]!, entries);
  }
  return order;
}

/**
 * Sorts order[from, to) (ascending positions) by the entries' ids, equal ids by position, as a stable sort of
 * all entries would. These runs (entries with one name) are mostly of a few entries, where an insertion sort
 * is much cheaper than a call of the built-in sort.
 */
function sortByIds(order: Uint32Array, from: number, to: number, entries: readonly SearchableEntry[]): void {
  if (to - from > 16) {
    order.subarray(from, to).sort((a, b) => compareIds(entries[a]!, entries[b]!) || a - b);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const position = order[i]!;
    const { id } = entries[position]!;
    let j = i;
    for (; j > from && entries[order[j - 1]!]!.id > id; j--) order[j] = order[j - 1]!;
    order[j] = position;
  }
}

export function buildSearchIndex(entries: readonly SearchableEntry[], options: IndexOptions = {}): DirectorySearchIndex {
  const positions = resultOrder(entries);
  const reader = new TermReader(sharedSources(options, organizationNameMap(options.organizations)));
  const all = new PostingsBuilder(entries.length);
  const names = new PostingsBuilder(entries.length);
  const facetNames: FacetName[] = ['countries', 'services', 'languages', 'populations', 'channels'];
  const facetLists = facetNames.map((facet) => ({ facet, vocabulary: new Vocabulary(), postings: new PostingsBuilder(entries.length) }));
  const { nameTerms, otherTerms } = reader;
  const is24x7 = new Uint8Array(entries.length); // read with the rest of the entry, not later in document order
  entries.forEach((entry, position) => {
    if (entry.is24x7 === true) is24x7[position] = 1;
    reader.read(entry);
    for (let i = 0; i < nameTerms.length; i++) {
      all.add(nameTerms.ids[i]!);
      names.add(nameTerms.ids[i]!);
    }
    for (let i = 0; i < otherTerms.length; i++) all.add(otherTerms.ids[i]!);
    all.endEntry();
    names.endEntry();
    for (const { facet, vocabulary: values, postings } of facetLists) {
      for (const value of entry[facet]) postings.add(values.id(value));
      postings.endEntry();
    }
  });

  const { vocabulary } = reader;
  const sortedIds = vocabulary.sortedIds();
  const facets = {} as Record<FacetName, Map<string, Uint32Array>>;
  for (const { facet, vocabulary: values, postings: lists } of facetLists) {
    const { words, starts, postings } = lists.finish(values, values.sortedIds(), positions);
    facets[facet] = new Map(words.map((value, i) => [value, postings.subarray(starts[i], starts[i + 1])]));
  }
  const open24x7: number[] = [];
  positions.forEach((position, doc) => {
    if (is24x7[position] === 1) open24x7.push(doc);
  });
  return {
    version: 1,
    size: positions.length,
    positions,
    all: all.finish(vocabulary, sortedIds, positions),
    names: names.finish(vocabulary, sortedIds, positions),
    facets,
    open24x7: new Uint32Array(open24x7),
  };
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
  const tiers: [boolean, boolean][] = [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ];
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
