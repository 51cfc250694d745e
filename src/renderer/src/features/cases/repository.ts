/**
 * The cases feature's view of the encrypted store: decrypted cases in memory, the in-memory search
 * index, and every write (cases, notes, deleting a case with its notes and checklists).
 *
 * Loading is staged so the list is on screen quickly: first the cases alone are decrypted and
 * shown; after that paint, an index over codes, aliases and tags is built; then notes and
 * checklists are decrypted and added to the index a few cases at a time in idle slices, so typing
 * never waits for the whole build (about 3 s for 10,000 cases).
 */
import { useEffect, useSyncExternalStore } from 'react';
import {
  buildCaseSearchIndex,
  caseIndexValues,
  caseStatuses,
  groupByCase,
  noteIndexValues,
  removeCaseFromIndex,
  updateCaseInIndex,
  type CaseChecklist,
  type CaseNote,
  type CaseRecord,
  type CaseSearchIndex,
} from '@shared/cases';
import type { RecordResult, RecordStore } from '../../db';
import { useVault } from '../vault/VaultContext';

type Store = RecordStore<Record<string, unknown>>;

/** none: no index yet; cases: codes, aliases and tags; full: notes and checklists too. */
export type IndexStage = 'none' | 'cases' | 'full';

export interface CasesSnapshot {
  status: 'loading' | 'ready' | 'error';
  cases: readonly CaseRecord[];
  byId: ReadonlyMap<string, CaseRecord>;
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

/** Cheap shape check on decrypted data: full schema validation of 10,000 cases would cost the list its first paint. */
function isCaseRecord(data: unknown): data is CaseRecord {
  const record = data as Partial<CaseRecord> | null;
  return (
    typeof record?.id === 'string' &&
    typeof record.code === 'string' &&
    (caseStatuses as readonly unknown[]).includes(record.status) &&
    Array.isArray(record.statusHistory) &&
    Array.isArray(record.tags) &&
    typeof record.profile === 'object' &&
    record.profile !== null &&
    typeof record.consent === 'object'
  );
}

function isNote(data: unknown): data is CaseNote {
  const note = data as Partial<CaseNote> | null;
  return typeof note?.id === 'string' && typeof note.text === 'string' && Array.isArray(note.history);
}

function readable<T>(results: readonly RecordResult<unknown>[], check: (data: unknown) => data is T): T[] {
  const values: T[] = [];
  for (const result of results) if (!result.error && check(result.data)) values.push(result.data);
  return values;
}

function isChecklist(data: unknown): data is CaseChecklist {
  const checklist = data as Partial<CaseChecklist> | null;
  return typeof checklist?.caseId === 'string' && typeof checklist.instance === 'object' && checklist.instance !== null;
}


/** Runs `step` in idle time until it returns false; each call should do a few milliseconds of work. */
function inIdleSlices(step: (deadline: () => boolean) => boolean, done: () => void): void {
  const run = (idle: IdleDeadline) => {
    if (step(() => idle.timeRemaining() > 1)) requestIdleCallback(run, { timeout: 100 });
    else done();
  };
  requestIdleCallback(run, { timeout: 100 });
}

export class CaseRepository {
  readonly #store: Store;
  #snapshot: CasesSnapshot = {
    status: 'loading',
    cases: [],
    byId: new Map(),
    unreadable: [],
    index: null,
    indexStage: 'none',
    indexVersion: 0,
  };
  readonly #listeners = new Set<() => void>();
  #loading: Promise<void> | null = null;
  /** Cases whose index entry already holds their current notes and checklists. */
  readonly #indexedInFull = new Set<string>();
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

