import { itemsById } from '../checklists/answers';
import type { ChecklistItem, ChecklistTemplate } from '../checklists/schema';
import { foldText, tokenize } from '../fold';
import type { HtcdsExploitationType } from './htcds';
import type { CaseNote } from './notes';
import type { CaseChecklist } from './records';
import { statusDate, type CaseRecord, type CaseStatus } from './schema';

/**
 * In-memory case search, built after unlock from decrypted records and dropped at lock: there is
 * no plaintext index on disk. A sorted vocabulary of folded tokens maps each token to the cases
 * that contain it, so a prefix is one binary search plus a walk over the matching tokens, and all
 * words of a query must match (each in any of the case's texts).
 */
export interface CaseSearchFilters {
  statuses?: readonly CaseStatus[];
  tag?: string;
  exploitationType?: HtcdsExploitationType;
  /** Inclusive bounds, ISO date-times (the UI turns local days into instants). */
  dateRange?: { field: 'createdAt' | 'statusDate'; from?: string; to?: string };
}

/** Past this many words, further words of a pasted text are ignored: each one costs a scan. */
export const maxQueryWords = 16;

interface CaseEntry {
  caseId: string;
  status: CaseStatus;
  foldedTags: ReadonlySet<string>;
  exploitationTypes: readonly string[];
  createdMs: number;
  statusMs: number;
  updatedMs: number;
  code: string;
  /** Ids of the distinct tokens of every searchable text, so an update can take exactly these out. */
  tokenIds: number[];
}

/** Treat as opaque: build, search and update it with the functions of this module. */
export interface CaseSearchIndex {
  /** Slot -> case; a removed case leaves an empty slot that the next added case takes. */
  readonly entries: Array<CaseEntry | undefined>;
  readonly slotOfCase: Map<string, number>;
  readonly freeSlots: number[];
  /** Token -> id; ids index `tokens` and `postings`. A token no case uses any more is dropped. */
  readonly tokenIds: Map<string, number>;
  readonly tokens: string[];
  /** Token id -> slots of the cases containing it (unordered). */
  readonly postings: number[][];
  /** Every token in use, sorted by UTF-16 code units, for prefix ranges. */
  vocabulary: string[];
  /**
   * Per prefix of one or two UTF-16 code units, a bitset of the slots of the cases with a token
   * starting with it (in `prefixBits`, at the position this map gives). Such a prefix covers
   * thousands of tokens and most postings, so collecting it would be the slowest search of all,
   * and it is what every search starts with at the first keystroke: the bitsets are kept up to
   * date as cases come and go instead.
   */
  readonly shortPrefixes: Map<string, number>;
  readonly prefixBits: Uint32Array[];
  /** Per token id, the positions in `prefixBits` of its one- and two-code-unit prefixes (-1: none). */
  tokenPrefixes: Int32Array;
  /** Per token id, the last slot that added it: dedupes a case's tokens without a Set per case. */
  lastSlot: Int32Array;
  /** Slots, most recently updated first; rebuilt lazily after an edit. */
  order: number[] | null;
  /** Option labels repeat in every checklist made from a template: each is tokenized once. */
  readonly labelTokens: Map<string, string[]>;
}

/** A case and the words its notes and checklists add to it (see `noteAndChecklistTokens`). */
export interface CaseWithTokens {
  record: CaseRecord;
  tokens: readonly string[];
}

// Item lookups per template snapshot; many instances may share one snapshot object.
const itemsCache = new WeakMap<ChecklistTemplate, Map<string, ChecklistItem>>();

function itemsOf(template: ChecklistTemplate): Map<string, ChecklistItem> {
  let items = itemsCache.get(template);
  if (!items) {
    items = itemsById(template);
    itemsCache.set(template, items);
  }
  return items;
}

function tokensOfLabel(labels: Map<string, string[]>, label: string): string[] {
  let tokens = labels.get(label);
  if (!tokens) {
    tokens = tokenize(label);
    labels.set(label, tokens);
  }
  return tokens;
}

/**
 * Tokens a caseworker may search a checklist for: typed answers, answer notes and chosen option
 * labels. `labels` caches the tokens of option labels, which repeat in every checklist of a template.
 */
export function checklistTokens(checklist: CaseChecklist, labels: Map<string, string[]>): string[] {
  const { answers, templateSnapshot } = checklist.instance;
  const items = itemsOf(templateSnapshot);
  const tokens: string[] = [];
  for (const [itemId, answer] of Object.entries(answers)) {
    if (answer.note) tokens.push(...tokenize(answer.note));
    const item = items.get(itemId);
    if (!item) continue;
    if (item.kind === 'text' && typeof answer.value === 'string') tokens.push(...tokenize(answer.value));
    if (item.kind === 'single' || item.kind === 'multiple') {
      const chosen = Array.isArray(answer.value) ? answer.value : [answer.value];
      for (const option of item.options) if (chosen.includes(option.id)) tokens.push(...tokensOfLabel(labels, option.label));
    }
  }
  return tokens;
}

