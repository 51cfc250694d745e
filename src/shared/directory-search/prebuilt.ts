import { buildSearchIndex, compareForResults, sharedFieldTexts } from './index';
import type { DirectorySearchIndex, FacetName, IndexOptions, ResultKey, SearchableEntry, SearchableOrganization, WordIndex } from './index';
import { indexWords } from './words';

/**
 * A search index of the shipped directory, built ahead of time (at build time, from the bundled file) and
 * stored as one ArrayBuffer, so that opening the directory reads it rather than indexing every shipped entry:
 * only the person's own entries are indexed then, and merged in (`mergeOwnEntries`).
 *
 * It holds no names of countries, languages or terms: those depend on the interface language, the app's texts
 * and the engine's Intl data (Node's, at build time, names Hong Kong otherwise than Chromium's, and knows more
 * languages), so the worker adds them from the index's own facet lists at start (`withNames`).
 *
 * The buffer says what it was built with, and `readPrebuiltIndex` refuses it, so the caller builds at start
 * instead, when any of it differs from what the app would build now:
 *  - `format`: this layout;
 *  - `tokens`: how texts become words (folding, tokenising, phone digits), as a fingerprint of the words a
 *    probe text gives: a change to the folding, or a Unicode version that classifies a letter differently
 *    (the build runs in Node, the app in Chromium), changes it without anyone bumping a number;
 *  - `data`: which shipped directory it indexes.
 *
 * Layout: the magic number, the header's length in UTF-16 code units, the header (JSON) as code units, then
 * the sections, each aligned to 4 bytes, where the header's `sections` says. Strings are stored as UTF-16 code
 * units with the end of each string, so any string round-trips.
 */

const MAGIC = 0x57505349; // "WPSI"
export const PREBUILT_FORMAT = 1;

interface SectionPlace {
  /** Byte offset from the start of the buffer. */
  at: number;
  /** Elements (not bytes). */
  length: number;
  type: 'u8' | 'u16' | 'u32';
}

export interface PrebuiltStamp {
  format: number;
  indexVersion: DirectorySearchIndex['version'];
  tokens: string;
  data: string;
}

interface PrebuiltHeader extends PrebuiltStamp {
  size: number;
  sections: Record<string, SectionPlace>;
}

export interface PrebuiltIndex {
  index: DirectorySearchIndex;
  /**
   * The shipped entry of a document, as the result order sorts it, to place own entries among them: read one
   * by one, as placing a few hundred own entries reads a few thousand of the shipped keys.
   */
  keyAt(doc: number): ResultKey;
}

