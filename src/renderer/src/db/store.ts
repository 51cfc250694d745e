/**
 * The encrypted record store every feature goes through. The only way to get one is
 * `openRecordStore(key)`, so the database is never opened for encrypted tables without a key.
 *
 * IndexedDB commits a transaction as soon as it has no pending request at the end of a task, and
 * WebCrypto resolves on a later task: awaiting it inside a transaction lets the transaction commit
 * underneath (or fail with TransactionInactiveError). So every write encrypts all its records first
 * and then issues one Dexie call; every read finishes its Dexie call, then decrypts.
 */
import Dexie, { type Collection, type Table } from 'dexie';
import { decryptRow, encryptRecord, type RecordResult, type StoredRow } from './cipher';
import {
  assertValidSchema,
  dexieStores,
  latestVersion,
  metaTable,
  waypointSchema,
  type DecryptedRecord,
  type IndexFields,
  type IndexValue,
  type RecordSchema,
  type RecordSchemaVersion,
} from './schema';

export const defaultDbName = 'waypoint';

/** Table name -> the decrypted data type features keep in it. */
export type RecordTypes = Record<string, unknown>;

export interface RecordInput<T> {
  readonly id: string;
  /** What the record is (e.g. 'case', 'note'); stored in plaintext. */
  readonly kind: string;
  /** Non-identifying fields to query by, declared for the table in the schema; stored in plaintext. */
  readonly index?: IndexFields;
  readonly data: T;
  /** Defaults to now; set it only to keep the original time, e.g. when restoring a backup. */
  readonly updatedAt?: number;
}

/** Equality on `kind` and declared index fields; every entry must match. */
export type ListFilter = Readonly<Record<string, IndexValue>>;

export interface RecordStore<Types extends RecordTypes> {
  save<K extends keyof Types & string>(table: K, record: RecordInput<Types[K]>): Promise<DecryptedRecord<Types[K]>>;
  /** Atomic: either every record is written or none. */
  saveMany<K extends keyof Types & string>(
    table: K,
    records: readonly RecordInput<Types[K]>[],
  ): Promise<DecryptedRecord<Types[K]>[]>;
  get<K extends keyof Types & string>(table: K, id: string): Promise<RecordResult<Types[K]> | undefined>;
  /** Records that fail to decrypt come back as `{ id, error: 'undecryptable' }` among the others. */
  list<K extends keyof Types & string>(table: K, filter?: ListFilter): Promise<RecordResult<Types[K]>[]>;
  /**
   * The `limit` most recently updated records, newest first, and after them any others updated at
   * the same instant as the last (so a caller that breaks ties by a field of its own has them all).
   * Reads and decrypts only those rows.
   */
  listNewest<K extends keyof Types & string>(table: K, limit: number): Promise<RecordResult<Types[K]>[]>;
  /**
   * Every record of the table, `batchSize` rows at a time in id order. Each batch is read in a
   * transaction of its own (the next one while the last is decrypted and used): a large table is
   * never held whole, nor read in one long task. Records written meanwhile may or may not be seen.
   */
  listInBatches<K extends keyof Types & string>(table: K, batchSize: number): AsyncGenerator<RecordResult<Types[K]>[], void, undefined>;
  /** How many rows match, readable or not, without decrypting any (a count by plaintext fields only). */
  count(table: keyof Types & string, filter?: ListFilter): Promise<number>;
  delete(table: keyof Types & string, id: string): Promise<void>;
  deleteMany(table: keyof Types & string, ids: readonly string[]): Promise<void>;
  clear(table: keyof Types & string): Promise<void>;
  /** Closes the database and drops the key; every later call rejects. */
  close(): void;
  /** What a Web Worker needs to open this same store with `openRecordStore` (see `RecordStoreHandle`). */
  handle(): RecordStoreHandle;
}

