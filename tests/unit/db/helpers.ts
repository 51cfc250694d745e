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
