import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MIN_NEW_PASSPHRASE_CHARS } from '../../../shared/vault';
import { writeFileAtomically } from '../atomic-file';
import { eraseDataFolder, finishInterruptedErase } from '../erase';
import { ATTEMPTS_FILE, delayAfterFailures, readAttempts, retryAfterMs, type Attempts } from './attempts';
import { VaultError, type VaultErrorCode } from './errors';
import {
  HEADER_FILE,
  MAX_ERASE_AFTER,
  MIN_ERASE_AFTER,
  headerMacMatches,
  openNextKey,
  parseHeader,
  sealNextKey,
  sealHeader,
  serializeHeader,
  unwrapKey,
  wrapKey,
  type HeaderContent,
  type KeyWrap,
  type VaultHeader,
  type WrapId,
} from './header';
import { FLOOR_LOG_N, KEY_LENGTH, RECOVERY_COST, SALT_LENGTH, calibrateScrypt, deriveKey, meetsFloor, type ScryptCost, type ScryptParams } from './kdf';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';

export { HEADER_FILE };
/**
 * For a new passphrase, in Unicode code points after NFC normalisation. Main does not judge strength
 * (zxcvbn's dictionaries are megabytes): the page's score guides the person typing, and this floor
 * holds whatever the page sends.
 */
export const MIN_PASSPHRASE_LENGTH = MIN_NEW_PASSPHRASE_CHARS;

export interface VaultOptions {
  /** The data folder (Electron's userData). Created on first write. */
  folder: string;
  /** Clock for the failure delay, ms since the epoch. */
  now?: () => number;
  /** How long one passphrase derivation should take on this machine, chosen once at creation. */
  kdfTargetMs?: readonly [number, number];
  /**
   * TEST ONLY. Uses scrypt N = 2^testOnlyScryptLogN for both wraps instead of calibrating, and takes
   * it as the floor, which allows costs below the production floor of 2^17. Never set in the app.
   */
  testOnlyScryptLogN?: number;
  /**
   * TEST ONLY. Derives in place of `deriveKey`, with the same inputs and result: the end-to-end tests pass one
   * that remembers what it derived, so that a worker unlocking a copy of the same vault in every test pays
   * scrypt once, not once a test (tests/e2e/fixtures.ts). Never set in the app.
   */
  testOnlyDeriveKey?: typeof deriveKey;
}

export interface VaultStatus {
  /** A header file exists, readable or not. */
  exists: boolean;
  /** Why an existing header cannot be used, or null. */
  headerError: Extract<VaultErrorCode, 'VAULT_HEADER_CORRUPT' | 'VAULT_UNSUPPORTED_VERSION'> | null;
  failedAttempts: number;
  retryAfterMs: number;
  eraseAfter: number | null;
}

export interface Vault {
  exists(): Promise<boolean>;
  status(): Promise<VaultStatus>;
  /** Creates the vault. Show `recoveryKey` to the user once; it is not stored anywhere. */
  create(passphrase: string): Promise<{ recoveryKey: string; dataKey: Buffer }>;
  /**
   * Returns the 32-byte data key. The caller owns it and should `fill(0)` it on lock. A passphrase
   * wrap below the KDF floor (written by an earlier version) is rewrapped at a calibrated cost.
   */
  unlock(passphrase: string): Promise<Buffer>;
  /** Opens the vault with the recovery key and sets a new passphrase; the recovery key stays valid. */
  unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<Buffer>;
  /**
   * Checks the passphrase again inside an unlocked session (before a backup or an identifying
   * export). The caller must make sure the vault is unlocked: a failure here only delays the next
   * check (see `changePassphrase`), so it must never stand in for unlocking.
   */
  reauthenticate(passphrase: string): Promise<void>;
  /**
   * The old passphrase stops working as soon as this resolves. Like `reauthenticate`, for an unlocked
   * session only: a wrong `current` passphrase brings the growing delay, never the erase.
   */
  changePassphrase(current: string, next: string): Promise<void>;
  /**
   * Replaces the recovery key: a new one wraps the data key in place of the old, whose wrap is gone
   * from the header as soon as this resolves. Show the returned key once. Unlocked sessions only.
   */
  replaceRecoveryKey(passphrase: string): Promise<{ recoveryKey: string }>;
  /**
   * Starts a change of keys (docs/vault-format.md, "Changing keys"): a new data key, kept in the header
   * encrypted under the current one until `finishKeyChange`. Returns it; the caller zeroes it. A change
   * already under way goes on with its next key. Unlocked sessions only, as above.
   */
  beginKeyChange(passphrase: string): Promise<Buffer>;
  /**
   * Once every record is under the keys of the next data key: the header is rewritten under it alone,
   * with a new passphrase wrap and a new recovery key (returned, to show once), and the old data key is
   * gone from it. Unlocked sessions only, as above.
   */
  finishKeyChange(passphrase: string): Promise<{ recoveryKey: string }>;
  /** The next data key of a change of keys under way, opened with the (current) data key; null when there is none. */
  nextKeyOf(dataKey: Buffer): Promise<Buffer | null>;
  /** Erase the vault after this many failed unlocks in a row (at least 3), or never (null). Unlocked sessions only, as above. */
  setEraseAfter(passphrase: string, eraseAfter: number | null): Promise<void>;
  /** Deletes every file the app wrote in the data folder, the header first (overwritten, then deleted). Safe to call twice. */
  erase(): Promise<void>;
  /** At start, before anything else: finishes an erase that was interrupted. True when there was one. */
  finishInterruptedErase(): Promise<boolean>;
}