/**
 * The key handle and database name, for a Web Worker of the same page to open the store itself.
 * Structured clone copies a CryptoKey as the same non-extractable key: the raw key never becomes
 * readable, and reloading the page at lock ends the worker with the rest of the page.
 */
export interface RecordStoreHandle {
  readonly key: CryptoKey;
  readonly dbName: string;
}

export interface OpenRecordStoreOptions {
  dbName?: string;
  schema?: RecordSchema;
}

export class RecordStoreError extends Error {
  override readonly name = 'RecordStoreError';
}

const backfilledVersionKey = 'backfilledVersion';
const openStores = new Set<DexieRecordStore>();

function assertUsableKey(key: CryptoKey): void {
  const algorithm = key.algorithm as Partial<AesKeyAlgorithm>;
  if (algorithm.name !== 'AES-GCM' || algorithm.length !== 256 || !key.usages.includes('encrypt') || !key.usages.includes('decrypt')) {
    throw new RecordStoreError('The record store needs an AES-256-GCM key for encrypt and decrypt (see importDataKey).');
  }
}

function checkedIndex(table: string, fields: readonly string[], index: IndexFields): IndexFields {
  for (const [field, value] of Object.entries(index)) {
    if (!fields.includes(field)) throw new RecordStoreError(`"${field}" is not a declared index field of "${table}".`);
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new RecordStoreError(`Index field "${table}.${field}" must be a string or a finite number.`);
    }
  }
  return index;
}

function isDecrypted<T>(result: RecordResult<T>): result is DecryptedRecord<T> {
  return result.error === undefined;
}

/** Launches every decryption before awaiting any, so WebCrypto's thread is never idle waiting for the main thread. */
function decryptRows<T>(key: CryptoKey, table: string, rows: readonly StoredRow[]): Promise<RecordResult<T>[]> {
  return Promise.all(rows.map((row) => decryptRow<T>(key, table, row)));
}

/** Re-encrypts existing rows with the index fields that versions added since the last open. */
async function runBackfills(db: Dexie, key: CryptoKey, schema: RecordSchema): Promise<void> {
  const meta = db.table<{ key: string; value: number }, string>(metaTable);
  const done = (await meta.get(backfilledVersionKey))?.value ?? 0;
  const currentTables = latestVersion(schema).tables;
  for (const { version, tables, backfill } of schema.versions) {
    if (version <= done || !backfill) continue;
    for (const [table, derive] of Object.entries(backfill)) {
      if (!(table in currentTables)) continue; // dropped by a later version
      const rows = await db.table<StoredRow, string>(table).toArray();
      const readable = (await decryptRows(key, table, rows)).filter(isDecrypted);
      const updated = await Promise.all(
        readable.map((record) =>
          encryptRecord(key, table, { ...record, index: { ...record.index, ...checkedIndex(table, tables[table] ?? [], derive(record)) } }),
        ),
      );
      await db.table<StoredRow, string>(table).bulkPut(updated);
    }
  }
  // Written only when it changes: every unlock opens the store, and a write costs it a transaction.
  if (done !== latestVersion(schema).version) await meta.put({ key: backfilledVersionKey, value: latestVersion(schema).version });
}

class DexieRecordStore implements RecordStore<RecordTypes> {
  readonly #db: Dexie;
  #key: CryptoKey | undefined;
  readonly #tables: RecordSchemaVersion['tables'];

  constructor(db: Dexie, key: CryptoKey, tables: RecordSchemaVersion['tables']) {
    this.#db = db;
    this.#key = key;
    this.#tables = tables;
  }

  get dbName(): string {
    return this.#db.name;
  }

