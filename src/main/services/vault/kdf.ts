import { scrypt, type ScryptOptions } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** scrypt cost parameters; stored per wrap in the header and honoured as stored on any machine. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export interface ScryptParams extends ScryptCost {
  name: 'scrypt';
  keyLength: 32;
  /** base64, 16 bytes */
  salt: string;
}

export const KEY_LENGTH = 32;
export const SALT_LENGTH = 16;
/** Unlock should take about this long on the machine that created the vault. */
export const DEFAULT_KDF_TARGET_MS: readonly [number, number] = [500, 1000];
/**
 * Production floor for a passphrase, N = 2^17 with r = 8 (128 MiB), OWASP's minimum for scrypt: never
 * weaker, however slow the machine. A stored wrap below it still opens and is raised (see vault.ts).
 */
export const FLOOR_LOG_N = 17;
/** The recovery wrap's fixed cost (32 MiB): see RECOVERY_COST. */
export const RECOVERY_LOG_N = 15;
/** 2^18 with r = 8 needs 256 MiB; beyond that calibration raises p, which costs time but no memory. */
export const MAX_LOG_N = 18;
export const MAX_P = 16;
export const SCRYPT_R = 8;

/**
 * The recovery key carries 140 random bits, so no KDF cost makes guessing it feasible or infeasible;
 * scrypt at 2^15 keeps one code path and one header shape at about 0.1 s.
 */
export const RECOVERY_COST: ScryptCost = { N: 2 ** RECOVERY_LOG_N, r: SCRYPT_R, p: 1 };

/**
 * True when a passphrase cost uses at least the floor's memory (128 · r · N). Memory is what makes
 * guessing on GPUs and ASICs dear, so a larger p (time, not memory) does not make up for a smaller N.
 */
export function meetsFloor(cost: ScryptCost, floorLogN = FLOOR_LOG_N): boolean {
  return cost.N * cost.r >= 2 ** floorLogN * SCRYPT_R;
}

/** What OpenSSL allocates for these parameters; Node refuses anything above `maxmem` (32 MiB by default). */
export function scryptMemoryBytes({ N, r, p }: ScryptCost): number {
  return 128 * r * (N + p + 2);
}

/** Derives a key-encryption key. Runs on libuv's thread pool, so the event loop stays free. */
export function deriveKey(secret: Buffer, params: ScryptCost & { salt: string }): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: scryptMemoryBytes(params) };
  return new Promise((resolve, reject) => {
    scrypt(secret, Buffer.from(params.salt, 'base64'), KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export interface CalibrationOptions {
  targetMs?: readonly [number, number];
  minLogN?: number;
  maxLogN?: number;
  /** Returns how long one derivation with this cost takes; injected by tests. */
  measureMs?: (cost: ScryptCost) => Promise<number>;
}

/**
 * Picks N (a power of two) so that one derivation takes targetMs on this machine. Doubling N doubles
 * the time, so N goes up from the floor until the time reaches the lower bound. At the memory ceiling,
 * p is raised instead. A machine too slow for the target still gets the floor.
 */
export async function calibrateScrypt(options: CalibrationOptions = {}): Promise<ScryptCost> {
  const [lowMs, highMs] = options.targetMs ?? DEFAULT_KDF_TARGET_MS;
  const minLogN = options.minLogN ?? FLOOR_LOG_N;
  const maxLogN = options.maxLogN ?? MAX_LOG_N;
  const measure = options.measureMs ?? measureScryptMs;

  let logN = minLogN;
  let previousMs: number | null = null;
  let ms = await measure(costFor(logN, 1));
  while (ms < lowMs && logN < maxLogN) {
    previousMs = ms;
    logN += 1;
    ms = await measure(costFor(logN, 1));
  }
  if (ms > highMs && previousMs !== null) {
    // One doubling jumped over the whole target (timing noise): take the smaller N and make up with p.
    return costFor(logN - 1, parallelismFor(lowMs, previousMs));
  }
  if (ms >= lowMs) return costFor(logN, 1);
  return costFor(logN, parallelismFor(lowMs, ms));
}

function costFor(logN: number, p: number): ScryptCost {
  return { N: 2 ** logN, r: SCRYPT_R, p };
}

/** p multiplies the time of one derivation. */
function parallelismFor(lowMs: number, msAtP1: number): number {
  return Math.min(MAX_P, Math.max(1, Math.ceil(lowMs / Math.max(msAtP1, 1))));
}

/** The faster of two runs: a busy moment at creation should not make every later unlock weaker. */
async function measureScryptMs(cost: ScryptCost): Promise<number> {
  const salt = Buffer.alloc(SALT_LENGTH).toString('base64');
  let fastest = Infinity;
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    const key = await deriveKey(Buffer.from('calibration'), { ...cost, salt });
    fastest = Math.min(fastest, performance.now() - start);
    key.fill(0);
  }
  return fastest;
}
