/**
 * Runs in Chromium (bundled by ../records' withBenchPage): attaching a file through the app's chunked
 * store and opening it again, beside raw AES-GCM over the same bytes and beside IndexedDB alone (the same
 * chunks put and got back with no crypto and no hashing), all in the same page.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import Dexie from 'dexie';
import { attachmentChunkBytes, deleteDatabase, importRecordKeys, openRecordStore, readAttachment, writeAttachment } from '../../src/renderer/src/db';

export interface AttachmentsBenchSamples {
  /** Write every chunk, then read and decrypt every chunk back, ms. */
  attachOpen: number[];
  /** The write alone (read, hash, encrypt, store), ms. */
  attach: number[];
  /** One AES-256-GCM encrypt and one decrypt of the same bytes, ms. */
  raw: number[];
  /** IndexedDB alone: the same number of 1 MiB chunks put (as the store writes them) and got back, no crypto, ms. */
  idb: number[];
  /** SHA-256 of the same bytes with @noble/hashes, 1 MiB at a time (as the store hashes a file over 32 MiB), ms. */
  hash: number[];
  /** SHA-256 of the same bytes with WebCrypto, in one call (as the store hashes a file of at most 32 MiB, read whole), ms. */
  nativeHash: number[];
}

export interface AttachmentsBenchWindow {
  attachmentsBench(sizeMb: number, pairs: number): Promise<AttachmentsBenchSamples>;
  /** One attach and open for a profiler, told when each phase starts and ends (outside the timing). */
  attachOnce(sizeMb: number, hook: (phase: string) => Promise<void>): Promise<{ attach: number; open: number }>;
  /** Makes a file of `sizeMb` in the page (before the baseline is taken), for attachLarge. */
  makeLargeFile(sizeMb: number): Promise<void>;
  /** Attaches the file makeLargeFile made; the memory sampler runs beside it. */
  attachLarge(): Promise<number>;
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(at + 65_536, size)));
  return bytes;
}

const key = () => crypto.getRandomValues(new Uint8Array(32));

async function newStore(dbName: string) {
  return openRecordStore(await importRecordKeys({ records: key(), index: key(), attachments: key() }), { dbName });
}

async function attachAndOpen(file: Blob, dbName: string, hook?: (phase: string) => Promise<void>): Promise<{ attach: number; open: number }> {
  const store = await newStore(dbName);
  try {
    await hook?.('attach start');
    let start = performance.now();
    const written = await writeAttachment(store, file, { limitBytes: Infinity, estimate: async () => ({}) });
    const attach = performance.now() - start;
    await hook?.('attach end');
    await hook?.('open start');
    start = performance.now();
    let read = 0;
    for await (const chunk of readAttachment(store, written.blob)) read += chunk.length;
    const open = performance.now() - start;
    await hook?.('open end');
    if (read !== file.size) throw new Error('the file did not come back whole');
    return { attach, open };
  } finally {
    store.close();
    await deleteDatabase(dbName);
  }
}

/**
 * The floor IndexedDB sets: the file's chunks (with room for the tag) put into a table of the same shape, each
 * as a Blob as the store keeps them, then got back one by one and read. No crypto, no hash.
 */
async function idbAlone(bytes: Uint8Array<ArrayBuffer>, dbName: string): Promise<number> {
  await Dexie.delete(dbName);
  const db = new Dexie(dbName);
  db.version(1).stores({ chunks: '[blob+n], blob' });
  await db.open();
  const table = db.table<{ blob: string; n: number; data: Blob }, [string, number]>('chunks');
  const count = Math.ceil(bytes.length / attachmentChunkBytes);
  const slices = Array.from({ length: count }, (_, n) => bytes.slice(n * attachmentChunkBytes, (n + 1) * attachmentChunkBytes + 16));
  try {
    const start = performance.now();
    await table.bulkPut(slices.map((data, n) => ({ blob: 'b', n, data: new Blob([data]) })));
    let read = 0;
    for (let n = 0; n < count; n += 1) read += (await (await table.get(['b', n]))!.data.arrayBuffer()).byteLength;
    const ms = performance.now() - start;
    if (read === 0) throw new Error('nothing came back');
    return ms;
  } finally {
    db.close();
    await Dexie.delete(dbName);
  }
}

/** Before each timing: the garbage of what ran before collected (Chromium runs with --expose-gc), and a moment for IndexedDB to finish deleting. */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 150));
}

/**
 * Pairs of the store and its baselines on the same bytes; pair 0 warms up and is not counted, and every other
 * pair runs in the reverse order, so a cost one timing leaves to the next falls on each side equally.
 */
async function run(sizeMb: number, pairs: number): Promise<AttachmentsBenchSamples> {
  const bytes = randomBytes(sizeMb * 1024 * 1024);
  const file = new Blob([bytes]);
  const samples: AttachmentsBenchSamples = { attachOpen: [], attach: [], raw: [], idb: [], hash: [], nativeHash: [] };
  const rawKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const timed = async (work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  for (let pair = 0; pair <= pairs; pair += 1) {
    const taken: Partial<Record<keyof AttachmentsBenchSamples, number>> = {};
    const parts: Array<() => Promise<void>> = [
      async () => {
        const { attach, open } = await attachAndOpen(file, `attachments-bench-${pair}`);
        taken.attach = attach;
        taken.attachOpen = attach + open;
      },
      async () => {
        taken.idb = await idbAlone(bytes, `attachments-bench-idb-${pair}`);
      },
      async () => {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        taken.raw = await timed(async () => crypto.subtle.decrypt({ name: 'AES-GCM', iv }, rawKey, await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, rawKey, bytes)));
      },
      async () => {
        taken.hash = await timed(async () => {
          const hash = sha256.create();
          for (let at = 0; at < bytes.length; at += attachmentChunkBytes) hash.update(bytes.subarray(at, at + attachmentChunkBytes));
          hash.digest();
        });
      },
      async () => {
        taken.nativeHash = await timed(() => crypto.subtle.digest('SHA-256', bytes));
      },
    ];
    for (const part of pair % 2 ? parts.reverse() : parts) {
      await settle();
      await part();
    }
    if (pair === 0) continue; // warm-up
    for (const key of Object.keys(samples) as Array<keyof AttachmentsBenchSamples>) samples[key].push(taken[key]!);
  }
  return samples;
}

let largeFile: Blob | null = null;

const benchWindow: AttachmentsBenchWindow = {
  attachmentsBench: run,
  attachOnce: (sizeMb, hook) => attachAndOpen(new Blob([randomBytes(sizeMb * 1024 * 1024)]), 'attachments-profile', hook),
  async makeLargeFile(sizeMb) {
    // Made a megabyte at a time, through one buffer, into a Blob, whose bytes Chromium keeps outside the page (as
    // it does a File the caseworker picks), so the baseline taken after this does not count the file itself.
    const buffer = new Uint8Array(1024 * 1024);
    const parts: Blob[] = [];
    for (let n = 0; n < sizeMb; n += 1) {
      for (let at = 0; at < buffer.length; at += 65_536) crypto.getRandomValues(buffer.subarray(at, at + 65_536));
      parts.push(new Blob([buffer]));
    }
    largeFile = new Blob(parts);
  },
  async attachLarge() {
    if (!largeFile) throw new Error('makeLargeFile first');
    const store = await newStore('attachments-bench-large');
    try {
      const start = performance.now();
      await writeAttachment(store, largeFile, { limitBytes: Infinity, estimate: async () => ({}) });
      return performance.now() - start;
    } finally {
      store.close();
      await deleteDatabase('attachments-bench-large');
    }
  },
};
Object.assign(window, benchWindow);
