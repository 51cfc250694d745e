/**
 * Which encrypted tables exist, per schema version, and what each row shows beside its ciphertext:
 * keyed tags of the lookup fields the table declares, and the UTC day for tables read newest first.
 * Everything else (kind, exact times, statuses, the values behind the tags) lives in the ciphertext.
 */

/** A value an index field may hold. */
export type IndexValue = string | number;
export type IndexFields = Readonly<Record<string, IndexValue>>;

/** A record as features see it once decrypted. */
export interface DecryptedRecord<T> {
  readonly id: string;
  readonly kind: string;
  readonly updatedAt: number;
  /** The lookup values (stored as tags beside the ciphertext, and themselves inside it). */
  readonly index: IndexFields;
  readonly data: T;
}

export interface RecordTableSpec {
  /** Fields the app looks records up by equality; each is stored as a keyed tag, never as its value. */
  readonly tags: readonly string[];
  /** The row shows the UTC day of its last change, so the newest can be read first (the case list). */
  readonly byDay?: boolean;
  /**
   * Kept by the store itself from other tables (`summaryTable`): never written by a feature, never backed up
   * nor tombstoned, since it can be made again from the records; re-encrypted when keys change like any row.
   */
  readonly derived?: boolean;
}

export interface RecordSchemaVersion {
  /** 2 and up: version 1 is the version 1 row format's layout (`v1Stores`), which the migration reads. */
  readonly version: number;
  /**
   * Every table that exists at this version. Omitting a table deletes it. A new table, or a tag field
   * on a new table, needs nothing more; a tag added to a table that has rows needs them re-encrypted
   * (tags are in the associated data), as the migration from version 1 does.
   */
  readonly tables: Readonly<Record<string, RecordTableSpec>>;
  /**
   * Tables of another row shape, as Dexie `stores()` strings: not records, so neither backed up,
   * re-encrypted nor tombstoned by the store (the attachments' chunks, docs/attachments-format.md).
   */
  readonly rawTables?: Readonly<Record<string, string>>;
}

export interface RecordSchema {
  /** Oldest first; versions only ever get appended. */
  readonly versions: readonly RecordSchemaVersion[];
}

/** Row fields the store itself writes; a tag field may not shadow them. */
export const reservedFields = ['id', 'v', 'iv', 'ciphertext', 'day'] as const;

/** Plaintext bookkeeping table: whether the migration from version 1 has finished. */
export const metaTable = '_meta';

/**
 * Where a deleted record leaves its trace: a row of the same opaque shape, holding (encrypted) the
 * table, id and time of the deletion, so a merge restore does not bring the record back.
 */
export const tombstoneTable = 'tombstones';

/** Summaries the store keeps of other tables, one record each (`summaries.ts`: the agenda's). */
export const summaryTable = 'summaries';

/** Attached files' records: name, caption, hashes, and the file key wrapped under the attachments key. */
export const attachmentsTable = 'attachments';

/** The encrypted chunks of attached files: `{ blob, n, data }`, one row per chunk (docs/attachments-format.md). */
export const attachmentChunksTable = 'attachmentChunks';

/** The tables as the version 1 store declared them (Dexie version 1), with their plaintext index fields. */
export const v1Stores: Readonly<Record<string, string>> = {
  [metaTable]: 'key',
  cases: 'id, kind, updatedAt, status, createdAt',
  notes: 'id, kind, updatedAt, caseId, createdAt',
  checklists: 'id, kind, updatedAt, caseId, templateId, status',
  orgNotes: 'id, kind, updatedAt, orgId',
  templates: 'id, kind, updatedAt, createdAt',
};

/** The app's encrypted tables. Features add a table or a tag field by appending a version. */
export const waypointSchema = {
  versions: [
    {
      version: 2,
      tables: {
        cases: { tags: [], byDay: true },
        notes: { tags: ['caseId'] },
        checklists: { tags: ['caseId'] },
        templates: { tags: [] },
        /** The person's marks on directory entries: favourites, private notes, "this number did not work". */
        orgNotes: { tags: ['orgId'] },
        /** The person's own directory entries and organizations. */
        ownDirectory: { tags: [] },
        [tombstoneTable]: { tags: [] },
      },
    },
    {
      version: 3,
      tables: {
        cases: { tags: [], byDay: true },
        notes: { tags: ['caseId'] },
        checklists: { tags: ['caseId'] },
        templates: { tags: [] },
        orgNotes: { tags: ['orgId'] },
        ownDirectory: { tags: [] },
        /** Deadlines, appointments and reminders on a case, found by their case. */
        followUps: { tags: ['caseId'] },
        [tombstoneTable]: { tags: [] },
      },
    },
    {
      version: 4,
      tables: {
        cases: { tags: [], byDay: true },
        notes: { tags: ['caseId'] },
        checklists: { tags: ['caseId'] },
        templates: { tags: [] },
        orgNotes: { tags: ['orgId'] },
        ownDirectory: { tags: [] },
        followUps: { tags: ['caseId'] },
        /** What is known of each attached file (name, caption, size, hashes, its wrapped file key), found by its case. */
        [attachmentsTable]: { tags: ['caseId'] },
        [tombstoneTable]: { tags: [] },
      },
      rawTables: { [attachmentChunksTable]: '[blob+n], blob' },
    },
    {
      version: 5,
      tables: {
        cases: { tags: [], byDay: true },
        notes: { tags: ['caseId'] },
        checklists: { tags: ['caseId'] },
        templates: { tags: [] },
        orgNotes: { tags: ['orgId'] },
        ownDirectory: { tags: [] },
        followUps: { tags: ['caseId'] },
        [attachmentsTable]: { tags: ['caseId'] },
        /** What the agenda and the unlock banner need of every follow-up, in one record kept with them (summaries.ts). */
        [summaryTable]: { tags: [], derived: true },
        [tombstoneTable]: { tags: [] },
      },
      rawTables: { [attachmentChunksTable]: '[blob+n], blob' },
    },
  ],
} as const satisfies RecordSchema;

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
  let previous = 1;
  for (const { version, tables, rawTables = {} } of schema.versions) {
    if (!Number.isInteger(version) || version <= previous) {
      throw new RecordSchemaError(`Schema versions must be increasing integers above 1 (got ${version} after ${previous}).`);
    }
    previous = version;
    if (!(tombstoneTable in tables)) throw new RecordSchemaError(`Version ${version} has no "${tombstoneTable}" table.`);
    for (const raw of Object.keys(rawTables)) {
      if (raw in tables || raw === metaTable) throw new RecordSchemaError(`Raw table "${raw}" has the name of another table.`);
    }
    for (const [table, spec] of Object.entries(tables)) {
      if (table === metaTable || table.startsWith('$')) throw new RecordSchemaError(`Table name "${table}" is reserved.`);
      for (const field of spec.tags) {
        if ((reservedFields as readonly string[]).includes(field) || !/^[A-Za-z][A-Za-z0-9]*$/.test(field)) {
          throw new RecordSchemaError(`Tag field "${table}.${field}" is reserved or not a plain name.`);
        }
      }
    }
  }
}

/** Dexie `stores()` argument for one version; tables dropped since the previous version map to null. */
export function dexieStores(current: RecordSchemaVersion, previousTables: readonly string[]): Record<string, string | null> {
  const stores: Record<string, string | null> = { [metaTable]: 'key' };
  for (const table of previousTables) stores[table] = null;
  for (const [table, spec] of Object.entries(current.tables)) {
    stores[table] = ['id', ...(spec.byDay ? ['day'] : []), ...spec.tags].join(', ');
  }
  return { ...stores, ...current.rawTables };
}
