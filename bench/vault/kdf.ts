import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { argon2id } from 'hash-wasm';
import { deriveKey, FLOOR_LOG_N, SCRYPT_R } from '../../src/main/services/vault/kdf';
import { median, type BenchRow } from '../table';

/**
 * scrypt (what the vault uses, Node's OpenSSL on the libuv thread pool) against Argon2id (hash-wasm,
 * WebAssembly: this Node has no `crypto.argon2`) on this machine, at equal time: Argon2id gets the
 * number of passes over 128 MiB, scrypt's memory at the floor, that fits in scrypt's time.
 */
const ARGON2_MEMORY_KIB = 128 * 1024;

async function timeMs(run: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function argon2(passes: number, memorySize: number): Promise<Uint8Array> {
  return argon2id({
    password: 'bench lantern orchard seventeen',
    salt: randomBytes(16),
    iterations: passes,
    parallelism: 1,
    memorySize,
    hashLength: 32,
    outputType: 'binary',
  });
}

/** While a derivation runs, how late a 10 ms timer fires: the main process's event loop stalled. */
async function eventLoopStallMs(derive: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  await derive();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return worst;
}

export async function benchKdf(runs = 5): Promise<BenchRow[]> {
  const salt = randomBytes(16).toString('base64');
  const scrypt = () => deriveKey(Buffer.from('bench lantern orchard seventeen'), { N: 2 ** FLOOR_LOG_N, r: SCRYPT_R, p: 1, salt });
  const scryptMs = await timeMs(scrypt, runs);
  const onePassMs = await timeMs(() => argon2(1, ARGON2_MEMORY_KIB), runs);
  const passes = Math.max(1, Math.round(scryptMs / onePassMs));
  const argon2Ms = await timeMs(() => argon2(passes, ARGON2_MEMORY_KIB), runs);
  const owaspMs = await timeMs(() => argon2(3, 64 * 1024), runs);
  return [
    { name: `KDF: scrypt N = 2^${FLOOR_LOG_N}, r = 8 (128 MiB), the floor`, value: scryptMs, unit: 'ms' },
    { name: 'KDF: Argon2id, 128 MiB, one pass (hash-wasm)', value: onePassMs, unit: 'ms' },
    { name: `KDF: Argon2id, 128 MiB, ${passes} passes: scrypt's time`, value: argon2Ms, unit: 'ms' },
    { name: 'KDF: Argon2id, 64 MiB, 3 passes (RFC 9106 second choice)', value: owaspMs, unit: 'ms' },
    { name: 'KDF: event loop stall during scrypt 2^17', value: await eventLoopStallMs(scrypt), unit: 'ms' },
    { name: `KDF: event loop stall during Argon2id (${passes} passes)`, value: await eventLoopStallMs(() => argon2(passes, ARGON2_MEMORY_KIB)), unit: 'ms' },
  ];
}