/** The tokens a case's notes and checklists add to it (repeats included). Records of other cases are ignored. */
export function noteAndChecklistTokens(caseId: string, notes: readonly CaseNote[], checklists: readonly CaseChecklist[], labels: Map<string, string[]>): string[] {
  const tokens: string[] = [];
  for (const note of notes) if (note.caseId === caseId) tokens.push(...tokenize(note.text));
  for (const checklist of checklists) if (checklist.caseId === caseId) tokens.push(...checklistTokens(checklist, labels));
  return tokens;
}

/** Prefixes up to this many code units have a bitset of their own (see `CaseSearchIndex.shortPrefixes`). */
const shortPrefixLength = 2;

/** A copy of `array` at least `length` long, the new part filled with `fill`. */
function grown<T extends Int32Array | Uint32Array>(array: T, length: number, fill: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  bigger.fill(fill, array.length);
  bigger.set(array);
  return bigger;
}

/** The id of a token, giving it one (and its short prefixes their bitsets) when it is new. */
function idOf(index: CaseSearchIndex, token: string, newTokens: string[]): number {
  let id = index.tokenIds.get(token);
  if (id !== undefined) return id;
  id = index.postings.length;
  index.tokenIds.set(token, id);
  index.tokens.push(token);
  index.postings.push([]);
  newTokens.push(token);
  if (id >= index.lastSlot.length) index.lastSlot = grown(index.lastSlot, id + 1, -1);
  if (2 * id + 1 >= index.tokenPrefixes.length) index.tokenPrefixes = grown(index.tokenPrefixes, 2 * id + 2, -1);
  for (let length = 1; length <= Math.min(shortPrefixLength, token.length); length++) {
    const prefix = token.slice(0, length);
    let at = index.shortPrefixes.get(prefix);
    if (at === undefined) {
      at = index.prefixBits.push(new Uint32Array(32)) - 1;
      index.shortPrefixes.set(prefix, at);
    }
    index.tokenPrefixes[2 * id + length - 1] = at;
  }
  return id;
}

/** Sets or clears the bit of `slot` in the bitsets of the short prefixes of token `id`. */
function markShortPrefixes(index: CaseSearchIndex, id: number, slot: number, on: boolean): void {
  const word = slot >>> 5;
  const bit = 1 << (slot & 31);
  for (let which = 0; which < shortPrefixLength; which++) {
    const at = index.tokenPrefixes[2 * id + which] as number;
    if (at < 0) continue;
    let bits = index.prefixBits[at] as Uint32Array;
    if (word >= bits.length) {
      if (!on) continue; // the bit was never set
      bits = index.prefixBits[at] = grown(bits, word + 1, 0);
    }
    if (on) bits[word]! |= bit;
    else bits[word]! &= ~bit;
  }
}

/**
 * Adds tokens to the case at `slot`: to its postings, its short prefixes and `tokenIds`. Tokens
 * new to the index are pushed to `newTokens`, for the caller to merge into the vocabulary.
 * `lastSlot` must already mark every token the case has.
 */
function post(index: CaseSearchIndex, slot: number, tokens: readonly string[], tokenIds: number[], newTokens: string[]): void {
  for (const token of tokens) {
    const id = idOf(index, token, newTokens);
    if (index.lastSlot[id] === slot) continue;
    index.lastSlot[id] = slot;
    tokenIds.push(id);
    (index.postings[id] as number[]).push(slot);
    markShortPrefixes(index, id, slot, true);
  }
}

/** Builds the entry for a case from its own texts and `extraTokens`, and adds it to the index at `slot`. */
function addCase(index: CaseSearchIndex, slot: number, record: CaseRecord, extraTokens: readonly string[], newTokens: string[]): void {
  const tokenIds: number[] = [];
  for (const text of [record.code, record.alias ?? '', ...record.tags]) post(index, slot, tokenize(text), tokenIds, newTokens);
  post(index, slot, extraTokens, tokenIds, newTokens);
  index.entries[slot] = {
    caseId: record.id,
    status: record.status,
    foldedTags: new Set(record.tags.map(foldText)),
    exploitationTypes: record.profile.exploitationTypes,
    createdMs: Date.parse(record.createdAt),
    statusMs: Date.parse(statusDate(record)),
    updatedMs: Date.parse(record.updatedAt),
    code: record.code,
    tokenIds,
  };
  index.slotOfCase.set(record.id, slot);
}

/** Notes or checklists by the case they belong to. */
export function groupByCase<T extends { caseId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.caseId);
    if (group) group.push(record);
    else groups.set(record.caseId, [record]);
  }
  return groups;
}