  #setCases(cases: readonly CaseRecord[], patch: Partial<CasesSnapshot> = {}): void {
    this.#set({ cases, byId: new Map(cases.map((record) => [record.id, record])), ...patch });
  }

  load(): Promise<void> {
    this.#loading ??= (async () => {
      try {
        const results = await this.#store.list('cases');
        const cases: CaseRecord[] = [];
        const unreadable: string[] = [];
        for (const result of results) {
          if (!result.error && isCaseRecord(result.data)) cases.push(result.data);
          else unreadable.push(result.id);
        }
        this.#setCases(cases, { status: 'ready', unreadable });
        // requestAnimationFrame runs before the next paint; the timeout after it.
        requestAnimationFrame(() => setTimeout(() => void this.#buildIndex(), 0));
      } catch {
        this.#loading = null;
        this.#set({ status: 'error' });
      }
    })();
    return this.#loading;
  }

  async #buildIndex(): Promise<void> {
    const index = buildCaseSearchIndex(this.#snapshot.cases, [], []);
    this.#set({ index, indexStage: 'cases', indexVersion: this.#snapshot.indexVersion + 1 });
    let notesByCase: Map<string, CaseNote[]>;
    let checklistsByCase: Map<string, CaseChecklist[]>;
    try {
      const [notes, checklists] = await Promise.all([this.#store.list('notes'), this.#store.list('checklists')]);
      notesByCase = groupByCase(readable(notes, isNote));
      checklistsByCase = groupByCase(readable(checklists, isChecklist));
    } catch {
      return; // Codes, aliases and tags stay searchable; the list says notes are not.
    }
    let next = 0;
    inIdleSlices(
      (hasTime) => {
        const { cases } = this.#snapshot;
        while (next < cases.length && hasTime()) {
          const record = cases[next++]!;
          if (this.#indexedInFull.has(record.id)) continue;
          updateCaseInIndex(index, record, notesByCase.get(record.id) ?? [], checklistsByCase.get(record.id) ?? []);
          this.#indexedInFull.add(record.id);
        }
        return next < cases.length;
      },
      () => {
        performance.mark('waypoint:case-index-ready');
        this.#set({ indexStage: 'full', indexVersion: this.#snapshot.indexVersion + 1 });
      },
    );
  }

  /** Puts a case's current notes and checklists in the index (after an edit here or in the checklists panel). */
  async refreshIndexOf(caseId: string): Promise<void> {
    const { index } = this.#snapshot;
    const record = this.#snapshot.byId.get(caseId);
    if (!index || !record) return;
    const [notes, checklists] = await Promise.all([this.listNotes(caseId), this.#store.list('checklists', { caseId })]);
    const current = this.#snapshot.byId.get(caseId);
    if (!current) return; // deleted meanwhile
    const caseNotes = notes.flatMap((result) => ('note' in result ? [result.note] : []));
    updateCaseInIndex(index, current, caseNotes, readable(checklists, isChecklist));
    this.#indexedInFull.add(caseId);
    this.#set({ indexVersion: this.#snapshot.indexVersion + 1 });
  }

  async saveCase(record: CaseRecord): Promise<void> {
    await this.#store.save('cases', { id: record.id, kind: 'case', index: caseIndexValues(record), data: record });
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

  /** Deletes the notes and checklists first: if something fails, the case is still there to delete again. */
  async deleteCase(caseId: string): Promise<void> {
    const [notes, checklists] = await Promise.all([this.#store.list('notes', { caseId }), this.#store.list('checklists', { caseId })]);
    await this.#store.deleteMany('notes', notes.map((note) => note.id));
    await this.#store.deleteMany('checklists', checklists.map((checklist) => checklist.id));
    await this.#store.delete('cases', caseId);
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

  /** Every readable note of these cases, for the CSV export. */
  async notesOf(caseIds: ReadonlySet<string>): Promise<CaseNote[]> {
    return readable(await this.#store.list('notes'), isNote).filter((note) => caseIds.has(note.caseId));
  }
}

// One repository per unlocked store; locking reloads the page, which drops it with the key.
const repositories = new WeakMap<Store, CaseRepository>();

export function useCaseRepository(): CaseRepository {
  const { store } = useVault();
  let repository = repositories.get(store);
  if (!repository) {
    repository = new CaseRepository(store);
    repositories.set(store, repository);
  }
  return repository;
}

/** The cases in memory, loading them on first use. */
export function useCases(): { repository: CaseRepository; snapshot: CasesSnapshot } {
  const repository = useCaseRepository();
  const snapshot = useSyncExternalStore(repository.subscribe, repository.getSnapshot);
  useEffect(() => {
    void repository.load();
  }, [repository]);
  return { repository, snapshot };
}
