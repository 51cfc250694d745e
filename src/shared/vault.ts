import { z } from 'zod';

/**
 * A new passphrase (vault, change, recovery) has at least this many code points after NFC. The
 * renderer also asks for a zxcvbn score of 4; main keeps this floor only (docs/vault-format.md).
 */
export const MIN_NEW_PASSPHRASE_CHARS = 10;

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

/** The data key travels once, base64-encoded, from main to the renderer at unlock. */
export const unlockedSchema = z.object({ dataKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) });
export type Unlocked = z.infer<typeof unlockedSchema>;

export const vaultContract = {
  'vault.status': { request: z.undefined(), response: vaultStatusSchema },
  'vault.create': {
    request: z.object({ passphrase }).strict(),
    response: unlockedSchema.extend({ recoveryKey: z.string() }),
  },
  'vault.unlock': { request: z.object({ passphrase }).strict(), response: unlockedSchema },
  'vault.recover': {
    request: z.object({ recoveryKey: z.string().min(1).max(200), newPassphrase: passphrase }).strict(),
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
