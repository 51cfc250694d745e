/**
 * The row format (version 2, see docs/records-format.md): AES-256-GCM under the records key, and
 * lookup fields as HMAC-SHA-256 tags under the index key. Version 1 rows (under the vault's data key,
 * with plaintext index fields) are only read, by the migration (`decryptV1Row`).
 * Pure WebCrypto: nothing here touches IndexedDB, so callers can keep every await outside transactions.
 */
import { toBase64 } from '@shared/base64';
import type { DecryptedRecord, IndexFields, IndexValue, RecordTableSpec } from './schema';

/** Stored in each row as `v`; bump it when the row layout or the associated data changes. */
export const recordFormatVersion = 2;

const ivBytes = 12;
const keyBytes = 32;

/**
 * One encrypted row as IndexedDB holds it: a random id, the ciphertext, one tag per lookup field the
 * table declares, and for tables listed newest first the UTC day of the last change.
 */
export interface StoredRow {
  readonly id: string;
  readonly v: number;
  readonly iv: Uint8Array;
  readonly ciphertext: ArrayBuffer;
  readonly day?: number;
  readonly [tagField: string]: IndexValue | Uint8Array | ArrayBuffer | undefined;
}

export interface UndecryptableRecord {
  readonly id: string;
  readonly error: 'undecryptable';
}

export type RecordResult<T> = (DecryptedRecord<T> & { readonly error?: undefined }) | UndecryptableRecord;

/** The keys the renderer holds while unlocked (main derives them; the data key stays there). */
export interface RecordKeys {
  /** AES-256-GCM, encrypt and decrypt. */
  readonly records: CryptoKey;
  /** HMAC-SHA-256, sign only: computes tags, which are compared, never verified. */
  readonly index: CryptoKey;
  /** AES-256-GCM, wrapKey and unwrapKey only: wraps each attachment's own file key (docs/attachments-format.md). */
  readonly attachments: CryptoKey;
}

function checkLength(name: string, bytes: Uint8Array): void {
  if (bytes.length !== keyBytes) throw new RangeError(`The ${name} key must be ${keyBytes} bytes, got ${bytes.length}.`);
}

/**
 * Imports the keys main hands over at unlock as non-extractable WebCrypto keys, then overwrites the
 * bytes so no raw key lingers in the renderer's heap.
 */
