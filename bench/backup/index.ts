import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deriveKey, type ScryptCost } from '../../src/main/services/vault/kdf';
import { createBackupWriter, openBackup } from '../../src/main/services/backup';
import { countByTable, sampleRecords } from '../../tests/support/backup-records';

/** The cost measured on the development machine at 389 ms; calibration picks about this. */
const REFERENCE_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** The production floor: the cheapest legal cost, since the KDF is timed apart from writing and reading. */
const FLOOR_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const RUNS = 3;
const PASSPHRASE = 'measure backup passphrase';

export interface MeasureRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** Times a backup and a restore of `count` case-like records (KDF excluded), the file size, and the KDF alone. */
export async function measureBackup(count = 10_000): Promise<MeasureRow[]> {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-backup-measure-'));
  try {
    const records = sampleRecords(count);
    const manifest = { appVersion: 'measure', createdAt: Date.now(), counts: countByTable(records) };
    const path = join(folder, 'measure.waypoint-backup');
    const writeMs: number[] = [];
    const verifyMs: number[] = [];
    const readMs: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const writer = await createBackupWriter({ path, passphrase: PASSPHRASE, manifest, kdf: FLOOR_COST });
      const writeStart = performance.now();
      for (const record of records) await writer.append(record);
      bytes = (await writer.finish()).bytes;
      writeMs.push(performance.now() - writeStart);

      const reader = await openBackup({ path, passphrase: PASSPHRASE });
      try {
        const verifyStart = performance.now();
        await reader.verify();
        verifyMs.push(performance.now() - verifyStart);
        const readStart = performance.now();
        let read = 0;
        for await (const _record of reader.records()) read += 1;
        readMs.push(performance.now() - readStart);
        if (read !== count) throw new Error(`read ${read} records, wrote ${count}`);
      } finally {
        await reader.close();
      }
    }
    const kdfMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const key = await deriveKey(Buffer.from(PASSPHRASE), { ...REFERENCE_COST, salt: randomBytes(16).toString('base64') });
      kdfMs.push(performance.now() - start);
      key.fill(0);
    }
    const label = count.toLocaleString('en');
    return [
      { name: `backup: write ${label} records (no KDF)`, value: median(writeMs), unit: 'ms' },
      { name: `backup: verify ${label} records (no KDF)`, value: median(verifyMs), unit: 'ms' },
      { name: `backup: read ${label} records (no KDF)`, value: median(readMs), unit: 'ms' },
      { name: `backup: file size, ${label} records`, value: bytes / 1_000_000, unit: 'MB' },
      { name: 'backup: scrypt N=2^17 r=8 p=1', value: median(kdfMs), unit: 'ms', target: '500-1000 once calibrated' },
    ];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
