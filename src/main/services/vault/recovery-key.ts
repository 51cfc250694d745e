import { createHash, randomInt } from 'node:crypto';

/**
 * Recovery keys are 32 Crockford base32 characters shown as 8 groups of 4: 28 random characters
 * (140 bits) and a 4-character checksum (20 bits) that catches typing mistakes before they count as
 * a failed attempt.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 28;
const CHECKSUM_LENGTH = 4;
const GROUP_LENGTH = 4;

export const RECOVERY_KEY_ENTROPY_BITS = RANDOM_LENGTH * 5;

/**
 * Returns a new recovery key: `display` for the user (e.g. `7K3M-…-Q2XD`) and `secret`, the 28 random
 * characters that the KDF takes, as `parseRecoveryKey` returns them.
 */
export function generateRecoveryKey(): { display: string; secret: string } {
  let secret = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) secret += ALPHABET[randomInt(ALPHABET.length)];
  return { display: formatRecoveryKey(secret + checksum(secret)), secret };
}

/**
 * Reads a recovery key as a person typed it: any case, spaces or dashes anywhere, O for 0 and
 * I or L for 1. Returns the 28 random characters (the KDF input), or null if the key is not
 * well formed or its checksum does not match.
 */
export function parseRecoveryKey(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== RANDOM_LENGTH + CHECKSUM_LENGTH) return null;
  if ([...compact].some((char) => !ALPHABET.includes(char))) return null;
  const body = compact.slice(0, RANDOM_LENGTH);
  return compact.slice(RANDOM_LENGTH) === checksum(body) ? body : null;
}

function formatRecoveryKey(compact: string): string {
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += GROUP_LENGTH) groups.push(compact.slice(i, i + GROUP_LENGTH));
  return groups.join('-');
}

/** The first 20 bits of a SHA-256 of the body, as 4 base32 characters. */
function checksum(body: string): string {
  const digest = createHash('sha256').update(`waypoint-recovery-key:${body}`).digest();
  const bits = digest.readUIntBE(0, 3) >>> 4;
  let result = '';
  for (let shift = 15; shift >= 0; shift -= 5) result += ALPHABET[(bits >>> shift) & 31];
  return result;
}
