import Dexie from 'dexie';
import { importRecordKeys, type RecordKeys } from '@renderer/db';

let dbCounter = 0;

/** A database name no other test uses, so tests never see each other's rows. */
export function uniqueDbName(): string {
  dbCounter += 1;
  return `waypoint-test-${dbCounter}-${crypto.randomUUID()}`;
}

/** A fresh pair of record keys, as the renderer imports them at unlock. */
export function newKey(): Promise<RecordKeys> {
  return importRecordKeys({
    records: crypto.getRandomValues(new Uint8Array(32)),
    index: crypto.getRandomValues(new Uint8Array(32)),
    attachments: crypto.getRandomValues(new Uint8Array(32)),
  });
}

/** Opens the database as it is on disk, bypassing the record store, to inspect or tamper with rows. */
export async function openRaw(dbName: string): Promise<Dexie> {
  const db = new Dexie(dbName);
  await db.open();
  return db;
}

/** JSON of a stored row with its typed arrays spelled out, so a plaintext search covers every byte. */
export function serialiseRow(row: unknown): string {
  return JSON.stringify(row, (_key, value: unknown) => {
    if (value instanceof ArrayBuffer) return Array.from(new Uint8Array(value));
    if (ArrayBuffer.isView(value)) return Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    return value;
  });
}

interface ServedRecord {
  table: string;
  id: string;
  updatedAt: number;
  data: unknown;
}

/**
 * Stands in for main's restore session (`window.waypoint.restore`) over a backup's records: open, then passes
 * that each start at cursor 0, two records to a batch. `pass` may give a pass other records (a file changed
 * between the passes); `beforeRead` runs before each batch is handed out.
 */
export function serveBackup(
  records: readonly ServedRecord[],
  { pass = () => records, beforeRead }: { pass?: (pass: number) => readonly ServedRecord[]; beforeRead?: (pass: number, cursor: number) => Promise<void> } = {},
): void {
  let passes = -1;
  let current: readonly ServedRecord[] = records;
  const restore = {
    open: async () => ({ ok: true, value: { manifest: { formatVersion: 1, appVersion: 'test', createdAt: 0, counts: {} }, records: records.length } }),
    read: async ({ cursor }: { cursor: number }) => {
      if (cursor === 0) current = pass((passes += 1));
      await beforeRead?.(passes, cursor);
      const batch = current.slice(cursor, cursor + 2);
      return { ok: true, value: { records: batch, cursor: cursor + batch.length, done: cursor + batch.length >= current.length } };
    },
  };
  (globalThis as { window?: unknown }).window = { waypoint: { restore } };
}
