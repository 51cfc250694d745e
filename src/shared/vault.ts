import { z } from 'zod';

export { MIN_NEW_PASSPHRASE_CHARS } from './passphrase-rules';

/** Passphrases are checked for strength in the renderer; main only enforces a floor and a ceiling. */
export const passphraseSchema = z.string().min(1).max(1024);
const passphrase = passphraseSchema;

export const vaultStatusSchema = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
  /** Why an existing vault cannot be opened, or null. */
  headerError: z.enum(['VAULT_HEADER_CORRUPT', 'VAULT_UNSUPPORTED_VERSION']).nullable(),
  failedAttempts: z.number().int().min(0),
  retryAfterMs: z.number().min(0),
  eraseAfter: z.number().int().min(3).nullable(),
});
export type VaultStatusInfo = z.infer<typeof vaultStatusSchema>;

/** 32 raw key bytes: a Uint8Array over IPC (the preview's bridge decodes its JSON into one). Never a string. */
const keyBytes = z.instanceof(Uint8Array).refine((bytes) => bytes.length === 32, 'must be 32 bytes');

/**
 * The keys the renderer uses, derived in main from the data key (which stays there), sent once per
 * unlock. `legacy`, the data key itself, only when the request asked for it: the renderer's database
 * still holds version 1 records to migrate (docs/records-format.md).
 */
const recordKeysSchema = z.strictObject({ records: keyBytes, index: keyBytes, attachments: keyBytes });
/**
 * `nextKeys` only while a change of keys is under way (docs/vault-format.md, "Changing keys"): the
 * keys of the next data key, which the renderer re-encrypts every record under before anything else.
 */
export const unlockedSchema = z.object({ keys: recordKeysSchema.extend({ legacy: keyBytes.optional() }), nextKeys: recordKeysSchema.optional() });
export type Unlocked = z.infer<typeof unlockedSchema>;

/** Asked by a renderer whose database holds version 1 records: the unlock answer then carries `legacy`. */
const withLegacyKey = z.literal(true).optional();

export const vaultContract = {
  'vault.status': { request: z.undefined(), response: vaultStatusSchema },
  'vault.create': {
    request: z.object({ passphrase }).strict(),
    response: unlockedSchema.extend({ recoveryKey: z.string() }),
  },
  'vault.unlock': { request: z.object({ passphrase, withLegacyKey }).strict(), response: unlockedSchema },
  'vault.recover': {
    request: z.object({ recoveryKey: z.string().min(1).max(200), newPassphrase: passphrase, withLegacyKey }).strict(),
    response: unlockedSchema,
  },
  'vault.changePassphrase': {
    request: z.object({ current: passphrase, next: passphrase }).strict(),
    response: z.null(),
  },
  /** A new recovery key in place of the old one, after the vault passphrase; shown once. */
  'vault.newRecoveryKey': {
    request: z.object({ passphrase }).strict(),
    response: z.object({ recoveryKey: z.string() }),
  },
  /** Starts (or goes on with) a change of keys after the vault passphrase: the keys of the new data key. */
  'vault.beginKeyChange': { request: z.object({ passphrase }).strict(), response: z.object({ nextKeys: recordKeysSchema }) },
  /** Once every record is under the new keys: the header under the new data key alone, and a new recovery key to show once. */
  'vault.finishKeyChange': { request: z.object({ passphrase }).strict(), response: z.object({ recoveryKey: z.string() }) },
  'vault.setEraseAfter': {
    request: z.object({ passphrase, eraseAfter: z.number().int().min(3).max(100).nullable() }).strict(),
    response: z.null(),
  },
  /** Drops the key in main; the renderer then reloads so no decrypted data stays in memory. */
  'vault.lock': { request: z.undefined(), response: z.null() },
  /** Locks at once and hides the window (Electron) — the renderer leaves for a blank page in the preview. */
  'vault.quickExit': { request: z.undefined(), response: z.null() },
  /**
   * Locks, destroys the vault header first, deletes every other file the app wrote in the data
   * folder and clears the browser engine's storage; the renderer then clears its origin and reloads.
   * The browser preview also needs the passphrase (see VaultPlatform.eraseNeedsPassphrase).
   */
  'vault.erase': { request: z.object({ confirm: z.literal(true), passphrase: passphrase.optional() }).strict(), response: z.null() },
} as const;
