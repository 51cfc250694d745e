// Apart from vault.ts so the lock screen's bundle can read the rule without loading zod and the schemas.

/**
 * A new passphrase (vault, change, recovery) has at least this many code points after NFC. The
 * renderer also asks for a zxcvbn score of 4; main keeps this floor only (docs/vault-format.md).
 */
export const MIN_NEW_PASSPHRASE_CHARS = 10;
