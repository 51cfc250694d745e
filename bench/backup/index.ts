/**
 * Backup figures in Node: writing, verifying and reading 10,000 case-like records (KDF excluded), and beside
 * the write, pair by pair, its floor: the same records serialised as the writer frames them and the same
 * bytes sealed with AES-256-GCM in one call. What the write costs above that is the format's own work.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackupWriter, openBackup } from '../../src/main/services/backup';
import { encodeFrame, type BackupRecord } from '../../src/main/services/backup/format';
import { deriveKey, FLOOR_LOG_N, SCRYPT_R, type ScryptCost } from '../../src/main/services/vault/kdf';
import { countByTable, sampleRecords } from '../../tests/support/backup-records';
import { median, ratioRow, type BenchRow } from '../table';

/** The cost measured on the development machine at 389 ms; calibration picks about this. */
const REFERENCE_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** The production floor: the cheapest legal cost, since the KDF is timed apart from writing and reading. */
const FLOOR_COST: ScryptCost = { N: 2 ** FLOOR_LOG_N, r: SCRYPT_R, p: 1 };
const RUNS = 5;
const PASSPHRASE = 'measure backup passphrase';

/** The baseline: every record framed as the writer frames it, then one AES-256-GCM pass over all the bytes. */
export function serialiseAndSeal(records: readonly BackupRecord[], key: Buffer): { plaintextBytes: number; sealed: Buffer } {
  const plaintext = Buffer.concat(records.map((record) => encodeFrame(JSON.stringify(record))));
  const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { plaintextBytes: plaintext.length, sealed };
}

/** CPU time of this process so far (every thread: the file writes' too), in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timed(run: () => unknown): { ms: number; cpu: number } {
  const start = performance.now();
  const cpu = cpuMs();
  run();
  return { ms: performance.now() - start, cpu: cpuMs() - cpu };
}

/** Times a backup and a restore of `count` case-like records (KDF excluded), the file size, the baseline, and the KDF alone. */
export async function measureBackup(count = 10_000): Promise<BenchRow[]> {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-backup-measure-'));
  try {
    const records = sampleRecords(count);
    const manifest = { appVersion: 'measure', createdAt: Date.now(), counts: countByTable(records) };
    const path = join(folder, 'measure.waypoint-backup');
    const baselineKey = randomBytes(32);
    const writeMs: number[] = [];
    const baselineMs: number[] = [];
    // CPU time beside wall time: on a shared machine a neighbour stretches the wall time of the side it falls on,
    // but not the work each side does (the file's sync, a wait, is in the wall time only).
    const writeCpu: number[] = [];
    const baselineCpu: number[] = [];
    const verifyMs: number[] = [];
    const readMs: number[] = [];
    let bytes = 0;
    // Run 0 warms up the JIT on both sides and is not counted.
    for (let run = 0; run <= RUNS; run++) {
      const writer = await createBackupWriter({ path, passphrase: PASSPHRASE, manifest, kdf: FLOOR_COST });
      const writeStart = performance.now();
      const writeCpuStart = cpuMs();
      for (const record of records) await writer.append(record);
      bytes = (await writer.finish()).bytes;
      const write = performance.now() - writeStart;
      const writeCpuUsed = cpuMs() - writeCpuStart;
      const baseline = timed(() => serialiseAndSeal(records, baselineKey));

      const reader = await openBackup({ path, passphrase: PASSPHRASE });
      try {
        const verifyStart = performance.now();
        await reader.verify();
        const verify = performance.now() - verifyStart;
        const readStart = performance.now();
        let read = 0;
        for await (const _record of reader.records()) read += 1;
        if (read !== count) throw new Error(`read ${read} records, wrote ${count}`);
        if (run === 0) continue;
        writeMs.push(write);
        baselineMs.push(baseline.ms);
        writeCpu.push(writeCpuUsed);
        baselineCpu.push(baseline.cpu);
        verifyMs.push(verify);
        readMs.push(performance.now() - readStart);
      } finally {
        await reader.close();
      }
    }
    const kdfMs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const key = await deriveKey(Buffer.from(PASSPHRASE), { ...REFERENCE_COST, salt: randomBytes(16).toString('base64') });
      kdfMs.push(performance.now() - start);
      key.fill(0);
    }
    const label = count.toLocaleString('en');
    return [
      { name: `backup: write ${label} records (no KDF)`, value: median(writeMs), unit: 'ms' },
      { name: `backup: baseline, the same records serialised and AES-GCM over the same bytes`, value: median(baselineMs), unit: 'ms' },
      ratioRow('backup: write / baseline', writeMs, baselineMs, '<= 2'),
      ratioRow('backup: the same in CPU time', writeCpu, baselineCpu),
      { name: `backup: verify ${label} records (no KDF)`, value: median(verifyMs), unit: 'ms' },
      { name: `backup: read ${label} records (no KDF)`, value: median(readMs), unit: 'ms' },
      { name: `backup: file size, ${label} records`, value: bytes / 1_000_000, unit: 'MB' },
      { name: 'backup: scrypt N=2^17 r=8 p=1', value: median(kdfMs), unit: 'ms', target: '500-1000 once calibrated' },
    ];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
