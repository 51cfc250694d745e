/**
 * The encrypted record store every feature goes through. The only way to get one is
 * `openRecordStore(keys)`, so the database is never opened for encrypted tables without its keys.
 *
 * IndexedDB commits a transaction as soon as it has no pending request at the end of a task, and
 * WebCrypto resolves on a later task: awaiting it inside a transaction lets the transaction commit
 * underneath (or fail with TransactionInactiveError). So every write encrypts all its records first
 * and then issues one Dexie call; every read finishes its Dexie call, then decrypts.
 */
import Dexie, { type Table } from 'dexie';
import { decryptRow, decryptRows, encryptRecords, layoutOf, openRow, recordOf, tagOf, type RecordKeys, type RecordResult, type StoredRow } from './cipher';
import { migrateFromV1 } from './migrate';
import type { WaypointRecords, WaypointStore, WaypointTable } from './records';
import { reencryptUnderNextKeys } from './rekey';
import {
  applyToSummary,
  emptySummary,
  keptSummaries,
  matchesKeys,
  summaryData,
  summaryFromData,
  summaryOf,
  type KeptSummary,
  type SummaryRead,
  type SummaryState,
} from './summaries';
import {
  assertValidSchema,
  dexieStores,
  latestVersion,
  metaTable,
  summaryTable,
  tombstoneTable,
  v1Stores,
  waypointSchema,
  type DecryptedRecord,
  type IndexFields,
  type IndexValue,
  type RecordSchema,
  type RecordSchemaVersion,
  type RecordTableSpec,
} from './schema';

export const defaultDbName = 'waypoint';

/**
 * Table name -> the decrypted data type kept in it: the constraint of every table map (the app's is
 * `WaypointRecords`). The store's engine itself carries data it does not look into.
 */
export type RecordTypes = Record<string, unknown>;

export interface RecordInput<T> {
  /** Random (crypto.randomUUID()): an id must not be derived from anything the record is about. */
  readonly id: string;
  /** What the record is (e.g. 'case', 'note'); kept inside the ciphertext. */
  readonly kind: string;
  /** The values of the table's tag fields (see the schema); each is stored as a keyed tag, and itself encrypted. */
  readonly index?: IndexFields;
  readonly data: T;
  /** Defaults to now; set it only to keep the original time, e.g. when restoring a backup. */
  readonly updatedAt?: number;
}

/**
 * Equality on `kind` and index fields; every entry must match. Tag fields are looked up by their tag
 * before anything is decrypted; `kind` and other fields are compared after decryption (a row that cannot
 * be decrypted is then returned, flagged, as it cannot be ruled out).
 */
export type ListFilter = Readonly<Record<string, IndexValue>>;

