/**
 * The cases feature's view of the encrypted store: decrypted cases in memory, the in-memory search
 * index, and every write (cases, notes, deleting a case with its notes and checklists).
 *
 * Loading is staged so the list is on screen quickly and typing never waits for what follows:
 * 1. the newest cases, enough for the list's first page, and the number of cases (rows: nothing
 *    else is decrypted; statuses are inside the ciphertext, so counts by status wait for step 2);
 * 2. after that paint, every case is read and decrypted in batches, and an index over codes,
 *    aliases and tags is built in idle slices;
 * 3. meanwhile a Web Worker reads, decrypts and splits every note and checklist (seconds for
 *    10,000 cases), and the page adds their words to the index in idle slices.
 */
import { useEffect, useSyncExternalStore } from 'react';
import {
  addTokensToCases,
  buildCaseSearchIndex,
  caseIndexValues,
  countCasesByStatus,
  noteIndexValues,
  removeCaseFromIndex,
  setCasesInIndex,
  sortCasesByUpdated,
  updateCaseInIndex,
  type CaseNote,
  type CaseRecord,
  type CaseSearchIndex,
  type CaseStatus,
} from '@shared/cases';
import { isAttachment } from '@shared/attachments';
import { isFollowUp } from '@shared/followups';
import { readCaseRecords, type RecordResult, type WaypointStore } from '../../db';
import { RECORDS_RESTORED_EVENT } from '../../db/events';
import { useVault } from '../vault';
import { deleteCaseRecords, deleteNoteRecords } from './case-records';
import { isCaseRecord, isChecklist, isNote, readable } from './shapes';
import { collectCaseTokens, tokensOfCase, type CaseTokens } from './text-index';
import type { TextIndexReply } from './text-index-worker';

type Store = WaypointStore;

/** Rows on a page of the case list; the first page is what the list shows before every case is read. */
export const casesPerPage = 50;

/** Cases decrypted per batch after the first page: small enough that no batch is a long task. */
const caseBatchSize = 1_000;

/** Cases put in the index per step of an idle slice: a few milliseconds of work. */
const indexStep = 64;

/** none: no index yet; cases: codes, aliases and tags; full: notes and checklists too. */
export type IndexStage = 'none' | 'cases' | 'full';

export interface CaseCounts {
  all: number;
  /** null until every case is read: a status is only known once its case is decrypted. */
  byStatus: Record<CaseStatus, number> | null;
}

export interface CasesSnapshot {
  status: 'loading' | 'ready' | 'error';
  /**
   * Whether every case has been read. Until then (a moment after the first paint) `cases` holds
   * only the most recently updated cases, enough for the list's first page, and there is no index.
   */
  complete: boolean;
  cases: readonly CaseRecord[];
  byId: ReadonlyMap<string, CaseRecord>;
  /** Until `complete`, `all` counts the rows (a row that turns out unreadable is still in it) and `byStatus` is null. */
  counts: CaseCounts;
  /** Ids of rows that could not be decrypted or are not a case. */
  unreadable: readonly string[];
  index: CaseSearchIndex | null;
  indexStage: IndexStage;
  /** Bumped whenever the index changes in place, so views recompute their results. */
  indexVersion: number;
}

export interface ListNotice {
  kind: 'deleted';
  code: string;
}

export type NoteResult = { note: CaseNote } | { unreadableId: string };

/** Runs `step` in idle time until it returns false, then resolves; `step` works while its argument says there is time. */
function inIdleSlices(step: (hasTime: () => boolean) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const run = (idle: IdleDeadline) => {
      if (step(() => idle.timeRemaining() > 1)) requestIdleCallback(run, { timeout: 100 });
      else resolve();
    };
    requestIdleCallback(run, { timeout: 100 });
  });
}

/** Resolves after the next paint: requestAnimationFrame runs before it, the timeout after it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function casesOf(results: readonly RecordResult<unknown>[]): { cases: CaseRecord[]; unreadable: string[] } {
  const cases: CaseRecord[] = [];
  const unreadable: string[] = [];
  for (const result of results) {
    if (!result.error && isCaseRecord(result.data)) cases.push(result.data);
    else unreadable.push(result.id);
  }
  return { cases, unreadable };
}

/**
 * The words of every note and checklist, collected in a Web Worker that opens the store with the
 * same key handle. A worker that cannot start must not leave notes unsearchable: then on this page.
 */