  #open(table: string): { key: CryptoKey; rows: Table<StoredRow, string>; fields: readonly string[] } {
    if (!this.#key) throw new RecordStoreError('The record store is closed.');
    const fields = this.#tables[table];
    if (!fields) throw new RecordStoreError(`Unknown record table "${table}".`);
    return { key: this.#key, rows: this.#db.table<StoredRow, string>(table), fields };
  }

  #toRecord(table: string, fields: readonly string[], input: RecordInput<unknown>, now: number): DecryptedRecord<unknown> {
    if (typeof input.id !== 'string' || input.id === '') throw new RecordStoreError(`A record in "${table}" needs a non-empty string id.`);
    if (typeof input.kind !== 'string' || input.kind === '') throw new RecordStoreError(`Record "${input.id}" needs a kind.`);
    return {
      id: input.id,
      kind: input.kind,
      updatedAt: input.updatedAt ?? now,
      index: checkedIndex(table, fields, input.index ?? {}),
      data: input.data,
    };
  }

  async save(table: string, record: RecordInput<unknown>): Promise<DecryptedRecord<unknown>> {
    const [saved] = await this.saveMany(table, [record]);
    if (!saved) throw new RecordStoreError('saveMany returned nothing for one record.');
    return saved;
  }

  async saveMany(table: string, inputs: readonly RecordInput<unknown>[]): Promise<DecryptedRecord<unknown>[]> {
    const { key, rows, fields } = this.#open(table);
    const now = Date.now();
    const records = inputs.map((input) => this.#toRecord(table, fields, input, now));
    // All encryption settles before the write transaction starts.
    const encrypted = await Promise.all(records.map((record) => encryptRecord(key, table, record)));
    await rows.bulkPut(encrypted);
    return records;
  }

  async get(table: string, id: string): Promise<RecordResult<unknown> | undefined> {
    const { key, rows } = this.#open(table);
    const row = await rows.get(id);
    return row && decryptRow(key, table, row);
  }

  /**
   * The rows matching a filter. Plaintext index fields are authenticated (they are part of the
   * associated data), so filtering on them is safe.
   */
  #matching(table: string, filter: ListFilter): { key: CryptoKey; found: Table<StoredRow, string> | Collection<StoredRow, string> } {
    const { key, rows, fields } = this.#open(table);
    const entries = Object.entries(filter);
    for (const [field] of entries) {
      if (field !== 'kind' && !fields.includes(field)) throw new RecordStoreError(`"${field}" is not a declared index field of "${table}".`);
    }
    const [first, ...rest] = entries;
    if (!first) return { key, found: rows };
    const matches = rows.where(first[0]).equals(first[1]);
    return { key, found: rest.length === 0 ? matches : matches.and((row) => rest.every(([field, value]) => row[field] === value)) };
  }

  async list(table: string, filter: ListFilter = {}): Promise<RecordResult<unknown>[]> {
    const { key, found } = this.#matching(table, filter);
    // One getAll, then all decryptions at once: paging the read to overlap it with decryption measured slower.
    return decryptRows(key, table, await found.toArray());
  }