/**
 * Where failures are counted. Unlocking (passphrase or recovery key) counts in a file, so the delay
 * survives a restart, and may erase the vault. A check inside an unlocked session counts in memory:
 * whoever makes it already sees the records, so erasing would only destroy the key while the session
 * goes on writing records nobody could read again; the delay alone stops guessing there.
 */
interface FailureCounter {
  read(): Promise<Attempts>;
  write(attempts: Attempts): Promise<void>;
  clear(): Promise<void>;
  mayErase: boolean;
}

/**
 * The vault header: a random data key, wrapped under the passphrase and under a recovery key, with a
 * persistent failure counter that delays guessing. Keeps no key in memory between calls.
 */
export function createVault(options: VaultOptions): Vault {
  const { folder } = options;
  const now = options.now ?? Date.now;
  const derive = options.testOnlyDeriveKey ?? deriveKey;
  const headerFile = join(folder, HEADER_FILE);
  const attemptsFile = join(folder, ATTEMPTS_FILE);
  // One operation at a time, so two quick attempts cannot both read the counter before either writes it.
  let queue: Promise<unknown> = Promise.resolve();

  const unlockFailures: FailureCounter = {
    read: () => readAttempts(attemptsFile),
    write: (attempts) => write(attemptsFile, JSON.stringify(attempts) + '\n'),
    clear: () => rm(attemptsFile, { force: true }),
    mayErase: true,
  };
  const noFailures: Attempts = { failedAttempts: 0, lastFailureAt: 0 };
  let sessionAttempts = noFailures;
  const sessionFailures: FailureCounter = {
    read: async () => sessionAttempts,
    write: async (attempts) => void (sessionAttempts = attempts),
    clear: async () => void (sessionAttempts = noFailures),
    mayErase: false,
  };

  function serialised<A extends unknown[], R>(operation: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return (...args) => {
      const result = queue.then(() => operation(...args));
      queue = result.catch(() => undefined);
      return result;
    };
  }

  async function headerExists(): Promise<boolean> {
    try {
      await stat(headerFile);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async function readHeader(): Promise<VaultHeader> {
    let text: string;
    try {
      text = await readFile(headerFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new VaultError('VAULT_NOT_FOUND', 'no vault in this folder');
      throw error;
    }
    return parseHeader(text);
  }

  async function write(file: string, text: string): Promise<void> {
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFileAtomically(file, text);
    } catch (error) {
      throw new VaultError('VAULT_WRITE_FAILED', `could not write ${file}`, { cause: error });
    }
  }

  /** Refuses the attempt, before any KDF work, while the delay from earlier failures runs. */
  async function refuseWhileLockedOut(counter: FailureCounter): Promise<void> {
    let attempts = await counter.read();
    const at = now();
    if (at < attempts.lastFailureAt) {
      // The clock went back: restart the delay from now rather than wait for the old time to return.
      attempts = { ...attempts, lastFailureAt: at };
      await counter.write(attempts);
    }
    const wait = retryAfterMs(attempts, at);
    if (wait > 0) throw new VaultError('VAULT_LOCKED_OUT', `too many failed attempts; retry in ${wait} ms`, { retryAfterMs: wait });
  }

  /** Counts a failure, erases everything if an unlock reaches the user's limit, and throws. */
  async function failAttempt(header: VaultHeader, code: 'VAULT_WRONG_PASSPHRASE' | 'VAULT_WRONG_RECOVERY_KEY', counter: FailureCounter): Promise<never> {
    const previous = await counter.read();
    const failedAttempts = previous.failedAttempts + 1;
    // The erase limit is read from a header not yet authenticated (that needs the right key). Lowering
    // it gains nothing over deleting the file; raising or removing it breaks the MAC and the vault.
    if (counter.mayErase && header.eraseAfter !== null && failedAttempts >= header.eraseAfter) {
      await eraseDataFolder(folder);
      throw new VaultError('VAULT_ERASED', `vault erased after ${failedAttempts} failed attempts`);
    }
    await counter.write({ failedAttempts, lastFailureAt: now() });
    const delay = delayAfterFailures(failedAttempts);
    throw new VaultError(code, code === 'VAULT_WRONG_PASSPHRASE' ? 'wrong passphrase' : 'wrong recovery key', {
      ...(delay > 0 ? { retryAfterMs: delay } : {}),
    });
  }

  /**
   * Derives the key-encryption key for one wrap and opens it. A wrong secret counts as a failure; a
   * right secret with a header whose MAC does not match is reported as corrupt and not counted.
   */
  async function openWrap(header: VaultHeader, id: WrapId, secret: Buffer, counter: FailureCounter): Promise<Buffer> {
    await refuseWhileLockedOut(counter);
    const wrap = header.wraps[id];
    const kek = await derive(secret, wrap.kdf);
    const dataKey = unwrapKey(wrap, kek, id);
    kek.fill(0);
    if (!dataKey) return failAttempt(header, id === 'passphrase' ? 'VAULT_WRONG_PASSPHRASE' : 'VAULT_WRONG_RECOVERY_KEY', counter);
    if (!headerMacMatches(header, dataKey)) {
      dataKey.fill(0);
      throw new VaultError('VAULT_HEADER_CORRUPT', 'vault header fields were changed (MAC does not match)');
    }
    // Knowing the secret ends the delay of both kinds of check.
    await Promise.all([unlockFailures.clear(), sessionFailures.clear()]);
    return dataKey;
  }

  async function openWithPassphrase(header: VaultHeader, passphrase: string, counter: FailureCounter): Promise<Buffer> {
    const secret = passphraseBytes(passphrase);
    try {
      return await openWrap(header, 'passphrase', secret, counter);
    } finally {
      secret.fill(0);
    }
  }

  /** Wraps the data key under a secret with a fresh salt and IV. */
  async function newWrap(dataKey: Buffer, secret: Buffer, id: WrapId, cost: ScryptCost): Promise<KeyWrap> {
    const kdf: ScryptParams = { name: 'scrypt', ...cost, keyLength: KEY_LENGTH, salt: randomBytes(SALT_LENGTH).toString('base64') };
    const kek = await derive(secret, kdf);
    try {
      return wrapKey(dataKey, kek, id, kdf);
    } finally {
      kek.fill(0);
    }
  }

  /**
   * A new passphrase wrap of `dataKey`, keeping the header's cost parameters, or calibrating new ones
   * when they are below the floor (see docs/vault-format.md).
   */
  async function passphraseWrapFor(header: VaultHeader, dataKey: Buffer, passphrase: string): Promise<KeyWrap> {
    const secret = passphraseBytes(passphrase);
    try {
      const { N, r, p } = header.wraps.passphrase.kdf;
      const cost = meetsFloor({ N, r, p }, floorLogN()) ? { N, r, p } : await passphraseCost();
      return await newWrap(dataKey, secret, 'passphrase', cost);
    } finally {
      secret.fill(0);
    }
  }

  /** Replaces the passphrase wrap; a change of keys under way stays as it is. */
  async function rewrapPassphrase(header: VaultHeader, dataKey: Buffer, passphrase: string): Promise<void> {
    const passphraseWrap = await passphraseWrapFor(header, dataKey, passphrase);
    await writeHeader({ eraseAfter: header.eraseAfter, wraps: { ...header.wraps, passphrase: passphraseWrap }, nextKey: header.nextKey }, dataKey);
  }

  /** The next data key of a header that was opened with `dataKey` (its MAC matched, so it opens unless the code is wrong). */
  function openedNextKey(header: VaultHeader, dataKey: Buffer): Buffer | null {
    if (!header.nextKey) return null;
    const nextKey = openNextKey(header.nextKey, dataKey);
    if (!nextKey) throw new VaultError('VAULT_HEADER_CORRUPT', 'the next data key does not open under the data key');
    return nextKey;
  }

  async function writeHeader(content: HeaderContent, dataKey: Buffer): Promise<void> {
    await write(headerFile, serializeHeader(sealHeader(content, dataKey)));
  }

  function floorLogN(): number {
    return options.testOnlyScryptLogN ?? FLOOR_LOG_N;
  }

  async function passphraseCost(): Promise<ScryptCost> {
    if (options.testOnlyScryptLogN !== undefined) return { ...RECOVERY_COST, N: 2 ** options.testOnlyScryptLogN };
    return calibrateScrypt(options.kdfTargetMs ? { targetMs: options.kdfTargetMs } : {});
  }

  function recoveryCost(): ScryptCost {
    if (options.testOnlyScryptLogN !== undefined) return { ...RECOVERY_COST, N: 2 ** options.testOnlyScryptLogN };
    return RECOVERY_COST;
  }

  async function create(passphrase: string): Promise<{ recoveryKey: string; dataKey: Buffer }> {
    requireLongEnough(passphrase);
    if (await headerExists()) throw new VaultError('VAULT_EXISTS', 'a vault already exists in this folder');
    const dataKey = randomBytes(KEY_LENGTH);
    const recovery = generateRecoveryKey();
    const passphraseSecret = passphraseBytes(passphrase);
    const recoverySecret = Buffer.from(recovery.secret, 'ascii');
    try {
      const wraps = {
        passphrase: await newWrap(dataKey, passphraseSecret, 'passphrase', await passphraseCost()),
        recovery: await newWrap(dataKey, recoverySecret, 'recovery', recoveryCost()),
      };
      // A counter left by an earlier vault must not carry over to this one.
      await rm(attemptsFile, { force: true });
      await writeHeader({ eraseAfter: null, wraps, nextKey: undefined }, dataKey);
      return { recoveryKey: recovery.display, dataKey };
    } catch (error) {
      dataKey.fill(0);
      throw error;
    } finally {
      passphraseSecret.fill(0);
      recoverySecret.fill(0);
    }
  }

  async function unlock(passphrase: string): Promise<Buffer> {
    const header = await readHeader();
    const dataKey = await openWithPassphrase(header, passphrase, unlockFailures);
    if (!meetsFloor(header.wraps.passphrase.kdf, floorLogN())) {
      try {
        // The header opened and its MAC matched, so raising the cost rewrites what its owner wrote.
        await rewrapPassphrase(header, dataKey, passphrase);
      } catch (error) {
        // A full or read-only disk must not keep the person from their records: the old wrap still
        // opens, and the next unlock tries again.
        if (!(error instanceof VaultError && error.code === 'VAULT_WRITE_FAILED')) {
          dataKey.fill(0);
          throw error;
        }
      }
    }
    return dataKey;
  }

  async function reauthenticate(passphrase: string): Promise<void> {
    (await openWithPassphrase(await readHeader(), passphrase, sessionFailures)).fill(0);
  }

  async function unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<Buffer> {
    requireLongEnough(newPassphrase);
    const header = await readHeader();
    const parsed = parseRecoveryKey(recoveryKey);
    // A typo caught by the checksum is not a guess, so it does not count as a failed attempt.
    if (parsed === null) throw new VaultError('VAULT_RECOVERY_KEY_MALFORMED', 'recovery key is mistyped or incomplete');
    const secret = Buffer.from(parsed, 'ascii');
    let dataKey: Buffer;
    try {
      dataKey = await openWrap(header, 'recovery', secret, unlockFailures);
    } finally {
      secret.fill(0);
    }
    try {
      await rewrapPassphrase(header, dataKey, newPassphrase);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    return dataKey;
  }

  async function changePassphrase(current: string, next: string): Promise<void> {
    requireLongEnough(next);
    const header = await readHeader();
    const dataKey = await openWithPassphrase(header, current, sessionFailures);
    try {
      await rewrapPassphrase(header, dataKey, next);
    } finally {
      dataKey.fill(0);
    }
  }

  async function replaceRecoveryKey(passphrase: string): Promise<{ recoveryKey: string }> {
    const header = await readHeader();
    const dataKey = await openWithPassphrase(header, passphrase, sessionFailures);
    const recovery = generateRecoveryKey();
    const secret = Buffer.from(recovery.secret, 'ascii');
    try {
      const recoveryWrap = await newWrap(dataKey, secret, 'recovery', recoveryCost());
      await writeHeader({ eraseAfter: header.eraseAfter, wraps: { ...header.wraps, recovery: recoveryWrap }, nextKey: header.nextKey }, dataKey);
      return { recoveryKey: recovery.display };
    } finally {
      secret.fill(0);
      dataKey.fill(0);
    }
  }

  async function setEraseAfter(passphrase: string, eraseAfter: number | null): Promise<void> {
    if (eraseAfter !== null && !(Number.isInteger(eraseAfter) && eraseAfter >= MIN_ERASE_AFTER && eraseAfter <= MAX_ERASE_AFTER)) {
      throw new VaultError('VAULT_BAD_ARGUMENT', `eraseAfter must be null or an integer from ${MIN_ERASE_AFTER} to ${MAX_ERASE_AFTER}`);
    }
    const header = await readHeader();
    const dataKey = await openWithPassphrase(header, passphrase, sessionFailures);
    try {
      await writeHeader({ eraseAfter, wraps: header.wraps, nextKey: header.nextKey }, dataKey);
    } finally {
      dataKey.fill(0);
    }
  }

  async function beginKeyChange(passphrase: string): Promise<Buffer> {
    const header = await readHeader();
    const dataKey = await openWithPassphrase(header, passphrase, sessionFailures);
    try {
      const pending = openedNextKey(header, dataKey);
      if (pending) return pending;
      const nextKey = randomBytes(KEY_LENGTH);
      try {
        // Written before any record changes: from here on, whoever opens the header can finish the change.
        await writeHeader({ eraseAfter: header.eraseAfter, wraps: header.wraps, nextKey: sealNextKey(nextKey, dataKey) }, dataKey);
      } catch (error) {
        nextKey.fill(0);
        throw error;
      }
      return nextKey;
    } finally {
      dataKey.fill(0);
    }
  }

  async function finishKeyChange(passphrase: string): Promise<{ recoveryKey: string }> {
    const header = await readHeader();
    if (!header.nextKey) throw new VaultError('VAULT_NO_KEY_CHANGE', 'no change of keys is under way');
    const dataKey = await openWithPassphrase(header, passphrase, sessionFailures);
    let nextKey: Buffer | null;
    try {
      nextKey = openedNextKey(header, dataKey);
    } finally {
      dataKey.fill(0);
    }
    if (!nextKey) throw new VaultError('VAULT_NO_KEY_CHANGE', 'no change of keys is under way');
    const recovery = generateRecoveryKey();
    const recoverySecret = Buffer.from(recovery.secret, 'ascii');
    try {
      const wraps = {
        passphrase: await passphraseWrapFor(header, nextKey, passphrase),
        recovery: await newWrap(nextKey, recoverySecret, 'recovery', recoveryCost()),
      };
      // One atomic replace: the old header, the only place the old data key was kept, is gone with it.
      await writeHeader({ eraseAfter: header.eraseAfter, wraps, nextKey: undefined }, nextKey);
      return { recoveryKey: recovery.display };
    } finally {
      recoverySecret.fill(0);
      nextKey.fill(0);
    }
  }

  async function nextKeyOf(dataKey: Buffer): Promise<Buffer | null> {
    const header = await readHeader();
    if (!headerMacMatches(header, dataKey)) throw new VaultError('VAULT_HEADER_CORRUPT', 'vault header fields were changed (MAC does not match)');
    return openedNextKey(header, dataKey);
  }

  async function status(): Promise<VaultStatus> {
    const attempts = await readAttempts(attemptsFile);
    const counter = { failedAttempts: attempts.failedAttempts, retryAfterMs: retryAfterMs(attempts, now()) };
    if (!(await headerExists())) return { exists: false, headerError: null, eraseAfter: null, ...counter };
    try {
      const header = await readHeader();
      return { exists: true, headerError: null, eraseAfter: header.eraseAfter, ...counter };
    } catch (error) {
      if (error instanceof VaultError && (error.code === 'VAULT_HEADER_CORRUPT' || error.code === 'VAULT_UNSUPPORTED_VERSION')) {
        return { exists: true, headerError: error.code, eraseAfter: null, ...counter };
      }
      throw error;
    }
  }

  return {
    exists: headerExists,
    status: serialised(status),
    create: serialised(create),
    unlock: serialised(unlock),
    unlockWithRecoveryKey: serialised(unlockWithRecoveryKey),
    reauthenticate: serialised(reauthenticate),
    changePassphrase: serialised(changePassphrase),
    replaceRecoveryKey: serialised(replaceRecoveryKey),
    beginKeyChange: serialised(beginKeyChange),
    finishKeyChange: serialised(finishKeyChange),
    nextKeyOf: serialised(nextKeyOf),
    setEraseAfter: serialised(setEraseAfter),
    erase: serialised(() => eraseDataFolder(folder)),
    finishInterruptedErase: serialised(() => finishInterruptedErase(folder)),
  };
}

/** NFC so that the same passphrase typed through different input methods gives the same bytes. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

function requireLongEnough(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new VaultError('VAULT_PASSPHRASE_TOO_SHORT', `passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}
