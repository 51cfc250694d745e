import { seededRandom } from './seeded-random';
import type { BackupRecord } from '../../src/main/services/backup';

/** Test and bench data for backups: never part of the app. */

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
