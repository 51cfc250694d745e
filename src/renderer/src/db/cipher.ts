/**
 * The row format (version 2, see docs/records-format.md): AES-256-GCM under the records key, and
 * lookup fields as HMAC-SHA-256 tags under the index key. Version 1 rows (under the vault's data key,
 * with plaintext index fields) are only read, by the migration (`decryptV1Row`).
 * Pure WebCrypto: nothing here touches IndexedDB, so callers can keep every await outside transactions.
 */
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

/** The two keys the renderer holds while unlocked (main derives them; the data key stays there). */
export interface RecordKeys {
  /** AES-256-GCM, encrypt and decrypt. */
  readonly records: CryptoKey;
  /** HMAC-SHA-256, sign only: computes tags, which are compared, never verified. */
  readonly index: CryptoKey;
}

function checkLength(name: string, bytes: Uint8Array): void {
  if (bytes.length !== keyBytes) throw new RangeError(`The ${name} key must be ${keyBytes} bytes, got ${bytes.length}.`);
}

/**
 * Imports the keys main hands over at unlock as non-extractable WebCrypto keys, then overwrites the
 * bytes so no raw key lingers in the renderer's heap.
 */
export async function importRecordKeys(bytes: { readonly records: Uint8Array; readonly index: Uint8Array }): Promise<RecordKeys> {
  try {
    checkLength('records', bytes.records);
    checkLength('index', bytes.index);
    const [records, index] = await Promise.all([
      crypto.subtle.importKey('raw', bytes.records as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
      crypto.subtle.importKey('raw', bytes.index as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    ]);
    return { records, index };
  } finally {
    bytes.records.fill(0);
    bytes.index.fill(0);
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
  let text = '';
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The keyed tag of a lookup value: equal values in the same table and field give equal tags, and
 * without the index key a tag says nothing of its value (not even across fields or tables).
 */
export async function tagOf(indexKey: CryptoKey, table: string, field: string, value: IndexValue): Promise<string> {
  return base64url(await crypto.subtle.sign('HMAC', indexKey, encoder.encode(JSON.stringify([table, field, value]))));
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

/**
 * Binds the ciphertext to its place and to every plaintext field of the row: moving it to another
 * row or table, or editing its day or a tag on disk, makes decryption fail.
 */
function associatedData(table: string, id: string, day: number | undefined, tags: Readonly<Record<string, string>>): Uint8Array<ArrayBuffer> {
  const tagEntries = Object.keys(tags)
    .sort()
    .map((field) => [field, tags[field]]);
  return encoder.encode(JSON.stringify([recordFormatVersion, table, id, day ?? null, tagEntries]));
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

export async function encryptRecord(keys: RecordKeys, table: string, layout: RowLayout, record: DecryptedRecord<unknown>): Promise<StoredRow> {
  const { id, kind, updatedAt, index, data } = record;
  const tags: Record<string, string> = {};
  for (const field of layout.tags) {
    const value = index[field];
    if (value !== undefined) tags[field] = await tagOf(keys.index, table, field, value);
  }
  const day = layout.byDay ? dayOf(updatedAt) : undefined;
  const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
  const payload: Payload = { kind, updatedAt, index, data };
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(table, id, day, tags) },
    keys.records,
    encoder.encode(JSON.stringify(payload)),
  );
  return { ...tags, id, ...(day === undefined ? {} : { day }), iv, ciphertext, v: recordFormatVersion };
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
export async function decryptRow<T>(keys: RecordKeys, table: string, row: StoredRow): Promise<RecordResult<T>> {
  try {
    if (row.v !== recordFormatVersion) throw new Error(`Not a version ${recordFormatVersion} row`);
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: row.iv as Uint8Array<ArrayBuffer>, additionalData: associatedData(table, row.id, row.day, tagsOf(row)) },
      keys.records,
      row.ciphertext,
    );
    const payload: unknown = JSON.parse(decoder.decode(plaintext));
    if (!isPayload(payload)) throw new Error('Not a record');
    return { id: row.id, kind: payload.kind, updatedAt: payload.updatedAt, index: payload.index, data: payload.data as T };
  } catch {
    return { id: String(row.id), error: 'undecryptable' };
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
