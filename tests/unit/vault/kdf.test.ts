import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { calibrateScrypt, deriveKey, FLOOR_LOG_N, MAX_LOG_N, meetsFloor, type ScryptCost } from '../../../src/main/services/vault/kdf';

/** A machine on which one derivation takes `msAtLogN17` at N = 2^17, p = 1, and scales linearly. */
function simulatedMachine(msAtLogN17: number) {
  const measured: ScryptCost[] = [];
  const timeOf = (cost: ScryptCost) => (msAtLogN17 * cost.N * cost.p) / 2 ** 17;
  return {
    measured,
    timeOf,
    measureMs: async (cost: ScryptCost) => {
      measured.push(cost);
      return timeOf(cost);
    },
  };
}

describe('calibrateScrypt', () => {
  it('picks N = 2^18 on a machine like the build machine (about 370 ms at 2^17)', async () => {
    const machine = simulatedMachine(370);
    const cost = await calibrateScrypt({ measureMs: machine.measureMs });
    expect(cost).toEqual({ N: 2 ** 18, r: 8, p: 1 });
    expect(machine.measured.map((c) => Math.log2(c.N))).toEqual([17, 18]);
  });

  it('lands within the target for machines from 2x slower to 8x faster, with N a power of two', async () => {
    for (const msAtLogN17 of [1000, 700, 370, 250, 120, 60, 45]) {
      const machine = simulatedMachine(msAtLogN17);
      const cost = await calibrateScrypt({ measureMs: machine.measureMs });
      const ms = machine.timeOf(cost);
      expect(Number.isInteger(Math.log2(cost.N)), `N for ${msAtLogN17}`).toBe(true);
      expect(ms, `time for ${msAtLogN17}`).toBeGreaterThanOrEqual(500);
      expect(ms, `time for ${msAtLogN17}`).toBeLessThanOrEqual(1000);
      expect(cost.N).toBeLessThanOrEqual(2 ** MAX_LOG_N);
    }
  });

  it('raises p, not memory, on a machine too fast for the target at the memory ceiling', async () => {
    const machine = simulatedMachine(20);
    const cost = await calibrateScrypt({ measureMs: machine.measureMs });
    expect(cost.N).toBe(2 ** MAX_LOG_N);
    expect(cost.p).toBe(13);
    expect(machine.timeOf(cost)).toBe(520);
  });

  it('keeps the floor on a machine too slow for the target', async () => {
    const machine = simulatedMachine(8000);
    const cost = await calibrateScrypt({ measureMs: machine.measureMs });
    expect(cost).toEqual({ N: 2 ** FLOOR_LOG_N, r: 8, p: 1 });
    expect(machine.measured).toHaveLength(1);
  });

  it('steps back and uses p when one doubling jumps over the whole target', async () => {
    const times = new Map([
      [17, 450],
      [18, 1300],
    ]);
    const cost = await calibrateScrypt({ measureMs: async ({ N }) => times.get(Math.log2(N)) ?? Infinity });
    expect(cost).toEqual({ N: 2 ** 17, r: 8, p: 2 });
  });

  it('honours a custom target and floor', async () => {
    const machine = simulatedMachine(400);
    const cost = await calibrateScrypt({ measureMs: machine.measureMs, targetMs: [90, 180], minLogN: 12 });
    expect(cost.N).toBe(2 ** 15);
    expect(machine.measured[0]?.N).toBe(2 ** 12);
  });
});

describe('meetsFloor', () => {
  it('asks for the memory of N = 2^17, r = 8 (128 MiB), whatever p', () => {
    expect(FLOOR_LOG_N).toBe(17);
    expect(meetsFloor({ N: 2 ** 17, r: 8, p: 1 })).toBe(true);
    expect(meetsFloor({ N: 2 ** 18, r: 4, p: 1 })).toBe(true);
    expect(meetsFloor({ N: 2 ** 16, r: 8, p: 16 })).toBe(false);
    expect(meetsFloor({ N: 2 ** 15, r: 8, p: 1 })).toBe(false);
    expect(meetsFloor({ N: 2 ** 11, r: 8, p: 1 }, 11)).toBe(true);
  });
});

describe('deriveKey', () => {
  const salt = Buffer.alloc(16, 7).toString('base64');

  it('matches scrypt from node:crypto with the stored parameters', async () => {
    const cost = { N: 2 ** 11, r: 4, p: 2 };
    const key = await deriveKey(Buffer.from('secret'), { ...cost, salt });
    const expected = scryptSync('secret', Buffer.alloc(16, 7), 32, { ...cost, maxmem: 64 * 1024 * 1024 });
    expect(key.equals(expected)).toBe(true);
  });

  it('gives a different key for each change of N, r, p or salt', async () => {
    const base = { N: 2 ** 10, r: 8, p: 1, salt };
    const variants = [base, { ...base, N: 2 ** 11 }, { ...base, r: 9 }, { ...base, p: 2 }, { ...base, salt: Buffer.alloc(16, 8).toString('base64') }];
    const keys = await Promise.all(variants.map((params) => deriveKey(Buffer.from('secret'), params)));
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(variants.length);
  });

  it('sets maxmem so that costs above the 32 MiB Node allows by default run (2^16, r = 8: 64 MiB)', async () => {
    const key = await deriveKey(Buffer.from('secret'), { N: 2 ** 16, r: 8, p: 1, salt });
    expect(key).toHaveLength(32);
  });
});