function emptyIndex(): CaseSearchIndex {
  return {
    entries: [],
    slotOfCase: new Map(),
    freeSlots: [],
    tokenIds: new Map(),
    tokens: [],
    postings: [],
    vocabulary: [],
    shortPrefixes: new Map(),
    prefixBits: [],
    tokenPrefixes: new Int32Array(2048).fill(-1),
    lastSlot: new Int32Array(1024).fill(-1),
    order: null,
    labelTokens: new Map(),
  };
}

/** Notes and checklists of cases not in `cases` are ignored. */
export function buildCaseSearchIndex(cases: readonly CaseRecord[], notes: readonly CaseNote[], checklists: readonly CaseChecklist[]): CaseSearchIndex {
  const notesByCase = groupByCase(notes);
  const checklistsByCase = groupByCase(checklists);
  const index = emptyIndex();
  const seen = new Set<string>();
  const items: CaseWithTokens[] = [];
  for (const record of cases) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    const tokens = noteAndChecklistTokens(record.id, notesByCase.get(record.id) ?? [], checklistsByCase.get(record.id) ?? [], index.labelTokens);
    items.push({ record, tokens });
  }
  setCasesInIndex(index, items);
  return index;
}

/** First position in the sorted vocabulary whose token is not less than `token`. */
function lowerBound(vocabulary: readonly string[], token: string): number {
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((vocabulary[middle] as string) < token) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Takes a case's tokens out of the postings; ids of tokens left without any case are pushed to `emptied`. */
function takeOut(index: CaseSearchIndex, slot: number, emptied: number[]): void {
  const entry = index.entries[slot];
  if (!entry) return;
  for (const id of entry.tokenIds) {
    const posting = index.postings[id] as number[];
    const at = posting.indexOf(slot);
    posting[at] = posting[posting.length - 1] as number;
    posting.pop();
    index.lastSlot[id] = -1;
    markShortPrefixes(index, id, slot, false);
    if (posting.length === 0) emptied.push(id);
  }
  index.entries[slot] = undefined;
}

/**
 * Drops the tokens that no case uses any more and merges the new ones into the sorted vocabulary:
 * one pass over it per batch of changes, however many tokens come and go.
 */
function settleVocabulary(index: CaseSearchIndex, emptied: readonly number[], added: string[]): void {
  const dropped = new Set<string>();
  for (const id of emptied) {
    const token = index.tokens[id] as string;
    // Emptied, then given back to a case of the same batch: still in use.
    if ((index.postings[id] as number[]).length > 0 || token === '') continue;
    dropped.add(token);
    index.tokenIds.delete(token);
    index.tokens[id] = '';
  }
  if (dropped.size === 0 && added.length === 0) return;
  // A token new in this batch is dropped again when a later item of the batch replaces its only case.
  const incoming = (dropped.size === 0 ? added : added.filter((token) => !dropped.has(token))).sort();
  const merged: string[] = [];
  let next = 0;
  for (const token of index.vocabulary) {
    if (dropped.has(token)) continue;
    while (next < incoming.length && (incoming[next] as string) < token) merged.push(incoming[next++] as string);
    merged.push(token);
  }
  while (next < incoming.length) merged.push(incoming[next++] as string);
  index.vocabulary = merged;
}

/**
 * Puts cases in the index, each with its own texts (code, alias, tags) and the given tokens of its
 * notes and checklists, replacing what the index held for them. Mutates the index. Changing many
 * cases in one call is much cheaper than one call each.
 */
export function setCasesInIndex(index: CaseSearchIndex, items: readonly CaseWithTokens[]): void {
  const emptied: number[] = [];
  const added: string[] = [];
  for (const { record, tokens } of items) {
    const existing = index.slotOfCase.get(record.id);
    if (existing !== undefined) takeOut(index, existing, emptied);
    addCase(index, existing ?? index.freeSlots.pop() ?? index.entries.length, record, tokens, added);
  }
  settleVocabulary(index, emptied, added);
  index.order = null;
}

/**
 * Puts one case's current texts in the index (added or edited case, note or checklist). Pass the
 * case's notes and checklists; records of other cases are ignored. Mutates the index.
 */
export function updateCaseInIndex(
  index: CaseSearchIndex,
  record: CaseRecord,
  notes: readonly CaseNote[],
  checklists: readonly CaseChecklist[],
  /** Follow-up titles, and attached files' names and captions. */
  titled: readonly { caseId: string; title: string }[] = [],
): void {
  const tokens = noteAndChecklistTokens(record.id, notes, checklists, index.labelTokens);
  for (const item of titled) if (item.caseId === record.id) tokens.push(...tokenize(item.title));
  setCasesInIndex(index, [{ record, tokens }]);
}

/**
 * Adds tokens to cases already in the index, e.g. the words of their notes and checklists to an
 * index built from codes, aliases and tags: unlike `setCasesInIndex`, nothing is taken out first,
 * which for a word in most cases ("wp", a year) means a scan of its whole posting. Cases not in the
 * index are ignored. Mutates the index.
 */
export function addTokensToCases(index: CaseSearchIndex, items: readonly { caseId: string; tokens: readonly string[] }[]): void {
  const added: string[] = [];
  for (const { caseId, tokens } of items) {
    const slot = index.slotOfCase.get(caseId);
    const entry = slot === undefined ? undefined : index.entries[slot];
    if (slot === undefined || !entry) continue;
    for (const id of entry.tokenIds) index.lastSlot[id] = slot;
    post(index, slot, tokens, entry.tokenIds, added);
  }
  settleVocabulary(index, [], added);
}

export function removeCaseFromIndex(index: CaseSearchIndex, caseId: string): void {
  const slot = index.slotOfCase.get(caseId);
  if (slot === undefined) return;
  const emptied: number[] = [];
  takeOut(index, slot, emptied);
  settleVocabulary(index, emptied, []);
  index.slotOfCase.delete(caseId);
  index.freeSlots.push(slot);
  index.order = null;
}

function orderOf(index: CaseSearchIndex): number[] {
  if (!index.order) {
    const slots: number[] = [];
    index.entries.forEach((entry, slot) => {
      if (entry) slots.push(slot);
    });
    index.order = slots.sort((a, b) => {
      const left = index.entries[a] as CaseEntry;
      const right = index.entries[b] as CaseEntry;
      return right.updatedMs - left.updatedMs || (left.code < right.code ? -1 : left.code > right.code ? 1 : 0);
    });
  }
  return index.order;
}

/** Bitset of the slots of cases with a token starting with `prefix`. */
function casesWithPrefix(index: CaseSearchIndex, prefix: string, words: number): Uint32Array {
  const bits = new Uint32Array(words);
  if (prefix.length <= shortPrefixLength) {
    const at = index.shortPrefixes.get(prefix);
    if (at !== undefined) bits.set((index.prefixBits[at] as Uint32Array).subarray(0, words));
    return bits;
  }
  const { vocabulary, postings, tokenIds } = index;
  for (let at = lowerBound(vocabulary, prefix); at < vocabulary.length; at++) {
    const token = vocabulary[at] as string;
    if (!token.startsWith(prefix)) break;
    for (const slot of postings[tokenIds.get(token) as number] as number[]) bits[slot >>> 5]! |= 1 << (slot & 31);
  }
  return bits;
}

/** Query words, minus any that is a prefix of another (whatever matches the longer matches it too). */
function queryWords(query: string): string[] {
  const words = [...new Set(tokenize(query))].slice(0, maxQueryWords);
  return words.filter((word) => !words.some((other) => other !== word && other.startsWith(word)));
}

function passesFilters(entry: CaseEntry, filters: CaseSearchFilters, from: number, to: number, tag: string | null): boolean {
  if (filters.statuses && !filters.statuses.includes(entry.status)) return false;
  if (tag !== null && !entry.foldedTags.has(tag)) return false;
  if (filters.exploitationType && !entry.exploitationTypes.includes(filters.exploitationType)) return false;
  if (filters.dateRange) {
    const date = filters.dateRange.field === 'createdAt' ? entry.createdMs : entry.statusMs;
    if (date < from || date > to) return false;
  }
  return true;
}

function bound(iso: string | undefined, fallback: number): number {
  const value = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(value) ? value : fallback;
}

/**
 * Ids of the cases matching every word of the query (as a prefix of a word in the case's code,
 * alias, tags, notes or checklist answers, ignoring case and accents) and every filter, most
 * recently updated first. An empty query matches every case that passes the filters.
 */
export function searchCases(index: CaseSearchIndex, query: string, filters: CaseSearchFilters = {}): string[] {
  const words = Math.ceil(index.entries.length / 32);
  let matches: Uint32Array | null = null;
  for (const word of queryWords(query)) {
    const withWord = casesWithPrefix(index, word, words);
    if (matches) for (let i = 0; i < words; i++) matches[i]! &= withWord[i]!;
    else matches = withWord;
  }
  const from = bound(filters.dateRange?.from, -Infinity);
  const to = bound(filters.dateRange?.to, Infinity);
  const tag = filters.tag === undefined ? null : foldText(filters.tag);
  const ids: string[] = [];
  for (const slot of orderOf(index)) {
    if (matches && (matches[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
    const entry = index.entries[slot] as CaseEntry;
    if (passesFilters(entry, filters, from, to, tag)) ids.push(entry.caseId);
  }
  return ids;
}
