import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { open, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RESTORE_UPLOAD_FOLDER } from './data-folder';
import { CORRUPT_SETTINGS_PREFIX, SETTINGS_FILE } from './settings';
import { ATTEMPTS_FILE } from './vault/attempts';
import { HEADER_FILE } from './vault/header';

/**
 * Erasing the data folder, and finishing an erase that a crash or a power cut interrupted.
 *
 * Order: the marker is written, the vault header is destroyed (so whatever else remains is
 * unreadable from that moment), every other file the services wrote goes, the marker goes last. A
 * start that finds the marker, or app files without a header, finishes the job before anything
 * else runs. What the browser engine keeps (IndexedDB, storage, caches) is cleared by the caller:
 * the Electron session in main, the page itself in the browser preview.
 */

/** Present from the start of an erase to its end. */
export const ERASE_MARKER_FILE = 'erase-pending';

/**
 * Files and folders the services write into the data folder, by exact name. Not the browser
 * preview's exports/: it stands for the folder a person picks in the app's save dialog, and an
 * erase leaves files saved there, as it leaves a backup on a USB stick.
 */
const APP_ENTRIES = new Set([HEADER_FILE, ATTEMPTS_FILE, SETTINGS_FILE, RESTORE_UPLOAD_FOLDER, ERASE_MARKER_FILE]);
/** Atomic writes go through `<name>.<digits>` before the rename; a crash can leave one behind. */
const ATOMIC_TEMP = new RegExp(`^(${[HEADER_FILE, ATTEMPTS_FILE, SETTINGS_FILE].map(escapeRegExp).join('|')})\\.[0-9a-z]+$`);

/**
 * True for a name the app wrote. In Electron the data folder is also Chromium's profile: its files
 * (IndexedDB/, Local Storage/, Preferences...) are not listed here; the session clears them.
 */
export function isAppEntry(name: string): boolean {
  return APP_ENTRIES.has(name) || ATOMIC_TEMP.test(name) || (name.startsWith(CORRUPT_SETTINGS_PREFIX) && name.endsWith('.json'));
}

/** Deletes every file the app wrote in the data folder; the header first, overwritten before it goes. Safe to call twice. */
export async function eraseDataFolder(folder: string): Promise<void> {
  const marker = join(folder, ERASE_MARKER_FILE);
  // Best effort: on a full disk the marker may not fit, and the erase must go on. Without it, the
  // missing header still tells the next start that the erase did not finish.
  await writeFile(marker, '', { mode: 0o600 }).catch(() => undefined);
  await destroyFile(join(folder, HEADER_FILE));
  const rest = (await appEntriesIn(folder)).filter((name) => name !== ERASE_MARKER_FILE);
  await Promise.all(rest.map((name) => rm(join(folder, name), { recursive: true, force: true })));
  await rm(marker, { force: true });
}

/** An erase started and did not end: its marker is there, or app files outlive the header it destroys first. */
export async function eraseWasInterrupted(folder: string): Promise<boolean> {
  const names = await appEntriesIn(folder);
  return names.includes(ERASE_MARKER_FILE) || (names.length > 0 && !names.includes(HEADER_FILE));
}

/** Run at start, before anything reads the data folder. Returns true when there was an erase to finish. */
export async function finishInterruptedErase(folder: string): Promise<boolean> {
  if (!(await eraseWasInterrupted(folder))) return false;
  await eraseDataFolder(folder);
  return true;
}

/** Chromium's autofill database in its profile: plaintext form entries, and no Electron API clears it. */
export const AUTOFILL_STORE_FILES = ['Web Data', 'Web Data-journal'] as const;

/**
 * Electron only, where the data folder is also Chromium's profile: at start, before the browser engine
 * opens the profile (Chromium holds this file open while the app runs, so an erase cannot delete it
 * then). Without a vault, or with an erase unfinished, removes the autofill database, which may hold
 * text typed under the vault that is gone.
 */
export function removeAutofillStoreWithoutVault(folder: string): void {
  if (existsSync(join(folder, HEADER_FILE)) && !existsSync(join(folder, ERASE_MARKER_FILE))) return;
  for (const name of AUTOFILL_STORE_FILES) rmSync(join(folder, name), { force: true });
}

async function appEntriesIn(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter(isAppEntry);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Overwrites the file in place with random bytes, then deletes it: a rename-based write would leave the old blocks. */
async function destroyFile(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(size), 0, size, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rm(path, { force: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