export interface RecordStore<Types extends RecordTypes> {
  save<K extends keyof Types & string>(table: K, record: RecordInput<Types[K]>): Promise<DecryptedRecord<Types[K]>>;
  /** Atomic: either every record is written or none. */
  saveMany<K extends keyof Types & string>(table: K, records: readonly RecordInput<Types[K]>[]): Promise<DecryptedRecord<Types[K]>[]>;
  get<K extends keyof Types & string>(table: K, id: string): Promise<RecordResult<Types[K]> | undefined>;
  /** Records by id, in the ids' order (undefined where there is none), read in one request and decrypted together. */
  getMany<K extends keyof Types & string>(table: K, ids: readonly string[]): Promise<(RecordResult<Types[K]> | undefined)[]>;
  /** Records that fail to decrypt come back as `{ id, error: 'undecryptable' }` among the others. */
  list<K extends keyof Types & string>(table: K, filter?: ListFilter): Promise<RecordResult<Types[K]>[]>;
  /**
   * For a table kept by day: the records changed on the newest days, at least `limit` of them when
   * there are, newest first (every record of the last day read is included, so a caller that sorts by
   * a time of its own has them all). Reads and decrypts only those rows.
   */
  listNewest<K extends keyof Types & string>(table: K, limit: number): Promise<RecordResult<Types[K]>[]>;
  /**
   * Every record of the table, `batchSize` rows at a time in id order. Each batch is read in a
   * transaction of its own (the next one while the last is decrypted and used): a large table is
   * never held whole, nor read in one long task. Records written meanwhile may or may not be seen.
   */
  listInBatches<K extends keyof Types & string>(table: K, batchSize: number): AsyncGenerator<RecordResult<Types[K]>[], void, undefined>;
  /** How many rows match tag fields, readable or not, without decrypting any. */
  count(table: keyof Types & string, filter?: ListFilter): Promise<number>;
  /** Deletes and leaves a tombstone (in the same transaction) for each record that was there. */
  delete(table: keyof Types & string, id: string): Promise<void>;
  deleteMany(table: keyof Types & string, ids: readonly string[]): Promise<void>;
  /** Deletes records of several tables in one transaction: all of them or none. */
  deleteIn(deletes: Readonly<Partial<Record<keyof Types & string, readonly string[]>>>): Promise<void>;
  /**
   * A summary the store keeps of a table (summaries.ts), checked against the table's row count (or, with
   * `checkIds`, its ids; with `unchecked`, not at all); made again from the records when it is missing,
   * unreadable, stale or does not match, or when `rebuild` asks.
   */
  readSummary<Entry>(summary: KeptSummary<Entry>, options?: SummaryReadOptions): Promise<SummaryRead<Entry>>;
  /**
   * Starts an `unchecked` read of every summary kept, which the first `unchecked` read of each then takes
   * (unless a write changed it meanwhile): the vault calls it as the store opens, so the unlock banner's
   * summary is read before the case list's cases and the case search's reads, not queued behind them.
   */
  prefetchSummaries(): void;
  /** Closes the database and drops the keys; every later call rejects. */
  close(): void;
  /** What a Web Worker needs to open this same store with `openRecordStore` (see `RecordStoreHandle`). */
  handle(): RecordStoreHandle;
}

/**
 * The key handles and database name, for a Web Worker of the same page to open the store itself.
 * Structured clone copies a CryptoKey as the same non-extractable key: the raw keys never become
 * readable, and reloading the page at lock ends the worker with the rest of the page.
 */
export interface RecordStoreHandle {
  readonly keys: RecordKeys;
  readonly dbName: string;
}

export interface OpenRecordStoreOptions {
  dbName?: string;
  schema?: RecordSchema;
  /** The data key (importLegacyKey), needed only while the database holds version 1 rows to migrate. */
  legacyKey?: CryptoKey;
  /** Rows migrated per transaction (tests make it small). */
  migrationBatchSize?: number;
  /**
   * While keys are being changed (docs/vault-format.md, "Changing keys"): the keys of the next data key.
   * Every row is re-encrypted under them first, in batches that resume where a stopped run left off,
   * and the store then uses them; `keys` are only read from.
   */
  nextKeys?: RecordKeys;
  /** Rows re-encrypted per transaction (tests make it small). */
  keyChangeBatchSize?: number;
  /** The summaries kept with their tables (the app's by default: `keptSummaries`); only those of tables the schema has. */
  summaries?: readonly KeptSummary<unknown>[];
  /** During a change of keys, after each batch: rows done, and how many there are. */
  onKeyChangeProgress?: (done: number, total: number) => void;
}

export interface SummaryReadOptions {
  /** Make it again from the records, whatever is stored. */
  rebuild?: boolean;
  /**
   * Compare its ids with every id of the table rather than its size with the table's: this reads every key
   * (about as long as the rest of the read at 50,000), so the agenda does it after its first screen.
   */
  checkIds?: boolean;
  /**
   * Not compared with the table at all (one that is missing, unreadable, stale or of another format is still made
   * again): counting 50,000 rows took 60 to 190 ms, more than the rest of the read. Only for a first screen that
   * a checked read follows at once (the unlock banner, the agenda), and that is drawn again if that one differs.
   */
  unchecked?: boolean;
}

export class RecordStoreError extends Error {
  override readonly name = 'RecordStoreError';
}

/** Another write changed a summary between its read and this write's transaction: the write is tried again. */
class SummaryRaceError extends Error {
  override readonly name = 'SummaryRaceError';
}

/** Tries a write that keeps a summary again when another write changed it meanwhile (each try reads it anew). */
async function retryOnSummaryRace<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof SummaryRaceError) || attempt >= 20) throw error;
    }
  }
}

/** A summary as last read or written, with the IV of its row: while the row keeps that IV it is this same summary. */
interface CachedSummary {
  readonly iv: string;
  readonly state: SummaryState<unknown> | null;
}

