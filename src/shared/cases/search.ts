import { itemsById } from '../checklists/answers';
import type { ChecklistItem, ChecklistTemplate } from '../checklists/schema';
import { foldText, tokenize } from './fold';
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
  tokenIds: readonly number[];
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
  readonly vocabulary: string[];
  /** Per token id, the last slot that added it: dedupes a case's tokens without a Set per case. */
  lastSlot: Int32Array;
  /** Slots, most recently updated first; rebuilt lazily after an edit. */
  order: number[] | null;
  /** Option labels repeat in every checklist made from a template: each is tokenized once. */
  readonly labelTokens: Map<string, string[]>;
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

function tokensOfLabel(index: CaseSearchIndex, label: string): string[] {
  let tokens = index.labelTokens.get(label);
  if (!tokens) {
    tokens = tokenize(label);
    index.labelTokens.set(label, tokens);
  }
  return tokens;
}

/** Tokens a caseworker may search for: typed answers, answer notes and chosen option labels. */
function checklistTokens(index: CaseSearchIndex, checklist: CaseChecklist): string[] {
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
      for (const option of item.options) if (chosen.includes(option.id)) tokens.push(...tokensOfLabel(index, option.label));
    }
  }
  return tokens;
}

/**
 * Builds the entry for a case and adds it to the postings at `slot`. New tokens are appended to
 * the vocabulary unsorted; the caller sorts (build) or inserts them in place (update).
 */
function addCase(
  index: CaseSearchIndex,
  slot: number,
  record: CaseRecord,
  notes: readonly CaseNote[],
  checklists: readonly CaseChecklist[],
  newTokens: string[],
): void {
  const texts = [record.code, record.alias ?? '', ...record.tags, ...notes.map((note) => note.text)];
  const tokenLists = [...texts.map(tokenize), ...checklists.map((checklist) => checklistTokens(index, checklist))];
  const tokenIds: number[] = [];
  for (const tokens of tokenLists) {
    for (const token of tokens) {
      let id = index.tokenIds.get(token);
      if (id === undefined) {
        id = index.postings.length;
        index.tokenIds.set(token, id);
        index.tokens.push(token);
        index.postings.push([]);
        newTokens.push(token);
        if (id >= index.lastSlot.length) {
          const grown = new Int32Array(index.lastSlot.length * 2).fill(-1);
          grown.set(index.lastSlot);
          index.lastSlot = grown;
        }
      }
      if (index.lastSlot[id] === slot) continue;
      index.lastSlot[id] = slot;
      tokenIds.push(id);
      (index.postings[id] as number[]).push(slot);
    }
  }
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

/** Notes and checklists of cases not in `cases` are ignored. */
export function buildCaseSearchIndex(
  cases: readonly CaseRecord[],
  notes: readonly CaseNote[],
  checklists: readonly CaseChecklist[],
): CaseSearchIndex {
  const notesByCase = groupByCase(notes);
  const checklistsByCase = groupByCase(checklists);
  const index: CaseSearchIndex = {
    entries: [],
    slotOfCase: new Map(),
    freeSlots: [],
    tokenIds: new Map(),
    tokens: [],
    postings: [],
    vocabulary: [],
    lastSlot: new Int32Array(1024).fill(-1),
    order: null,
    labelTokens: new Map(),
  };
  for (const record of cases) {
    if (index.slotOfCase.has(record.id)) continue;
    addCase(index, index.entries.length, record, notesByCase.get(record.id) ?? [], checklistsByCase.get(record.id) ?? [], index.vocabulary);
  }
  index.vocabulary.sort();
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

function takeOut(index: CaseSearchIndex, slot: number): void {
  const entry = index.entries[slot];
  if (!entry) return;
  for (const id of entry.tokenIds) {
    const posting = index.postings[id] as number[];
    const at = posting.indexOf(slot);
    posting[at] = posting[posting.length - 1] as number;
    posting.pop();
    index.lastSlot[id] = -1;
    if (posting.length === 0) {
      const token = index.tokens[id] as string;
      index.vocabulary.splice(lowerBound(index.vocabulary, token), 1);
      index.tokenIds.delete(token);
      index.tokens[id] = '';
    }
  }
  index.entries[slot] = undefined;
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
): void {
  const existing = index.slotOfCase.get(record.id);
  if (existing !== undefined) takeOut(index, existing);
  const slot = existing ?? index.freeSlots.pop() ?? index.entries.length;
  const newTokens: string[] = [];
  addCase(
    index,
    slot,
    record,
    notes.filter((note) => note.caseId === record.id),
    checklists.filter((checklist) => checklist.caseId === record.id),
    newTokens,
  );
  for (const token of newTokens) index.vocabulary.splice(lowerBound(index.vocabulary, token), 0, token);
  index.order = null;
}

export function removeCaseFromIndex(index: CaseSearchIndex, caseId: string): void {
  const slot = index.slotOfCase.get(caseId);
  if (slot === undefined) return;
  takeOut(index, slot);
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