  async listNewest(table: string, limit: number): Promise<RecordResult<unknown>[]> {
    const { key, rows } = this.#open(table);
    if (limit <= 0) return [];
    // In one transaction, so a write in between cannot show a row twice or not at all. One row
    // more than asked says whether the last is tied with others; only then are they read.
    const found = await this.#db.transaction('r', rows, async () => {
      const newest = await rows.orderBy('updatedAt').reverse().limit(limit + 1).toArray();
      const last = newest[limit - 1];
      const next = newest[limit];
      if (!last || !next || next.updatedAt !== last.updatedAt) return newest.slice(0, limit);
      const taken = new Set(newest.map((row) => row.id));
      const ties = await rows.where('updatedAt').equals(last.updatedAt).toArray();
      return [...newest, ...ties.filter((row) => !taken.has(row.id))];
    });
    return decryptRows(key, table, found);
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
      yield await decryptRows(this.#open(table).key, table, batch);
    }
  }

  async count(table: string, filter: ListFilter = {}): Promise<number> {
    return this.#matching(table, filter).found.count();
  }

  async delete(table: string, id: string): Promise<void> {
    await this.#open(table).rows.delete(id);
  }

  async deleteMany(table: string, ids: readonly string[]): Promise<void> {
    await this.#open(table).rows.bulkDelete([...ids]);
  }

  async clear(table: string): Promise<void> {
    await this.#open(table).rows.clear();
  }

  /** See `writeAllRecords`. */
  async writeAll(batches: Readonly<Record<string, readonly RecordInput<unknown>[]>>, options: WriteAllOptions): Promise<number> {
    const now = Date.now();
    const tables = options.clearFirst ? Object.keys(this.#tables) : Object.keys(batches);
    const opened = tables.map((table) => ({ table, ...this.#open(table) }));
    for (const table of Object.keys(batches)) this.#open(table); // unknown tables fail before anything is written
    // All encryption settles before the write transaction starts.
    const encrypted = await Promise.all(
      opened.map(async ({ table, key, fields }) => {
        const records = (batches[table] ?? []).map((input) => this.#toRecord(table, fields, input, now));
        return Promise.all(records.map((record) => encryptRecord(key, table, record)));
      }),
    );
    await this.#db.transaction('rw', tables, async () => {
      for (const [position, { rows }] of opened.entries()) {
        if (options.clearFirst) await rows.clear();
        await rows.bulkPut(encrypted[position]!);
      }
    });
    return encrypted.reduce((sum, rows) => sum + rows.length, 0);
  }

  handle(): RecordStoreHandle {
    if (!this.#key) throw new RecordStoreError('The record store is closed.');
    return { key: this.#key, dbName: this.#db.name };
  }

  close(): void {
    this.#key = undefined;
    this.#db.close();
    openStores.delete(this);
  }
}

/**
 * Opens (creating or upgrading) the encrypted database. Needs the data key from `importDataKey`:
 * upgrades that add index fields must decrypt existing records to fill them in.
 */
export async function openRecordStore<Types extends RecordTypes = RecordTypes>(
  key: CryptoKey,
  options: OpenRecordStoreOptions = {},
): Promise<RecordStore<Types>> {
  const { dbName = defaultDbName, schema = waypointSchema } = options;
  assertUsableKey(key);
  assertValidSchema(schema);
  const db = new Dexie(dbName, { autoOpen: false });
  let previous: RecordSchemaVersion | undefined;
  for (const version of schema.versions) {
    db.version(version.version).stores(dexieStores(version, previous));
    previous = version;
  }
  await db.open();
  try {
    await runBackfills(db, key, schema);
  } catch (error) {
    db.close();
    throw error;
  }
  const store = new DexieRecordStore(db, key, latestVersion(schema).tables);
  openStores.add(store);
  return store as RecordStore<RecordTypes> as RecordStore<Types>;
}

export interface WriteAllOptions {
  /** Empties every table of the schema first (a restore that replaces everything). */
  clearFirst: boolean;
}

/**
 * Writes records into several tables in ONE IndexedDB transaction, so either all of them land or
 * none (and, with `clearFirst`, nothing is emptied unless everything is written). Every record is
 * encrypted before the transaction opens. Keeps each record's `updatedAt` when given. Returns how
 * many records were written.
 */
export function writeAllRecords(
  store: RecordStore<RecordTypes>,
  batches: Readonly<Record<string, readonly RecordInput<unknown>[]>>,
  options: WriteAllOptions,
): Promise<number> {
  if (!(store instanceof DexieRecordStore)) return Promise.reject(new RecordStoreError('writeAllRecords needs a store from openRecordStore.'));
  return store.writeAll(batches, options);
}

/** For lock: closes every open store and drops its key. Decrypted records the UI holds must go too (reload the renderer). */
export function closeRecordStore(): void {
  for (const store of openStores) store.close();
}

/** For erase: works without a key, so a user who lost the passphrase can still wipe the data. */
export async function deleteDatabase(dbName: string = defaultDbName): Promise<void> {
  for (const store of openStores) if (store.dbName === dbName) store.close();
  await Dexie.delete(dbName);
}