export async function importRecordKeys(bytes: { readonly records: Uint8Array; readonly index: Uint8Array; readonly attachments: Uint8Array }): Promise<RecordKeys> {
  try {
    checkLength('records', bytes.records);
    checkLength('index', bytes.index);
    checkLength('attachments', bytes.attachments);
    const [records, index, attachments] = await Promise.all([
      crypto.subtle.importKey('raw', bytes.records as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
      crypto.subtle.importKey('raw', bytes.index as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
      crypto.subtle.importKey('raw', bytes.attachments as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']),
    ]);
    return { records, index, attachments };
  } finally {
    bytes.records.fill(0);
    bytes.index.fill(0);
    bytes.attachments.fill(0);
  }
}

/** The data key, for reading version 1 rows during the migration only; zeroes `bytes`. */
export async function importLegacyKey(bytes: Uint8Array): Promise<CryptoKey> {
  try {
    checkLength('legacy', bytes);
    return await crypto.subtle.importKey('raw', bytes as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['decrypt']);
  } finally {
    bytes.fill(0);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function base64url(bytes: ArrayBuffer): string {
  return toBase64(new Uint8Array(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The keyed tag of a lookup value: equal values in the same table and field give equal tags, and
 * without the index key a tag says nothing of its value (not even across fields or tables).
 */
export async function tagOf(indexKey: CryptoKey, table: string, field: string, value: IndexValue): Promise<string> {
  return base64url(await crypto.subtle.sign('HMAC', indexKey, encoder.encode(JSON.stringify([table, field, value]))));
}

/**
 * The tags of one batch, under one index key and for one table: a lookup value repeats across a batch (a
 * case's notes share its caseId), so each is signed once. Made per call, so a tag never crosses keys or tables.
 */
function tagCache(indexKey: CryptoKey, table: string): (field: string, value: IndexValue) => Promise<string> {
  const tags = new Map<string, Promise<string>>();
  return (field, value) => {
    // The type is part of the key: 5 and "5" are different values with different tags.
    const key = `${typeof value}\u0000${field}\u0000${value}`;
    let tag = tags.get(key);
    if (tag === undefined) tags.set(key, (tag = tagOf(indexKey, table, field, value)));
    return tag;
  };
}

/** What the ciphertext holds: everything about the record except its id. */
interface Payload {
  kind: string;
  updatedAt: number;
  index: IndexFields;
  data: unknown;
}

/** The UTC day (days since the epoch) of a time: the only clock a row shows, and only where the table orders by it. */
export function dayOf(time: number): number {
  return Math.floor(time / 86_400_000);
}

/** Printable ASCII other than `"` and `\`: what JSON.stringify writes as it is. */
const plainJson = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** JSON.stringify of a string, without its call for the common case (random ids, tags, table names). */
function jsonString(text: string): string {
  return plainJson.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * Binds the ciphertext to its place and to every plaintext field of the row: moving it to another
 * row or table, or editing its day or a tag on disk, makes decryption fail. The text is exactly
 * `JSON.stringify([2, table, id, day ?? null, tagEntries])` (docs/records-format.md), written out
 * piece by piece: it is made for every row read or written.
 */
export function associatedDataText(table: string, id: string, day: number | undefined, tags: Readonly<Record<string, string>>): string {
  const fields = Object.keys(tags);
  if (fields.length > 1) fields.sort();
  let entries = '';
  for (const field of fields) entries += `${entries === '' ? '' : ','}[${jsonString(field)},${jsonString(tags[field]!)}]`;
  return `[${recordFormatVersion},${jsonString(table)},${jsonString(id)},${day === undefined ? 'null' : JSON.stringify(day)},[${entries}]]`;
}

/**
 * Encodes texts into slices of shared buffers, a few hundred records to each, rather than a buffer per text:
 * WebCrypto copies what it is given when called, and thousands of small buffers cost the garbage collector
 * more than a few large ones. Slices are never written twice.
 */
function sliceEncoder(): (text: string) => Uint8Array<ArrayBuffer> {
  const size = 256 * 1024;
  let buffer = new Uint8Array(0);
  let used = 0;
  return (text) => {
    const most = text.length * 3; // UTF-8 takes at most three bytes per UTF-16 code unit
    if (buffer.length - used < most) {
      buffer = new Uint8Array(Math.max(size, most));
      used = 0;
    }
    const { written } = encoder.encodeInto(text, buffer.subarray(used));
    const slice = buffer.subarray(used, used + written);
    used += written;
    return slice;
  };
}

/**
 * WebCrypto calls a batch keeps in flight at once. Each call's answer comes back as a task of its own: with
 * few in flight, the main thread waits for those round trips (16 and 64 measured slower), and with all of
 * them at once a batch of 10,000 holds all its inputs and promises at the same time. docs/performance.md.
 */
export const cryptoConcurrency = 512;

/**
 * `run` over every item with at most `limit` calls pending at once; the results in the items' order. Rejects
 * with the first failure, and starts no further call after it.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const at = next++;
      try {
        results[at] = await run(items[at]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export interface RowLayout {
  /** The index fields stored as tags. */
  readonly tags: readonly string[];
  /** Whether the row carries its day (tables read newest first). */
  readonly byDay: boolean;
}

export function layoutOf(spec: RecordTableSpec): RowLayout {
  return { tags: spec.tags, byDay: spec.byDay === true };
}

/**
 * Encrypts records of one table as rows, in the records' order: a few WebCrypto calls in flight at once,
 * each lookup value signed once, texts encoded into shared buffers. Rejects if any record fails, so a
 * caller writes all of them or none.
 */
export function encryptRecords(keys: RecordKeys, table: string, layout: RowLayout, records: readonly DecryptedRecord<unknown>[]): Promise<StoredRow[]> {
  const tagFor = tagCache(keys.index, table);
  const encode = sliceEncoder();
  return mapConcurrently(records, cryptoConcurrency, async ({ id, kind, updatedAt, index, data }) => {
    const tags: Record<string, string> = {};
    for (const field of layout.tags) {
      const value = index[field];
      if (value !== undefined) tags[field] = await tagFor(field, value);
    }
    const day = layout.byDay ? dayOf(updatedAt) : undefined;
    const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
    const payload: Payload = { kind, updatedAt, index, data };
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encode(associatedDataText(table, id, day, tags)) },
      keys.records,
      encode(JSON.stringify(payload)),
    );
    const row: Record<string, unknown> = { id, v: recordFormatVersion, iv, ciphertext };
    if (day !== undefined) row.day = day;
    for (const field in tags) row[field] = tags[field];
    return row as unknown as StoredRow;
  });
}

const rowFields = new Set(['id', 'v', 'iv', 'ciphertext', 'day']);

function tagsOf(row: StoredRow): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const field of Object.keys(row)) {
    const value = row[field];
    if (!rowFields.has(field) && typeof value === 'string') tags[field] = value;
  }
  return tags;
}

function isPayload(value: unknown): value is Payload {
  const payload = value as Partial<Payload> | null;
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof payload.kind === 'string' &&
    typeof payload.updatedAt === 'number' &&
    typeof payload.index === 'object' &&
    payload.index !== null &&
    'data' in payload
  );
}

/** Never throws: a row that is malformed, of another format, tampered with or under another key comes back flagged. */
export function decryptRow<T>(keys: RecordKeys, table: string, row: StoredRow): Promise<RecordResult<T>> {
  return decryptOne<T>(keys, table, row, (text) => encoder.encode(text));
}

/** Rows of one table, in their order, with a few WebCrypto calls in flight at once; never throws (see decryptRow). */
export function decryptRows<T>(keys: RecordKeys, table: string, rows: readonly StoredRow[]): Promise<RecordResult<T>[]> {
  const encode = sliceEncoder();
  return mapConcurrently(rows, cryptoConcurrency, (row) => decryptOne<T>(keys, table, row, encode));
}

async function decryptOne<T>(keys: RecordKeys, table: string, row: StoredRow, encode: (text: string) => Uint8Array<ArrayBuffer>): Promise<RecordResult<T>> {
  try {
    return recordOf<T>(row.id, await openWith(keys, table, row, encode));
  } catch {
    return { id: String(row.id), error: 'undecryptable' };
  }
}

/** A row's plaintext, authenticated against its place and plaintext fields; rejects when it does not open. */
export function openRow(keys: RecordKeys, table: string, row: StoredRow): Promise<ArrayBuffer> {
  return openWith(keys, table, row, (text) => encoder.encode(text));
}

async function openWith(keys: RecordKeys, table: string, row: StoredRow, encode: (text: string) => Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  if (row.v !== recordFormatVersion) throw new Error(`Not a version ${recordFormatVersion} row`);
  return crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: row.iv as Uint8Array<ArrayBuffer>, additionalData: encode(associatedDataText(table, row.id, row.day, tagsOf(row))) },
    keys.records,
    row.ciphertext,
  );
}

/** The record in an opened row's plaintext (`openRow`); flagged when it is not one. Never throws. */
export function recordOf<T>(id: string, plaintext: ArrayBuffer): RecordResult<T> {
  try {
    const payload: unknown = JSON.parse(decoder.decode(plaintext));
    if (!isPayload(payload)) throw new Error('Not a record');
    return { id, kind: payload.kind, updatedAt: payload.updatedAt, index: payload.index, data: payload.data as T };
  } catch {
    return { id: String(id), error: 'undecryptable' };
  }
}

/** A version 1 row: plaintext kind, updatedAt and index fields beside a ciphertext under the data key. */
export interface V1Row {
  readonly id: string;
  readonly kind: string;
  readonly updatedAt: number;
  readonly iv: Uint8Array;
  readonly ciphertext: ArrayBuffer;
  readonly v: 1;
  readonly [indexField: string]: IndexValue | Uint8Array | ArrayBuffer;
}

const v1Fields = new Set(['id', 'kind', 'updatedAt', 'iv', 'ciphertext', 'v']);

/** Reads a version 1 row as the version 1 store wrote it (its associated data included); never throws. */
export async function decryptV1Row(legacyKey: CryptoKey, table: string, row: V1Row): Promise<RecordResult<unknown>> {
  try {
    const index: Record<string, IndexValue> = {};
    for (const field of Object.keys(row).sort()) {
      const value = row[field];
      if (!v1Fields.has(field) && (typeof value === 'string' || typeof value === 'number')) index[field] = value;
    }
    const additionalData = encoder.encode(JSON.stringify([1, table, row.id, row.kind, row.updatedAt, Object.entries(index)]));
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv as Uint8Array<ArrayBuffer>, additionalData }, legacyKey, row.ciphertext);
    return { id: row.id, kind: row.kind, updatedAt: row.updatedAt, index, data: JSON.parse(decoder.decode(plaintext)) as unknown };
  } catch {
    return { id: String(row.id), error: 'undecryptable' };
  }
}