/** FNV-1a over the code units, with the length: a fingerprint, not a defence against anyone. */
function fingerprint(texts: readonly string[]): string {
  let hash = 0x811c9dc5;
  let length = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0xffff, 0x01000193); // a separator no code unit of a word is
    length += text.length + 1;
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${length}`;
}

const probeRanges: Array<[number, number]> = [
  [0x20, 0x24f], // ASCII, Latin-1, Latin Extended A and B
  [0x300, 0x36f], // combining marks
  [0x370, 0x52f], // Greek, Cyrillic
  [0x590, 0x6ff], // Hebrew, Arabic
  [0x900, 0x97f], // Devanagari
  [0xe00, 0xe7f], // Thai
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2100, 0x218f], // letterlike symbols and number forms (℃, Ⅻ)
  [0xfb00, 0xfb4f], // ligatures
  [0xfe70, 0xfeff], // Arabic presentation forms
  [0xff00, 0xffef], // full-width forms
];

let tokensFingerprintCache: string | undefined;

/**
 * How the index turns texts into words, as a fingerprint: the words that indexing a probe entry gives (each
 * probe character as a word of its own, after a letter so marks have one to sit on, and phone numbers).
 */
export function tokensFingerprint(): string {
  if (tokensFingerprintCache !== undefined) return tokensFingerprintCache;
  const characters: string[] = [];
  for (const [from, to] of probeRanges) for (let code = from; code <= to; code++) characters.push(`a${String.fromCharCode(code)}`);
  const probe: SearchableEntry = {
    id: 'probe',
    organizationId: null,
    name: characters.join(' '),
    alternateName: 'İstanbul ß ﬁ ℃ 𝐀𝐁 ١٢٣',
    description: characters.join(''),
    verified: true,
    is24x7: null,
    countries: [],
    services: [],
    languages: [],
    populations: [],
    channels: [],
    phones: [
      { number: '+1 (888) 373-7888', description: null },
      { number: '٠١٢ ٣٤٥', description: null },
    ],
  };
  const index = buildSearchIndex([probe]);
  tokensFingerprintCache = fingerprint([...index.all.words, '|', ...index.names.words]);
  return tokensFingerprintCache;
}

/** Which shipped directory an index is of: its declared version and day, and its size. */
export function directoryStamp(directory: { dataVersion: number; generatedAt: string; entries: readonly unknown[]; organizations: readonly unknown[] }): string {
  return `${directory.dataVersion} ${directory.generatedAt} ${directory.entries.length} entries ${directory.organizations.length} organizations`;
}

const facetNames: readonly FacetName[] = ['countries', 'services', 'languages', 'populations', 'channels'];

/** Options for an index without names of codes (the codes themselves are words of it still). */
function withoutNames(organizations: readonly SearchableOrganization[]): IndexOptions {
  return { organizations, countryNames: () => [], languageNames: () => [], termNames: () => [] };
}

/** Builds the index of `entries` (the shipped ones, in the order the app lists them) as a buffer. */
export function encodePrebuiltIndex(entries: readonly SearchableEntry[], organizations: readonly SearchableOrganization[], data: string): ArrayBuffer {
  const index = buildSearchIndex(entries, withoutNames(organizations));
  const sections: Array<[string, Uint8Array | Uint16Array | Uint32Array]> = [];
  const strings = (name: string, list: readonly string[]) => {
    const ends = new Uint32Array(list.length);
    const joined = list.join('');
    const units = new Uint16Array(joined.length);
    for (let i = 0; i < joined.length; i++) units[i] = joined.charCodeAt(i);
    let end = 0;
    list.forEach((text, i) => (ends[i] = end += text.length));
    sections.push([`${name}.text`, units], [`${name}.ends`, ends]);
  };
  const words = (name: string, wordIndex: WordIndex) => {
    strings(`${name}.words`, wordIndex.words);
    sections.push([`${name}.starts`, wordIndex.starts], [`${name}.postings`, wordIndex.postings]);
  };
  sections.push(['positions', index.positions], ['open24x7', index.open24x7]);
  words('all', index.all);
  words('names', index.names);
  for (const facet of facetNames) {
    const values = [...index.facets[facet].keys()];
    const lists = values.map((value) => index.facets[facet].get(value)!);
    strings(`facet.${facet}`, values);
    const starts = new Uint32Array(values.length + 1);
    lists.forEach((list, i) => (starts[i + 1] = starts[i]! + list.length));
    const postings = new Uint32Array(starts[values.length]!);
    lists.forEach((list, i) => postings.set(list, starts[i]));
    sections.push([`facet.${facet}.starts`, starts], [`facet.${facet}.postings`, postings]);
  }
  const byDoc = [...index.positions].map((position) => entries[position]!);
  strings(
    'keys.name',
    byDoc.map((entry) => entry.name),
  );
  strings(
    'keys.id',
    byDoc.map((entry) => entry.id),
  );
  sections.push(['keys.verified', Uint8Array.from(byDoc, (entry) => (entry.verified ? 1 : 0))]);

  const stamp: PrebuiltStamp = { format: PREBUILT_FORMAT, indexVersion: index.version, tokens: tokensFingerprint(), data };
  // Offsets depend on the header's length, which depends on the offsets' digits: place the sections after a
  // header with room to spare, then pad the header out to that room.
  const place = (start: number) => {
    const places: Record<string, SectionPlace> = {};
    let at = start;
    for (const [name, array] of sections) {
      places[name] = { at, length: array.length, type: array instanceof Uint32Array ? 'u32' : array instanceof Uint16Array ? 'u16' : 'u8' };
      at = align(at + array.byteLength);
    }
    return { places, total: at };
  };
  const draft = JSON.stringify({ ...stamp, size: index.size, sections: place(0).places });
  const headerUnits = draft.length + 64 * sections.length; // room for every offset to grow
  const start = align(8 + 2 * headerUnits);
  const { places, total } = place(start);
  const header = JSON.stringify({ ...stamp, size: index.size, sections: places } satisfies PrebuiltHeader).padEnd(headerUnits, ' ');
  if (header.length > headerUnits) throw new Error('prebuilt index header outgrew its room');

  const buffer = new ArrayBuffer(total);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerUnits, true);
  const headerView = new Uint16Array(buffer, 8, headerUnits);
  for (let i = 0; i < headerUnits; i++) headerView[i] = header.charCodeAt(i);
  for (const [name, array] of sections) new Uint8Array(buffer, places[name]!.at, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return buffer;
}

function align(at: number): number {
  return (at + 3) & ~3;
}

/**
 * A TextDecoder, which Node, browsers and workers all have (shared code is typed without either's globals):
 * decoding millions of code units a slice at a time with String.fromCharCode took ten times as long.
 */
const utf16 = new (globalThis as unknown as { TextDecoder: new (label: string) => { decode(units: Uint16Array): string } }).TextDecoder('utf-16le');

export type PrebuiltRead = { ok: true; prebuilt: PrebuiltIndex } | { ok: false; reason: string };

/**
 * The index in `buffer` (its arrays are views into it, not copies) if it was built as the app would build
 * it now, of the shipped directory `data`; otherwise why not. It has no names of codes yet: see `withNames`.
 */
export function readPrebuiltIndex(buffer: ArrayBuffer, data: string): PrebuiltRead {
  let header: PrebuiltHeader;
  try {
    const view = new DataView(buffer);
    if (view.getUint32(0, true) !== MAGIC) return { ok: false, reason: 'not a prebuilt index' };
    header = JSON.parse(utf16.decode(new Uint16Array(buffer, 8, view.getUint32(4, true)))) as PrebuiltHeader;
  } catch {
    return { ok: false, reason: 'unreadable header' };
  }
  if (header.format !== PREBUILT_FORMAT) return { ok: false, reason: `layout ${header.format}, not ${PREBUILT_FORMAT}` };
  if (header.indexVersion !== 1) return { ok: false, reason: `index version ${header.indexVersion}` };
  if (header.data !== data) return { ok: false, reason: `built for the directory "${header.data}", not "${data}"` };
  if (header.tokens !== tokensFingerprint()) return { ok: false, reason: 'built with other folding or tokenising' };

  const section = <T extends 'u8' | 'u16' | 'u32'>(name: string, type: T): T extends 'u32' ? Uint32Array : T extends 'u16' ? Uint16Array : Uint8Array => {
    const place = header.sections[name];
    if (place === undefined || place.type !== type || place.at + place.length * (type === 'u32' ? 4 : type === 'u16' ? 2 : 1) > buffer.byteLength) {
      throw new Error(`section ${name} missing or out of bounds`);
    }
    const Type = type === 'u32' ? Uint32Array : type === 'u16' ? Uint16Array : Uint8Array;
    return new Type(buffer, place.at, place.length) as never;
  };
  /** A list of strings, read one by one: `at(i)`, and its length. */
  const stringsAt = (name: string) => {
    const text = utf16.decode(section(`${name}.text`, 'u16'));
    const ends = section(`${name}.ends`, 'u32');
    return { length: ends.length, at: (i: number) => text.slice(i === 0 ? 0 : ends[i - 1], ends[i]) };
  };
  const strings = (name: string): string[] => {
    const { length, at } = stringsAt(name);
    const list = new Array<string>(length);
    for (let i = 0; i < length; i++) list[i] = at(i);
    return list;
  };
  const words = (name: string): WordIndex => ({ words: strings(`${name}.words`), starts: section(`${name}.starts`, 'u32'), postings: section(`${name}.postings`, 'u32') });
  try {
    const facets = {} as DirectorySearchIndex['facets'];
    for (const facet of facetNames) {
      const values = strings(`facet.${facet}`);
      const starts = section(`facet.${facet}.starts`, 'u32');
      const postings = section(`facet.${facet}.postings`, 'u32');
      facets[facet] = new Map(values.map((value, i) => [value, postings.subarray(starts[i], starts[i + 1])]));
    }
    const index: DirectorySearchIndex = {
      version: 1,
      size: header.size,
      positions: section('positions', 'u32'),
      all: words('all'),
      names: words('names'),
      facets,
      open24x7: section('open24x7', 'u32'),
    };
    const verified = section('keys.verified', 'u8');
    if (index.positions.length !== header.size || verified.length !== header.size) throw new Error('sizes disagree');
    let names: ReturnType<typeof stringsAt> | undefined;
    let ids: ReturnType<typeof stringsAt> | undefined;
    const keyAt = (doc: number): ResultKey => {
      names ??= stringsAt('keys.name');
      ids ??= stringsAt('keys.id');
      return { name: names.at(doc), id: ids.at(doc), verified: verified[doc] === 1 };
    };
    return { ok: true, prebuilt: { index, keyAt } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'unreadable sections' };
  }
}

/**
 * The prebuilt index with the names of its countries, languages and terms as `options` give them (as
 * IndexOptions: the interface language's and English), as a build with those options would hold them: each
 * name's words find the documents of the code's facet list.
 */
export function withNames(prebuilt: PrebuiltIndex, options: IndexOptions): PrebuiltIndex {
  const { index } = prebuilt;
  const texts = sharedFieldTexts(options);
  // Per word, the facet lists of the codes whose names hold it. Most words name one code only ("nigeria"): their
  // documents are that list as it is; only the others ("republic", "sign") are united, through a bitset.
  const listsOfWord = new Map<string, Uint32Array[]>();
  const add = (kind: 'country' | 'language' | 'term', facet: FacetName) => {
    for (const [code, docs] of index.facets[facet]) {
      for (const word of new Set(texts(kind, code).flatMap(indexWords))) {
        const lists = listsOfWord.get(word);
        if (lists === undefined) listsOfWord.set(word, [docs]);
        else lists.push(docs);
      }
    }
  };
  add('country', 'countries');
  add('language', 'languages');
  add('term', 'services');
  add('term', 'populations');
  const words = [...listsOfWord.keys()].sort((a, b) => (a < b ? -1 : 1));
  const starts = new Uint32Array(words.length + 1);
  const lists = words.map((word) => {
    const [first, ...more] = listsOfWord.get(word)!;
    return more.length === 0 ? first! : union([first!, ...more], index.size);
  });
  lists.forEach((docs, i) => (starts[i + 1] = starts[i]! + docs.length));
  const postings = new Uint32Array(starts[words.length]!);
  lists.forEach((docs, i) => postings.set(docs, starts[i]));
  const same = identity(index.size);
  return { ...prebuilt, index: { ...index, all: mergeWordIndexes(index.all, same, { words, starts, postings }, same, true) } };
}

/** The documents in any of `lists`, ascending, once each. */
function union(lists: readonly Uint32Array[], size: number): Uint32Array {
  const bits = new Uint32Array((size + 31) >>> 5);
  let most = 0;
  for (const docs of lists) {
    for (let i = 0; i < docs.length; i++) bits[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31);
    most += docs.length;
  }
  const union = new Uint32Array(most);
  let count = 0;
  for (let i = 0; i < bits.length; i++) {
    for (let word32 = bits[i]!; word32 !== 0; word32 &= word32 - 1) union[count++] = (i << 5) + 31 - Math.clz32(word32 & -word32);
  }
  return union.subarray(0, count);
}

function identity(size: number): Uint32Array {
  const docs = new Uint32Array(size);
  for (let doc = 0; doc < size; doc++) docs[doc] = doc;
  return docs;
}

/**
 * The index of the shipped entries followed by `own` (as if built from both lists at once: the same
 * documents, words and lists), from the prebuilt index and an index of the own entries alone. Own entries
 * must not replace shipped ones (same id) or rename a shipped organization; the caller builds in full then.
 */
export function mergeOwnEntries(prebuilt: PrebuiltIndex, own: readonly SearchableEntry[], options: IndexOptions): DirectorySearchIndex {
  const shipped = prebuilt.index;
  if (own.length === 0) return shipped;
  const mine = buildSearchIndex(own, options);
  const shippedSize = shipped.size;
  // Where each own document goes: after every shipped document that sorts before it or equal to it (on equal
  // keys the shipped entry, earlier in the list, comes first, as in a build of both lists).
  const ownDoc = new Uint32Array(mine.size);
  for (let doc = 0, from = 0; doc < mine.size; doc++) {
    const key = own[mine.positions[doc]!]!;
    let lo = from;
    let hi = shippedSize;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareForResults(prebuilt.keyAt(mid), key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
    ownDoc[doc] = lo + doc;
  }
  const shippedDoc = new Uint32Array(shippedSize);
  for (let doc = 0, before = 0; doc < shippedSize; doc++) {
    while (before < mine.size && ownDoc[before]! - before <= doc) before++;
    shippedDoc[doc] = doc + before;
  }
  const positions = new Uint32Array(shippedSize + mine.size);
  shipped.positions.forEach((position, doc) => (positions[shippedDoc[doc]!] = position));
  mine.positions.forEach((position, doc) => (positions[ownDoc[doc]!] = shippedSize + position));

  const facets = {} as DirectorySearchIndex['facets'];
  for (const facet of facetNames) {
    const merged = mergeWordIndexes(asWordIndex(shipped.facets[facet]), shippedDoc, asWordIndex(mine.facets[facet]), ownDoc);
    facets[facet] = new Map(merged.words.map((value, i) => [value, merged.postings.subarray(merged.starts[i], merged.starts[i + 1])]));
  }
  return {
    version: 1,
    size: positions.length,
    positions,
    all: mergeWordIndexes(shipped.all, shippedDoc, mine.all, ownDoc),
    names: mergeWordIndexes(shipped.names, shippedDoc, mine.names, ownDoc),
    facets,
    open24x7: mergedList(shipped.open24x7, shippedDoc, mine.open24x7, ownDoc),
  };
}

function mergedList(a: Uint32Array, aDoc: Uint32Array, b: Uint32Array, bDoc: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  return out.subarray(0, mergeLists(a, 0, a.length, aDoc, b, 0, b.length, bDoc, out, 0));
}

/** A facet's map (values in code unit order, as the build makes it) as a word index. */
function asWordIndex(map: ReadonlyMap<string, Uint32Array>): WordIndex {
  const words = [...map.keys()];
  const starts = new Uint32Array(words.length + 1);
  words.forEach((word, i) => (starts[i + 1] = starts[i]! + map.get(word)!.length));
  const postings = new Uint32Array(starts[words.length]!);
  words.forEach((word, i) => postings.set(map.get(word)!, starts[i]));
  return { words, starts, postings };
}

/**
 * Writes a[aFrom..aTo) and b[bFrom..bTo), renumbered by aDoc and bDoc (both keep order), merged in order into
 * `out` at `at`, a document in both once; returns where it stopped. Ranges rather than subarrays: this runs
 * for every word of the index, and a subarray is an object each.
 */
function mergeLists(
  a: Uint32Array,
  aFrom: number,
  aTo: number,
  aDoc: Uint32Array,
  b: Uint32Array,
  bFrom: number,
  bTo: number,
  bDoc: Uint32Array,
  out: Uint32Array,
  at: number,
): number {
  let i = aFrom;
  let j = bFrom;
  let k = at;
  while (i < aTo && j < bTo) {
    const x = aDoc[a[i]!]!;
    const y = bDoc[b[j]!]!;
    out[k++] = x < y ? x : y;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  for (; i < aTo; i++) out[k++] = aDoc[a[i]!]!;
  for (; j < bTo; j++) out[k++] = bDoc[b[j]!]!;
  return k;
}

/**
 * The words of both indexes, each with the documents of both, renumbered by aDoc and bDoc. With `aKept` (aDoc
 * leaves a's documents as they are: adding names of codes), the lists of words only in a are copied as they are,
 * a run of such words at a time, rather than number by number.
 */
function mergeWordIndexes(a: WordIndex, aDoc: Uint32Array, b: WordIndex, bDoc: Uint32Array, aKept = false): WordIndex {
  const words: string[] = [];
  const starts = new Uint32Array(a.words.length + b.words.length + 1);
  const postings = new Uint32Array(a.postings.length + b.postings.length);
  let i = 0;
  let j = 0;
  let count = 0;
  let total = 0;
  let run = -1; // with aKept: where in a.postings the lists not copied yet start
  const copyRun = (to: number) => {
    if (run >= 0) postings.set(a.postings.subarray(run, to), total - (to - run));
    run = -1;
  };
  while (i < a.words.length || j < b.words.length) {
    const wa = a.words[i];
    const wb = b.words[j];
    const word = wb === undefined || (wa !== undefined && wa <= wb) ? wa! : wb;
    // An empty range for the side without the word.
    const aFrom = a.starts[i]!;
    const aTo = wa === word ? a.starts[++i]! : aFrom;
    const bFrom = b.starts[j]!;
    const bTo = wb === word ? b.starts[++j]! : bFrom;
    words.push(word);
    starts[count++] = total;
    if (aKept && bFrom === bTo) {
      if (run < 0) run = aFrom;
      total += aTo - aFrom;
    } else {
      copyRun(aFrom);
      total = mergeLists(a.postings, aFrom, aTo, aDoc, b.postings, bFrom, bTo, bDoc, postings, total);
    }
  }
  copyRun(a.starts[i]!);
  starts[count] = total;
  // Copies (not views) when shorter: the index is posted back from the worker, and a view posts its whole buffer.
  return { words, starts: starts.slice(0, count + 1), postings: total === postings.length ? postings : postings.slice(0, total) };
}
