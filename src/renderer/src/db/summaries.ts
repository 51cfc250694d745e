/**
 * Summaries the store keeps of a table, each one encrypted record of the derived table `summaries`: what a
 * screen needs of every record, read and decrypted at once instead of every record (the agenda's first
 * screen and the unlock banner read 50,000 follow-ups this way, docs/performance.md). The store updates a
 * summary in the same transaction as every write and deletion of its table, and checks it against the
 * table's ids at every read: one that is missing, unreadable, of another format, or whose ids are not the
 * table's, is made again from the records. docs/records-format.md, "Summaries".
 */
// The modules themselves, not the follow-ups' index: the store is in the first screen's JavaScript, and the
// index would bring zod, the legal suggestions and the calendar export with it.
import type { AgendaItem } from '@shared/followups/agenda';
import { isFollowUp } from '@shared/followups/kinds';
import { agendaItemOf, decodeAgendaItems, encodeAgendaItems } from '@shared/followups/summary';
import type { RecordResult } from './cipher';

/** Bump when what a summary record holds changes: a summary of another format is rebuilt, never read. */
// 2: the agenda summary packed in columns of fixed width (summary.ts); a summary of format 1 is rebuilt at its first read.
export const summaryFormat = 2;

export interface KeptSummary<Entry> {
  /** The table summarised. */
  readonly table: string;
  /** The summary record's id in `summaries`. */
  readonly id: string;
  /** What is kept of one decrypted record; null for data that is not one (counted as unreadable, as the table's readers count it). */
  entryOf(data: unknown): Entry | null;
  /** The entries, in the order of the ids kept beside them, as JSON. */
  encode(entries: readonly Entry[]): unknown;
  /** `encode`'s output back, one entry per id; null when it is not that. */
  decode(encoded: unknown, ids: readonly string[]): Entry[] | null;
}

/** The summary's record, encrypted like every other. A stale one says only that it must be made again. */
export type SummaryData = { format: number; table: string; stale: false; ids: string[]; unreadable: string[]; body: unknown } | { format: number; table: string; stale: true };

/** A summary once read: the readable records' ids sorted as IndexedDB sorts its keys, their entries in that order, the rest's ids. */
export interface SummaryState<Entry> {
  readonly ids: readonly string[];
  readonly entries: readonly Entry[];
  readonly unreadable: readonly string[];
}

export interface SummaryRead<Entry> extends SummaryState<Entry> {
  /** Whether it had to be made again from the records (missing, unreadable, stale, or not matching the table). */
  readonly rebuilt: boolean;
}

/** Every follow-up's date, kind, status and case for the agenda's buckets and the unlock banner; no title. */
export const agendaSummary: KeptSummary<AgendaItem> = {
  table: 'followUps',
  id: 'agenda',
  entryOf: (data) => (isFollowUp(data) ? agendaItemOf(data) : null),
  encode: encodeAgendaItems,
  decode: decodeAgendaItems,
};

/** The summaries the app's store keeps. */
export const keptSummaries: readonly KeptSummary<unknown>[] = [agendaSummary as KeptSummary<unknown>];

export const emptySummary: SummaryState<never> = { ids: [], entries: [], unreadable: [] };

/** IndexedDB orders string keys by UTF-16 code units, as `sort()` does: the ids are kept in that order. */
function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** A summary from every record of its table (as `list` returns them). */
export function summaryOf<Entry>(spec: KeptSummary<Entry>, results: readonly RecordResult<unknown>[]): SummaryState<Entry> {
  const byId = new Map<string, Entry>();
  const unreadable: string[] = [];
  for (const result of results) {
    const entry = result.error === undefined ? spec.entryOf(result.data) : null;
    if (entry === null) unreadable.push(result.id);
    else byId.set(result.id, entry);
  }
  const ids = sortedIds(byId.keys());
  return { ids, entries: ids.map((id) => byId.get(id)!), unreadable: sortedIds(unreadable) };
}

/** A summary after records were written (`puts`) and then others deleted, as a write of the store does them. */
export function applyToSummary<Entry>(
  spec: KeptSummary<Entry>,
  base: SummaryState<Entry>,
  puts: readonly { id: string; data: unknown }[],
  deletes: readonly string[],
): SummaryState<Entry> {
  const byId = new Map<string, Entry>();
  base.ids.forEach((id, at) => byId.set(id, base.entries[at]!));
  const unreadable = new Set(base.unreadable);
  for (const { id, data } of puts) {
    const entry = spec.entryOf(data);
    if (entry === null) {
      byId.delete(id);
      unreadable.add(id);
    } else {
      unreadable.delete(id);
      byId.set(id, entry);
    }
  }
  for (const id of deletes) {
    byId.delete(id);
    unreadable.delete(id);
  }
  const ids = sortedIds(byId.keys());
  return { ids, entries: ids.map((id) => byId.get(id)!), unreadable: sortedIds(unreadable) };
}

export function summaryData<Entry>(spec: KeptSummary<Entry>, state: SummaryState<Entry> | null): SummaryData {
  if (state === null) return { format: summaryFormat, table: spec.table, stale: true };
  return { format: summaryFormat, table: spec.table, stale: false, ids: [...state.ids], unreadable: [...state.unreadable], body: spec.encode(state.entries) };
}

/** A decrypted summary record back; null when it is stale, of another format or table, or malformed. */
export function summaryFromData<Entry>(spec: KeptSummary<Entry>, data: unknown): SummaryState<Entry> | null {
  const d = data as Partial<{ format: unknown; table: unknown; stale: unknown; ids: unknown; unreadable: unknown; body: unknown }> | null;
  if (typeof d !== 'object' || d === null || d.format !== summaryFormat || d.table !== spec.table || d.stale !== false) return null;
  if (!Array.isArray(d.ids) || !Array.isArray(d.unreadable) || !d.ids.every((id) => typeof id === 'string') || !d.unreadable.every((id) => typeof id === 'string')) return null;
  const ids = d.ids as string[];
  const entries = spec.decode(d.body, ids);
  return entries === null ? null : { ids, entries, unreadable: d.unreadable as string[] };
}

/** Whether a summary's ids are exactly the table's keys (sorted, as IndexedDB returns them). */
export function matchesKeys(state: SummaryState<unknown>, keys: readonly string[]): boolean {
  const { ids, unreadable } = state;
  if (keys.length !== ids.length + unreadable.length) return false;
  let i = 0;
  let u = 0;
  for (const key of keys) {
    if (ids[i] === key) i++;
    else if (unreadable[u] === key) u++;
    else return false;
  }
  return true;
}