function collectInWorker(store: Store): Promise<CaseTokens> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./text-index-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<TextIndexReply>) => {
      worker.terminate();
      if ('tokens' in event.data) resolve(event.data.tokens);
      else reject(new Error('The text index worker could not read the notes and checklists.'));
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      collectCaseTokens(store).then(resolve, reject);
    });
    worker.postMessage(store.handle());
  });
}

const emptySnapshot: CasesSnapshot = {
  status: 'loading',
  complete: false,
  cases: [],
  byId: new Map(),
  counts: { all: 0, byStatus: countCasesByStatus([]) },
  unreadable: [],
  index: null,
  indexStage: 'none',
  indexVersion: 0,
};

export class CaseRepository {
  readonly #store: Store;
  #snapshot: CasesSnapshot = emptySnapshot;
  readonly #listeners = new Set<() => void>();
  /** Stage 1, once (again after a failure). */
  #firstPage: Promise<void> | null = null;
  /** Stage 2, once (again after a failure); stage 3 follows it. */
  #rest: Promise<void> | null = null;
  /** Cases whose index entry already holds their current notes and checklists. */
  readonly #indexedInFull = new Set<string>();
  /** Cases whose notes or checklists changed before there was an index. */
  readonly #refreshLater = new Set<string>();
  #notice: ListNotice | null = null;

  constructor(store: Store) {
    this.#store = store;
  }

  /** A message for the list to show once, e.g. after a case page deleted its case. */
  leaveNotice(notice: ListNotice): void {
    this.#notice = notice;
  }

  get notice(): ListNotice | null {
    return this.#notice;
  }