function ivText(row: StoredRow | undefined): string | null {
  return row ? Array.from(row.iv, (byte) => byte.toString(16).padStart(2, '0')).join('') : null;
}

/** What a write does to one summary: the row to put, on the condition that the stored one is still `baseIv`. */
interface SummaryWrite {
  readonly spec: KeptSummary<unknown>;
  /** null: there was no summary row; undefined: whatever is there (a restore that replaces everything). */
  readonly baseIv: string | null | undefined;
  readonly row: StoredRow;
  readonly state: SummaryState<unknown> | null;
}

/** What a tombstone holds, encrypted: which record was deleted, and when. */
export interface Tombstone {
  table: string;
  id: string;
  deletedAt: number;
}

const openStores = new Set<DexieRecordStore>();

function assertUsableKeys(keys: RecordKeys): void {
  const records = keys.records.algorithm as Partial<AesKeyAlgorithm>;
  const index = keys.index.algorithm as Partial<HmacKeyAlgorithm>;
  if (records.name !== 'AES-GCM' || records.length !== 256 || !keys.records.usages.includes('encrypt') || !keys.records.usages.includes('decrypt')) {
    throw new RecordStoreError('The record store needs an AES-256-GCM records key for encrypt and decrypt (see importRecordKeys).');
  }
  if (index.name !== 'HMAC' || index.hash?.name !== 'SHA-256' || !keys.index.usages.includes('sign')) {
    throw new RecordStoreError('The record store needs an HMAC-SHA-256 index key for sign (see importRecordKeys).');
  }
  const attachments = keys.attachments.algorithm as Partial<AesKeyAlgorithm>;
  if (attachments.name !== 'AES-GCM' || attachments.length !== 256 || !keys.attachments.usages.includes('wrapKey') || !keys.attachments.usages.includes('unwrapKey')) {
    throw new RecordStoreError('The record store needs an AES-256-GCM attachments key for wrapKey and unwrapKey (see importRecordKeys).');
  }
}

function checkedIndex(table: string, spec: RecordTableSpec, index: IndexFields): IndexFields {
  for (const [field, value] of Object.entries(index)) {
    if (!spec.tags.includes(field)) throw new RecordStoreError(`"${field}" is not a tag field of "${table}".`);
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new RecordStoreError(`Index field "${table}.${field}" must be a string or a finite number.`);
    }
  }
  return index;
}

/** Whether a decrypted record matches the filter entries that tags could not check; undecryptable rows stay. */
function matchesRest(result: RecordResult<unknown>, rest: readonly (readonly [string, IndexValue])[]): boolean {
  if (result.error !== undefined) return true;
  return rest.every(([field, value]) => (field === 'kind' ? result.kind === value : result.index[field] === value));
}

class DexieRecordStore implements RecordStore<RecordTypes> {
  readonly #db: Dexie;
  #keys: RecordKeys | undefined;
  readonly #tables: Readonly<Record<string, RecordTableSpec>>;
  readonly #rawTables: readonly string[];
  readonly #summaries: readonly KeptSummary<unknown>[];
  /** Decrypted summaries by id, dropped with the keys at close. */
  readonly #summaryCache = new Map<string, CachedSummary>();
  /** Reads started by `prefetchSummaries`, by summary id, until taken or a write changes that summary. */
  readonly #prefetched = new Map<string, Promise<SummaryRead<unknown>>>();

  constructor(db: Dexie, keys: RecordKeys, tables: Readonly<Record<string, RecordTableSpec>>, rawTables: readonly string[], summaries: readonly KeptSummary<unknown>[]) {
    this.#db = db;
    this.#keys = keys;
    this.#tables = tables;
    this.#rawTables = rawTables;
    this.#summaries = summaryTable in tables ? summaries.filter((spec) => spec.table in tables) : [];
  }

