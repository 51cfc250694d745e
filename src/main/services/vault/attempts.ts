import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const ATTEMPTS_FILE = 'vault-attempts.json';
/** Failures allowed before any delay: enough for typos, too few to matter for guessing. */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 5 * 60 * 1000;

const attemptsSchema = z.strictObject({
  failedAttempts: z.int().min(0),
  /** ms since the epoch, from the injected clock */
  lastFailureAt: z.number(),
});

export type Attempts = z.infer<typeof attemptsSchema>;

const noAttempts: Attempts = { failedAttempts: 0, lastFailureAt: 0 };

/** No delay for the first 3 failures, then 1 s, 2 s, 4 s … up to 5 minutes. */
export function delayAfterFailures(failedAttempts: number): number {
  if (failedAttempts <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failedAttempts - FREE_ATTEMPTS - 1));
}

/**
 * How long until the next attempt may run. Never more than the full delay, so a clock set back
 * cannot stretch it; the vault restarts the delay from "now" when it sees that.
 */
export function retryAfterMs(attempts: Attempts, now: number): number {
  const delay = delayAfterFailures(attempts.failedAttempts);
  return Math.max(0, Math.min(delay, attempts.lastFailureAt + delay - now));
}

/**
 * A missing file means no failures. So does an unreadable one: whoever can damage the file could as
 * well delete it, and treating damage as "locked" would let a bit flip lock the user out.
 */
export async function readAttempts(file: string): Promise<Attempts> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return noAttempts;
    throw error;
  }
  try {
    const parsed = attemptsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : noAttempts;
  } catch {
    return noAttempts;
  }
}
