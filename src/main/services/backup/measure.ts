import { seededRandom } from '../../../shared/seeded-random';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deriveKey, type ScryptCost } from '../vault/kdf';
import type { BackupRecord } from './format';
import { openBackup } from './reader';
import { createBackupWriter } from './writer';

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

export function countByTable(records: readonly BackupRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) counts[record.table] = (counts[record.table] ?? 0) + 1;
  return counts;
}

const tables = ['cases', 'notes', 'checklistInstances'];
const texts = [
  'وصلت الضحية إلى الملجأ يوم الثلاثاء وتحتاج إلى مترجم ومساعدة قانونية عاجلة.',
  'ผู้เสียหายได้รับการช่วยเหลือจากโรงงานและต้องการที่พักพิงชั่วคราวกับล่าม',
  'Client reports passport withheld by employer; referred to legal aid. Follow-up in 2 weeks.',
  'Klientin berichtet über Schulden bei der Vermittlungsagentur — Beratung vereinbart.',
  'Пострадавшая просит связаться с консульством; нужна медицинская помощь 🩺',
  'Entrevista realizada con intérprete; necesita alojamiento seguro y atención psicológica.',
];
const cities = ['Bangkok', 'Amman', 'Chiang Mai', 'Beirut', 'Manila', 'Lagos', 'Kyiv', 'Doha'];
const statuses = ['open', 'referred', 'waiting', 'closed'];

/** Deterministic case-like records of about 1 KB of JSON each, with nested objects and several scripts. */
export function sampleRecords(count: number, seed = 1): BackupRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const updatedAt = 1_800_000_000_000 + index * 60_000;
    return {
      table: tables[index % tables.length]!,
      id: `${index.toString(16).padStart(8, '0')}-${Math.floor(random() * 2 ** 32).toString(16)}`,
      updatedAt,
      data: {
        title: `${pick(cities)} · ${pick(texts).slice(0, 40)}`,
        status: pick(statuses),
        person: { alias: `P-${index}`, age: 14 + Math.floor(random() * 50), languages: [pick(['ar', 'th', 'en', 'ru', 'es']), 'en'] },
        intake: { at: updatedAt - 86_400_000, city: pick(cities), channel: pick(['hotline', 'outreach', 'police', 'walk-in']) },
        needs: [
          { kind: 'shelter', priority: Math.floor(random() * 3), met: random() < 0.5 },
          { kind: 'legal', priority: Math.floor(random() * 3), met: random() < 0.5 },
        ],
        notes: [
          { at: updatedAt - 3_600_000, text: pick(texts) },
          { at: updatedAt - 600_000, text: pick(texts) },
          { at: updatedAt, text: pick(texts), tags: ['follow-up', pick(statuses)] },
        ],
        checklist: { template: 'screening-v1', items: ['safety', 'documents', 'debt'].map((item) => ({ item, done: random() < 0.5 })) },
        flags: { urgent: random() < 0.1, minor: random() < 0.2, interpreter: null },
        risk: Math.round(random() * 1000) / 10,
      },
    };
  });
}


function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
