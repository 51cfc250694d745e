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
import { decryptRow, decryptRows, encryptRecords, layoutOf, tagOf, type RecordKeys, type RecordResult, type StoredRow } from './cipher';
import { migrateFromV1 } from './migrate';
import type { WaypointRecords } from './records';
import { reencryptUnderNextKeys } from './rekey';
import {
  assertValidSchema,
  dexieStores,
  latestVersion,
  metaTable,
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
  /** During a change of keys, after each batch: rows done, and how many there are. */
  onKeyChangeProgress?: (done: number, total: number) => void;
}

export class RecordStoreError extends Error {
  override readonly name = 'RecordStoreError';
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

  constructor(db: Dexie, keys: RecordKeys, tables: Readonly<Record<string, RecordTableSpec>>, rawTables: readonly string[]) {
    this.#db = db;
    this.#keys = keys;
    this.#tables = tables;
    this.#rawTables = rawTables;
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
    const { records, rows } = await this.encrypt(table, inputs, Date.now());
    // All encryption has settled before the write transaction starts.
    await this.#open(table).rows.bulkPut(rows);
    return records;
  }

  async get(table: string, id: string): Promise<RecordResult<unknown> | undefined> {
    const { keys, rows } = this.#open(table);
    const row = await rows.get(id);
    return row && decryptRow(keys, table, row);
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
    const now = Date.now();
    const deletes = Object.entries(options.deletes ?? {}).filter(([, ids]) => ids.length > 0);
    const tables = [...new Set([...(options.clearFirst ? Object.keys(this.#tables) : Object.keys(batches)), ...deletes.map(([table]) => table)])];
    if (deletes.length > 0 && !tables.includes(tombstoneTable)) tables.push(tombstoneTable);
    if (tables.length === 0) return 0; // nothing to write or delete: IndexedDB refuses a transaction over no table
    const opened = tables.map((table) => ({ table, ...this.#open(table) })); // unknown tables fail before anything is written
    // Every row and every possible tombstone is encrypted before the write transaction starts.
    const encrypted = await Promise.all(opened.map(async ({ table }) => (await this.encrypt(table, batches[table] ?? [], now)).rows));
    const tombstones = await Promise.all(
      deletes.map(async ([table, ids]) => {
        if (table === tombstoneTable) throw new RecordStoreError('Tombstones are not deleted one by one.');
        const inputs = ids.map((id) => ({ id: crypto.randomUUID(), kind: 'tombstone', data: { table, id, deletedAt: now } satisfies Tombstone }));
        return { table, ids, rows: (await this.encrypt(tombstoneTable, inputs, now)).rows };
      }),
    );
    await this.#db.transaction('rw', tables, async () => {
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
    });
    return encrypted.reduce((sum, rows) => sum + rows.length, 0);
  }

  handle(): RecordStoreHandle {
    if (!this.#keys) throw new RecordStoreError('The record store is closed.');
    return { keys: this.#keys, dbName: this.#db.name };
  }

  close(): void {
    this.#keys = undefined;
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
  let store = new DexieRecordStore(db, keys, tables, Object.keys(rawTables));
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
      store = new DexieRecordStore(db, options.nextKeys, tables, Object.keys(rawTables));
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