  raw<Row, Key>(table: string): Table<Row, Key> {
    if (!this.#keys) throw new RecordStoreError('The record store is closed.');
    if (!this.#rawTables.includes(table)) throw new RecordStoreError(`Unknown raw table "${table}".`);
    return this.#db.table<Row, Key>(table);
  }

  get dbName(): string {
    return this.#db.name;
  }

  #open(table: string): { keys: RecordKeys; rows: Table<StoredRow, string>; spec: RecordTableSpec } {
    if (!this.#keys) throw new RecordStoreError('The record store is closed.');
    const spec = this.#tables[table];
    if (!spec) throw new RecordStoreError(`Unknown record table "${table}".`);
    return { keys: this.#keys, rows: this.#db.table<StoredRow, string>(table), spec };
  }

  #toRecord(table: string, spec: RecordTableSpec, input: RecordInput<unknown>, now: number): DecryptedRecord<unknown> {
    if (typeof input.id !== 'string' || input.id === '') throw new RecordStoreError(`A record in "${table}" needs a non-empty string id.`);
    if (typeof input.kind !== 'string' || input.kind === '') throw new RecordStoreError(`Record "${input.id}" needs a kind.`);
    return {
      id: input.id,
      kind: input.kind,
      updatedAt: input.updatedAt ?? now,
      index: checkedIndex(table, spec, input.index ?? {}),
      data: input.data,
    };
  }

  /** Checks and encrypts records for a table; runs before any transaction opens. */
  async encrypt(table: string, inputs: readonly RecordInput<unknown>[], now: number): Promise<{ records: DecryptedRecord<unknown>[]; rows: StoredRow[] }> {
    const { keys, spec } = this.#open(table);
    const records = inputs.map((input) => this.#toRecord(table, spec, input, now));
    const rows = await encryptRecords(keys, table, layoutOf(spec), records);
    return { records, rows };
  }

  async save(table: string, record: RecordInput<unknown>): Promise<DecryptedRecord<unknown>> {
    const [saved] = await this.saveMany(table, [record]);
    if (!saved) throw new RecordStoreError('saveMany returned nothing for one record.');
    return saved;
  }

  async saveMany(table: string, inputs: readonly RecordInput<unknown>[]): Promise<DecryptedRecord<unknown>[]> {
    // Through #write, like every write: the summaries kept of the table change in the same transaction.
    return (await this.#write({ [table]: inputs }, { clearFirst: false })).get(table) ?? [];
  }

  async get(table: string, id: string): Promise<RecordResult<unknown> | undefined> {
    const { keys, rows } = this.#open(table);
    const row = await rows.get(id);
    return row && decryptRow(keys, table, row);
  }

  async getMany(table: string, ids: readonly string[]): Promise<(RecordResult<unknown> | undefined)[]> {
    const { keys, rows } = this.#open(table);
    const found = await rows.bulkGet([...ids]);
    const present = found.filter((row) => row !== undefined);
    const decrypted = new Map((await decryptRows(keys, table, present)).map((result) => [result.id, result]));
    return ids.map((id) => decrypted.get(id));
  }

  /**
   * The summary as stored now, with its row's IV. The row is opened (authenticated) every time; only parsing it
   * is spared while its IV is the one cached: an authentic row under the same IV is the same row, as every write
   * draws a new IV.
   */
  async #storedSummary(spec: KeptSummary<unknown>, row: StoredRow | undefined, tableIsEmpty: () => Promise<boolean>): Promise<CachedSummary | null> {
    if (!row) return (await tableIsEmpty()) ? null : { iv: '', state: null };
    const iv = ivText(row)!;
    const plaintext = await openRow(this.#open(summaryTable).keys, summaryTable, row).catch(() => null);
    if (plaintext === null) return { iv, state: null };
    const cached = this.#summaryCache.get(spec.id);
    if (cached?.iv === iv) return cached;
    const record = recordOf(row.id, plaintext);
    const stored = { iv, state: record.error === undefined ? summaryFromData(spec, record.data) : null };
    this.#summaryCache.set(spec.id, stored);
    return stored;
  }

  async #summaryRow(spec: KeptSummary<unknown>, state: SummaryState<unknown> | null): Promise<StoredRow> {
    const { rows } = await this.encrypt(summaryTable, [{ id: spec.id, kind: 'summary', data: summaryData(spec, state) }], Date.now());
    return rows[0]!;
  }

  /**
   * What a write does to a summary: the stored one changed by `puts` then `deletes`, or with `fresh`, made from
   * `puts` alone (a restore that replaces everything). A summary that cannot be read becomes a stale one,
   * which the next read makes again: it is never changed from a base it does not trust.
   */
  async #summaryWrite(spec: KeptSummary<unknown>, puts: readonly RecordInput<unknown>[], deletes: readonly string[], fresh: boolean): Promise<SummaryWrite> {
    // A read started before this write may say what the write changes: the next read reads again.
    this.#prefetched.delete(spec.id);
    if (fresh) {
      const state = applyToSummary(spec, emptySummary, puts, []);
      return { spec, baseIv: undefined, row: await this.#summaryRow(spec, state), state };
    }
    const { rows } = this.#open(spec.table);
    const stored = await this.#storedSummary(spec, await this.#open(summaryTable).rows.get(spec.id), async () => (await rows.count()) === 0);
    // No summary and no record yet: this write starts it.
    const base = stored === null ? emptySummary : stored.state;
    const state = base && applyToSummary(spec, base, puts, deletes);
    return { spec, baseIv: stored === null ? null : stored.iv || null, row: await this.#summaryRow(spec, state), state };
  }

  prefetchSummaries(): void {
    for (const spec of this.#summaries) {
      const read = this.readSummary(spec, { unchecked: true });
      read.catch(() => undefined); // the read that takes it says what went wrong
      this.#prefetched.set(spec.id, read);
    }
  }

  async readSummary<Entry>(spec: KeptSummary<Entry>, options: SummaryReadOptions = {}): Promise<SummaryRead<Entry>> {
    const kept = spec as KeptSummary<unknown>;
    if (!this.#summaries.includes(kept)) throw new RecordStoreError(`This store keeps no summary "${spec.id}".`);
    const prefetched = options.unchecked && !options.rebuild ? this.#prefetched.get(spec.id) : undefined;
    if (prefetched) {
      this.#prefetched.delete(spec.id);
      return prefetched as Promise<SummaryRead<Entry>>;
    }
    let rebuild = options.rebuild === true;
    return retryOnSummaryRace(async () => {
      const { rows: summaries } = this.#open(summaryTable);
      const { rows } = this.#open(spec.table);
      // The summary and the table's row count (or ids) in one transaction, so they are compared as of one moment.
      const [row, keys] = await this.#db.transaction('r', options.unchecked ? [summaries] : [summaries, rows], () =>
        Promise.all([summaries.get(spec.id), options.unchecked ? null : options.checkIds ? rows.toCollection().primaryKeys() : rows.count()]),
      );
      if (!rebuild) {
        const tableIsEmpty = async () => (keys === null ? (await rows.count()) === 0 : keys === 0 || (Array.isArray(keys) && keys.length === 0));
        const stored = await this.#storedSummary(kept, row, tableIsEmpty);
        const state = stored === null ? emptySummary : stored.state;
        const matches = state !== null && (keys === null || (typeof keys === 'number' ? state.ids.length + state.unreadable.length === keys : matchesKeys(state, keys)));
        if (matches) return { ...(state as SummaryState<Entry>), rebuilt: false };
      }
      // Made again from the records, read after the summary row above: a write in between changes that row,
      // and the check below then tries again.
      const state = summaryOf(kept, await this.list(spec.table));
      const next = await this.#summaryRow(kept, state);
      await this.#db.transaction('rw', summaries, async () => {
        if (ivText(await summaries.get(spec.id)) !== ivText(row)) throw new SummaryRaceError();
        await summaries.put(next);
      });
      this.#summaryCache.set(spec.id, { iv: ivText(next)!, state });
      rebuild = false;
      return { ...(state as SummaryState<Entry>), rebuilt: true };
    });
  }

  /**
   * The rows matching the filter's tag fields (tags are computed before the read), and the filter
   * entries left for after decryption. Tags are in the associated data, so a forged tag only makes
   * its row come back flagged.
   */
  async #matching(table: string, filter: ListFilter): Promise<{ keys: RecordKeys; rows: () => Promise<StoredRow[]>; count: () => Promise<number>; rest: [string, IndexValue][] }> {
    const { keys, rows, spec } = this.#open(table);
    const tagged: [string, string][] = [];
    const rest: [string, IndexValue][] = [];
    for (const [field, value] of Object.entries(filter)) {
      if (spec.tags.includes(field)) tagged.push([field, await tagOf(keys.index, table, field, value)]);
      else rest.push([field, value]);
    }
    const [first, ...more] = tagged;
    const byFirst = first ? rows.where(first[0]).equals(first[1]) : rows.toCollection();
    // A filter makes Dexie walk a cursor, a round trip per row, rather than one getAll: only when needed.
    const found = more.length === 0 ? byFirst : byFirst.and((row) => more.every(([field, tag]) => row[field] === tag));
    return { keys, rows: () => found.toArray(), count: () => found.count(), rest };
  }

  async list(table: string, filter: ListFilter = {}): Promise<RecordResult<unknown>[]> {
    const { keys, rows, rest } = await this.#matching(table, filter);
    // One getAll, then all decryptions at once: paging the read to overlap it with decryption measured slower.
    const results = await decryptRows(keys, table, await rows());
    return rest.length === 0 ? results : results.filter((result) => matchesRest(result, rest));
  }

  async listNewest(table: string, limit: number): Promise<RecordResult<unknown>[]> {
    const { keys, rows, spec } = this.#open(table);
    if (!spec.byDay) throw new RecordStoreError(`"${table}" is not kept by day.`);
    if (limit <= 0) return [];
    // In one transaction, so a write in between cannot show a row twice or not at all. One row
    // more than asked says whether the last day read goes on; only then is the rest of it read.
    const found = await this.#db.transaction('r', rows, async () => {
      const newest = await rows
        .orderBy('day')
        .reverse()
        .limit(limit + 1)
        .toArray();
      const last = newest[limit - 1];
      const next = newest[limit];
      if (!last || !next || next.day !== last.day) return newest.slice(0, limit);
      const taken = new Set(newest.map((row) => row.id));
      const sameDay = await rows
        .where('day')
        .equals(last.day ?? 0)
        .toArray();
      return [...newest, ...sameDay.filter((row) => !taken.has(row.id))];
    });
    const results = await decryptRows(keys, table, found);
    const time = (result: RecordResult<unknown>) => (result.error === undefined ? result.updatedAt : -Infinity);
    return results.sort((a, b) => time(b) - time(a));
  }

  async *listInBatches(table: string, batchSize: number): AsyncGenerator<RecordResult<unknown>[], void, undefined> {
    if (!(batchSize >= 1)) throw new RecordStoreError('listInBatches needs a batch size of at least 1.');
    // Opened again for every batch: the store may have been closed (locked) in between.
    const read = (after: string | undefined): Promise<StoredRow[]> => {
      const { rows } = this.#open(table);
      const batch = (after === undefined ? rows.orderBy('id') : rows.where('id').above(after)).limit(batchSize).toArray();
      batch.catch(() => undefined); // a caller that stops early leaves the next read unawaited
      return batch;
    };
    let reading: Promise<StoredRow[]> | null = read(undefined);
    while (reading) {
      const batch: StoredRow[] = await reading;
      const last = batch.at(-1);
      if (!last) return;
      // The next batch is read while this one is decrypted and used: IndexedDB, WebCrypto and the
      // caller each work on a thread of their own.
      reading = batch.length < batchSize ? null : read(last.id);
      yield await decryptRows(this.#open(table).keys, table, batch);
    }
  }

  async count(table: string, filter: ListFilter = {}): Promise<number> {
    const { count, rest } = await this.#matching(table, filter);
    if (rest.length > 0) throw new RecordStoreError(`count("${table}") filters on tag fields only, not on ${rest.map(([field]) => field).join(', ')}.`);
    return count();
  }

  async delete(table: string, id: string): Promise<void> {
    await this.deleteMany(table, [id]);
  }

  async deleteMany(table: string, ids: readonly string[]): Promise<void> {
    await this.deleteIn({ [table]: ids });
  }

  async deleteIn(deletes: Readonly<Record<string, readonly string[]>>): Promise<void> {
    await this.writeAll({}, { clearFirst: false, deletes });
  }

  /** See `writeAllRecords`. */
  async writeAll(batches: Readonly<Record<string, readonly RecordInput<unknown>[]>>, options: WriteAllOptions): Promise<number> {
    let count = 0;
    for (const records of (await this.#write(batches, options)).values()) count += records.length;
    return count;
  }

  /** Every write and deletion of the store: one transaction, with the summaries of the tables it touches. Returns the records written, by table. */
  async #write(batches: Readonly<Record<string, readonly RecordInput<unknown>[]>>, options: WriteAllOptions): Promise<Map<string, DecryptedRecord<unknown>[]>> {
    const now = Date.now();
    const deletes = Object.entries(options.deletes ?? {}).filter(([, ids]) => ids.length > 0);
    for (const table of [...Object.keys(batches), ...deletes.map(([table]) => table)]) {
      if (this.#tables[table]?.derived) throw new RecordStoreError(`"${table}" is kept by the store itself.`);
    }
    const tables = [...new Set([...(options.clearFirst ? Object.keys(this.#tables) : Object.keys(batches)), ...deletes.map(([table]) => table)])];
    if (deletes.length > 0 && !tables.includes(tombstoneTable)) tables.push(tombstoneTable);
    // Every summary of a table written, deleted from or emptied here changes in the same transaction.
    const summaries = this.#summaries.filter((spec) => tables.includes(spec.table));
    if (summaries.length > 0 && !tables.includes(summaryTable)) tables.push(summaryTable);
    const written = new Map<string, DecryptedRecord<unknown>[]>();
    if (tables.length === 0) return written; // nothing to write or delete: IndexedDB refuses a transaction over no table
    const opened = tables.map((table) => ({ table, ...this.#open(table) })); // unknown tables fail before anything is written
    // Every row and every possible tombstone is encrypted before the write transaction starts.
    const encrypted = await Promise.all(
      opened.map(async ({ table }) => {
        const { records, rows } = await this.encrypt(table, batches[table] ?? [], now);
        if (table in batches) written.set(table, records);
        return rows;
      }),
    );
    const tombstones = await Promise.all(
      deletes.map(async ([table, ids]) => {
        if (table === tombstoneTable) throw new RecordStoreError('Tombstones are not deleted one by one.');
        const inputs = ids.map((id) => ({ id: crypto.randomUUID(), kind: 'tombstone', data: { table, id, deletedAt: now } satisfies Tombstone }));
        return { table, ids, rows: (await this.encrypt(tombstoneTable, inputs, now)).rows };
      }),
    );
    const summaryRows = () => this.#db.table<StoredRow, string>(summaryTable);
    await retryOnSummaryRace(async () => {
      const writes = await Promise.all(summaries.map((spec) => this.#summaryWrite(spec, batches[spec.table] ?? [], options.deletes?.[spec.table] ?? [], options.clearFirst)));
      await this.#db.transaction('rw', tables, async () => {
        // A summary changed since it was read here would be overwritten with a change it does not hold.
        for (const { spec, baseIv } of writes) if (baseIv !== undefined && ivText(await summaryRows().get(spec.id)) !== baseIv) throw new SummaryRaceError();
        for (const [position, { rows }] of opened.entries()) {
          if (options.clearFirst) await rows.clear();
          await rows.bulkPut(encrypted[position]!);
        }
        // A tombstone only for a record that was there: deleting nothing leaves no trace.
        for (const { table, ids, rows: stones } of tombstones) {
          const rows = this.#db.table<StoredRow, string>(table);
          const present = await rows.bulkGet([...ids]);
          await rows.bulkDelete([...ids]);
          await this.#db.table<StoredRow, string>(tombstoneTable).bulkPut(stones.filter((_stone, position) => present[position] !== undefined));
        }
        if (writes.length > 0) await summaryRows().bulkPut(writes.map(({ row }) => row));
      });
      for (const { spec, row, state } of writes) this.#summaryCache.set(spec.id, { iv: ivText(row)!, state });
    });
    return written;
  }

  handle(): RecordStoreHandle {
    if (!this.#keys) throw new RecordStoreError('The record store is closed.');
    return { keys: this.#keys, dbName: this.#db.name };
  }

  close(): void {
    this.#keys = undefined;
    this.#summaryCache.clear();
    this.#prefetched.clear();
    this.#db.close();
    openStores.delete(this);
  }
}

/**
 * Opens (creating or upgrading) the encrypted database. A database still holding version 1 rows is
 * migrated first (see `migrateFromV1`), which needs `legacyKey`; `needsLegacyKey` says so before unlock.
 */
export async function openRecordStore<Types extends RecordTypes = WaypointRecords>(keys: RecordKeys, options: OpenRecordStoreOptions = {}): Promise<RecordStore<Types>> {
  const { dbName = defaultDbName, schema = waypointSchema } = options;
  assertUsableKeys(keys);
  assertValidSchema(schema);
  const db = new Dexie(dbName, { autoOpen: false });
  db.version(1).stores(v1Stores);
  let previous = Object.keys(v1Stores).filter((table) => table !== metaTable);
  for (const version of schema.versions as readonly RecordSchemaVersion[]) {
    db.version(version.version).stores(dexieStores(version, previous));
    previous = [...Object.keys(version.tables), ...Object.keys(version.rawTables ?? {})];
  }
  if (options.nextKeys) assertUsableKeys(options.nextKeys);
  await db.open();
  const latest: RecordSchemaVersion = latestVersion(schema);
  const { tables, rawTables = {} } = latest;
  const summaries = options.summaries ?? keptSummaries;
  let store = new DexieRecordStore(db, keys, tables, Object.keys(rawTables), summaries);
  try {
    await migrateFromV1(db, {
      legacyKey: options.legacyKey,
      batchSize: options.migrationBatchSize,
      encrypt: async (table, records) => (await store.encrypt(table, records, Date.now())).rows,
    });
    if (options.nextKeys) {
      await reencryptUnderNextKeys(db, {
        current: keys,
        next: options.nextKeys,
        tables,
        batchSize: options.keyChangeBatchSize,
        onProgress: options.onKeyChangeProgress,
      });
      // The old keys were only read from: the store never writes under them again.
      store = new DexieRecordStore(db, options.nextKeys, tables, Object.keys(rawTables), summaries);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  openStores.add(store);
  return store as RecordStore<RecordTypes> as RecordStore<Types>;
}

export interface WriteAllOptions {
  /** Empties every table of the schema first (a restore that replaces everything). */
  clearFirst: boolean;
  /** Records to delete (leaving tombstones) in the same transaction, by table. */
  deletes?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Writes records into several tables in ONE IndexedDB transaction, so either all of them land or
 * none (and, with `clearFirst`, nothing is emptied unless everything is written). Every record is
 * encrypted before the transaction opens. Keeps each record's `updatedAt` when given. Returns how
 * many records were written.
 */
export function writeAllRecords<Types extends RecordTypes>(
  store: RecordStore<Types>,
  batches: Readonly<Record<string, readonly RecordInput<unknown>[]>>,
  options: WriteAllOptions,
): Promise<number> {
  if (!(store instanceof DexieRecordStore)) return Promise.reject(new RecordStoreError('writeAllRecords needs a store from openRecordStore.'));
  return store.writeAll(batches, options);
}

/** A table of the schema's `rawTables` (rows of their own shape, e.g. attachment chunks); throws once the store is closed. */
export function rawTable<Row, Key>(store: RecordStore<RecordTypes>, table: string): Table<Row, Key> {
  if (!(store instanceof DexieRecordStore)) throw new RecordStoreError('rawTable needs a store from openRecordStore.');
  return store.raw<Row, Key>(table);
}

/** For lock: closes every open store and drops its keys. Decrypted records the UI holds must go too (reload the renderer). */
export function closeRecordStore(): void {
  for (const store of openStores) store.close();
}

/** For erase: works without a key, so a user who lost the passphrase can still wipe the data. */
export async function deleteDatabase(dbName: string = defaultDbName): Promise<void> {
  for (const store of openStores) if (store.dbName === dbName) store.close();
  await Dexie.delete(dbName);
}

// Here rather than in a module of its own: a new module shared by the features' lazy chunks made the bundler split
// the first screen's JavaScript into more files, 3.5 KB more gzipped (tests/e2e/shell.spec.ts keeps it under 200 KB).
/** Records read from the vault; the ids of rows that could not be decrypted or failed the check are counted apart. */
export interface ReadRecords<T> {
  records: T[];
  unreadable: string[];
}

/**
 * One case's records of a case-owned table (found by their keyed `caseId` tag) that decrypt and pass `isT`; the
 * others are named apart, so a page can say how many it could not show.
 */
export async function readCaseRecords<T>(store: Pick<WaypointStore, 'list'>, table: WaypointTable, isT: (data: unknown) => data is T, caseId: string): Promise<ReadRecords<T>> {
  const read: ReadRecords<T> = { records: [], unreadable: [] };
  for (const result of await store.list(table, { caseId })) {
    if (result.error === undefined && isT(result.data)) read.records.push(result.data);
    else read.unreadable.push(result.id);
  }
  return read;
}