  clearNotice(): void {
    this.#notice = null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): CasesSnapshot => this.#snapshot;

  #set(patch: Partial<CasesSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }

  /** Every case is in memory: counts come from the decrypted cases. */
  #setCases(cases: readonly CaseRecord[], patch: Partial<CasesSnapshot> = {}): void {
    this.#set({
      cases,
      byId: new Map(cases.map((record) => [record.id, record])),
      counts: { all: cases.length, byStatus: countCasesByStatus(cases) },
      ...patch,
    });
  }

  /** Reads the newest cases, enough for the list's first page; after a failure, tries again. Never rejects: see `status`. */
  load(): Promise<void> {
    this.#firstPage ??= this.#loadFirstPage().catch(() => {
      this.#firstPage = null;
      this.#set({ status: 'error' });
    });
    return this.#firstPage;
  }

  /**
   * Reads every case (and has the notes and checklists indexed after that, in the background).
   * Pages call it once they have shown what `load` read, so decrypting the rest never delays
   * their first paint.
   */
  loadAll(): Promise<void> {
    this.#rest ??= (async () => {
      let tokens: Promise<CaseTokens>;
      try {
        await this.load();
        if (this.#snapshot.status !== 'ready') throw new Error('The newest cases could not be read.');
        await afterPaint();
        // The worker reads the notes and checklists while this page reads the cases.
        tokens = collectInWorker(this.#store);
        tokens.catch(() => undefined); // handled where it is awaited; this page may fail first
        await this.#readEveryCase();
      } catch {
        this.#firstPage = null;
        this.#rest = null;
        this.#set({ status: 'error' });
        return;
      }
      void this.#indexNotesAndChecklists(tokens);
    })();
    return this.#rest;
  }

  /** Stage 1: the newest cases and the counts, with nothing else decrypted. */
  async #loadFirstPage(): Promise<void> {
    const [newest, all] = await Promise.all([this.#store.listNewest('cases', casesPerPage), this.#store.count('cases')]);
    const { cases, unreadable } = casesOf(newest);
    // The rows come by the day of the store's updatedAt, which saveCase sets to the case's own, with
    // every case of the last day read; sorting here orders them as the full list does.
    const firstPage = sortCasesByUpdated(cases).slice(0, casesPerPage);
    this.#set({
      status: 'ready',
      cases: firstPage,
      byId: new Map(firstPage.map((record) => [record.id, record])),
      counts: { all, byStatus: null },
      unreadable,
    });
  }

  /** Stage 2: every case, a batch at a time, then (in idle slices) the index over codes, aliases and tags. */
  async #readEveryCase(): Promise<void> {
    const cases: CaseRecord[] = [];
    const unreadable: string[] = [];
    for await (const batch of this.#store.listInBatches('cases', caseBatchSize)) {
      const read = casesOf(batch);
      cases.push(...read.cases);
      unreadable.push(...read.unreadable);
    }
    const index = buildCaseSearchIndex([], [], []);
    let next = 0;
    await inIdleSlices((hasTime) => {
      while (next < cases.length && hasTime()) {
        setCasesInIndex(
          index,
          cases.slice(next, next + indexStep).map((record) => ({ record, tokens: [] })),
        );
        next += indexStep;
      }
      return next < cases.length;
    });
    this.#setCases(cases, { complete: true, unreadable, index, indexStage: 'cases', indexVersion: this.#snapshot.indexVersion + 1 });
    // Notes and checklists changed before there was an index: indexed now, with what they hold now.
    for (const caseId of this.#refreshLater) void this.refreshIndexOf(caseId);
    this.#refreshLater.clear();
  }

  /** Stage 3: the words of notes and checklists from the worker, added to the index in idle slices. */
  async #indexNotesAndChecklists(collected: Promise<CaseTokens>): Promise<void> {
    const { index } = this.#snapshot;
    let tokens: CaseTokens;
    try {
      tokens = await collected;
    } catch {
      return; // Codes, aliases and tags stay searchable; the list says notes are not.
    }
    if (!index) return;
    // Cases added since are indexed in full when saved; deleted ones are skipped.
    const { caseIds } = tokens;
    let next = 0;
    await inIdleSlices((hasTime) => {
      while (next < caseIds.length && hasTime()) {
        const items: Array<{ caseId: string; tokens: string[] }> = [];
        for (let position = next; position < Math.min(next + indexStep, caseIds.length); position++) {
          const caseId = caseIds[position] as string;
          // A case edited since the worker read it has been indexed with its current notes already.
          if (!this.#indexedInFull.has(caseId)) items.push({ caseId, tokens: tokensOfCase(tokens, position) });
        }
        next += indexStep;
        addTokensToCases(index, items);
      }
      return next < caseIds.length;
    });
    performance.mark('waypoint:case-index-ready');
    this.#set({ indexStage: 'full', indexVersion: this.#snapshot.indexVersion + 1 });
  }

  /** Puts a case's current notes, checklists and follow-up titles in the index (after an edit here or in a panel of the case). */
  async refreshIndexOf(caseId: string): Promise<void> {
    const { index } = this.#snapshot;
    if (!index) {
      this.#refreshLater.add(caseId);
      return;
    }
    const record = this.#snapshot.byId.get(caseId);
    if (!record) return;
    const [notes, checklists, followUps, attachments] = await Promise.all([
      this.listNotes(caseId),
      this.#store.list('checklists', { caseId }),
      readCaseRecords(this.#store, 'followUps', isFollowUp, caseId),
      readCaseRecords(this.#store, 'attachments', isAttachment, caseId),
    ]);
    const current = this.#snapshot.byId.get(caseId);
    if (!current) return; // deleted meanwhile
    const caseNotes = notes.flatMap((result) => ('note' in result ? [result.note] : []));
    const files = attachments.records.map((file) => ({ caseId: file.caseId, title: `${file.name} ${file.caption}` }));
    updateCaseInIndex(index, current, caseNotes, readable(checklists, isChecklist), [...followUps.records, ...files]);
    this.#indexedInFull.add(caseId);
    this.#set({ indexVersion: this.#snapshot.indexVersion + 1 });
  }

  /** Writes wait until every case is in memory, so a batch read before a write cannot undo it there. */
  async #whenAllRead(): Promise<void> {
    await this.loadAll();
    if (!this.#snapshot.complete) throw new Error('The cases could not be read.');
  }

  async saveCase(record: CaseRecord): Promise<void> {
    await this.#whenAllRead();
    // The store's updatedAt is the case's own, so the newest cases can be read first at the next unlock.
    await this.#store.save('cases', { id: record.id, kind: 'case', index: caseIndexValues(record), data: record, updatedAt: Date.parse(record.updatedAt) });
    const exists = this.#snapshot.byId.has(record.id);
    const cases = exists ? this.#snapshot.cases.map((other) => (other.id === record.id ? record : other)) : [...this.#snapshot.cases, record];
    this.#setCases(cases);
    if (this.#snapshot.index) {
      // Notes and checklists of a new case are none; an existing one's are re-read.
      if (exists) await this.refreshIndexOf(record.id);
      else {
        updateCaseInIndex(this.#snapshot.index, record, [], []);
        this.#indexedInFull.add(record.id);
        this.#set({ indexVersion: this.#snapshot.indexVersion + 1 });
      }
    }
  }

  async deleteCase(caseId: string): Promise<void> {
    await this.#whenAllRead();
    await deleteCaseRecords(this.#store, caseId);
    const { index } = this.#snapshot;
    if (index) removeCaseFromIndex(index, caseId);
    this.#indexedInFull.delete(caseId);
    this.#setCases(
      this.#snapshot.cases.filter((record) => record.id !== caseId),
      { indexVersion: this.#snapshot.indexVersion + 1 },
    );
  }

  /** Newest first. */
  async listNotes(caseId: string): Promise<NoteResult[]> {
    const results = await this.#store.list('notes', { caseId });
    const notes: NoteResult[] = results.map((result) => (!result.error && isNote(result.data) ? { note: result.data } : { unreadableId: result.id }));
    const time = (result: NoteResult) => ('note' in result ? Date.parse(result.note.createdAt) : Infinity);
    return notes.sort((a, b) => time(b) - time(a));
  }

  async saveNote(note: CaseNote): Promise<void> {
    await this.#store.save('notes', { id: note.id, kind: 'note', index: noteIndexValues(note), data: note });
    await this.refreshIndexOf(note.caseId);
  }

  /** Deletes a note, and with it the files attached to it that the caseworker chose to delete too (the others stay with the case). */
  async deleteNote(note: CaseNote, files: readonly { id: string; blob: { id: string } }[]): Promise<void> {
    await deleteNoteRecords(this.#store, note.id, files);
    await this.refreshIndexOf(note.caseId);
  }

  /** Every readable note of these cases, for the CSV export. */
  async notesOf(caseIds: ReadonlySet<string>): Promise<CaseNote[]> {
    return readable(await this.#store.list('notes'), isNote).filter((note) => caseIds.has(note.caseId));
  }
}

// One repository per unlocked store; locking reloads the page, which drops it with the key. A
// restore rewrites records under the store, so the next cases page starts a repository afresh.
let repositories = new WeakMap<Store, CaseRepository>();
window.addEventListener(RECORDS_RESTORED_EVENT, () => {
  repositories = new WeakMap();
});

export function useCaseRepository(): CaseRepository {
  const { store } = useVault();
  let repository = repositories.get(store);
  if (!repository) {
    repository = new CaseRepository(store);
    repositories.set(store, repository);
    // Reading starts with the first render of a cases page: an effect would run only once the
    // loading state has painted, and the first page can be read while it paints.
    void repository.load();
  }
  return repository;
}

/** The cases in memory, loading them on first use. */
export function useCases(): { repository: CaseRepository; snapshot: CasesSnapshot } {
  const repository = useCaseRepository();
  const snapshot = useSyncExternalStore(repository.subscribe, repository.getSnapshot);
  // A page opened after reading failed tries again.
  useEffect(() => {
    void repository.load();
  }, [repository]);
  // Runs once this page has rendered the newest cases: the rest is read after that paint.
  useEffect(() => {
    if (snapshot.status === 'ready') void repository.loadAll();
  }, [repository, snapshot.status]);
  return { repository, snapshot };
}
