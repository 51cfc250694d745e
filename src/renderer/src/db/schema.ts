/**
 * Which encrypted tables exist and which plaintext index fields each may carry, per schema version.
 * Index fields hold opaque ids, dates and statuses only: everything else lives in the ciphertext.
 */

/** A value an index field may hold: both are valid IndexedDB keys and sort predictably. */
export type IndexValue = string | number;
export type IndexFields = Readonly<Record<string, IndexValue>>;

/** A record as features see it once decrypted. */
export interface DecryptedRecord<T> {
  readonly id: string;
  readonly kind: string;
  readonly updatedAt: number;
  readonly index: IndexFields;
  readonly data: T;
}

export interface RecordSchemaVersion {
  readonly version: number;
  /** Every table that exists at this version (table name -> index field names). Omitting a table deletes it. */
  readonly tables: Readonly<Record<string, readonly string[]>>;
  /**
   * For index fields this version adds to existing tables: computes their values from each decrypted record.
   * Runs after the database has opened, outside any transaction (it needs WebCrypto), then re-encrypts the row.
   */
  readonly backfill?: Readonly<Record<string, (record: DecryptedRecord<unknown>) => IndexFields>>;
}

export interface RecordSchema {
  /** Oldest first; versions only ever get appended. */
  readonly versions: readonly RecordSchemaVersion[];
}

/** Row fields the store itself writes; an index field may not shadow them. */
export const reservedFields = ['id', 'kind', 'updatedAt', 'iv', 'ciphertext', 'v'] as const;

/** Plaintext bookkeeping table (only numbers): how far backfills have run. */
export const metaTable = '_meta';

/** The app's encrypted tables. Features add a table or an index field by appending a version. */
export const waypointSchema: RecordSchema = {
  versions: [
    {
      version: 1,
      tables: {
        cases: ['status', 'createdAt'],
        notes: ['caseId', 'createdAt'],
        checklists: ['caseId', 'templateId', 'status'],
        orgNotes: ['orgId'],
        templates: ['createdAt'],
      },
    },
  ],
};

export class RecordSchemaError extends Error {
  override readonly name = 'RecordSchemaError';
}

export function latestVersion(schema: RecordSchema): RecordSchemaVersion {
  const latest = schema.versions.at(-1);
  if (!latest) throw new RecordSchemaError('A record schema needs at least one version.');
  return latest;
}

/** Throws on a schema Dexie would accept but the store could not use safely. */
export function assertValidSchema(schema: RecordSchema): void {
  latestVersion(schema);
  let previous = 0;
  for (const { version, tables, backfill } of schema.versions) {
    if (!Number.isInteger(version) || version <= previous) {
      throw new RecordSchemaError(`Schema versions must be increasing integers (got ${version} after ${previous}).`);
    }
    previous = version;
    for (const [table, fields] of Object.entries(tables)) {
      if (table === metaTable || table.startsWith('$')) throw new RecordSchemaError(`Table name "${table}" is reserved.`);
      for (const field of fields) {
        if ((reservedFields as readonly string[]).includes(field) || !/^[A-Za-z][A-Za-z0-9]*$/.test(field)) {
          throw new RecordSchemaError(`Index field "${table}.${field}" is reserved or not a plain name.`);
        }
      }
    }
    for (const table of Object.keys(backfill ?? {})) {
      if (!(table in tables)) throw new RecordSchemaError(`Version ${version} backfills unknown table "${table}".`);
    }
  }
}

/** Dexie `stores()` argument for one version; tables dropped since the previous version map to null. */
export function dexieStores(
  current: RecordSchemaVersion,
  previous: RecordSchemaVersion | undefined,
): Record<string, string | null> {
  const stores: Record<string, string | null> = { [metaTable]: 'key' };
  for (const table of Object.keys(previous?.tables ?? {})) stores[table] = null;
  for (const [table, fields] of Object.entries(current.tables)) {
    stores[table] = ['id', 'kind', 'updatedAt', ...fields].join(', ');
  }
  return stores;
}
