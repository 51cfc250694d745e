/**
 * The one-time migration from the version 1 record format, in real Chromium: 10,000 records (cases with their
 * notes and checklists, as the synthetic generator makes them) written as the version 1 store wrote them, then
 * the app's own open, which migrates them. Playwright answers the page's two requests itself (an http://127.0.0.1
 * address is a secure context, which WebCrypto needs), so no server runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { generateSyntheticCases } from '../../tests/support/synthetic-cases';
import { buildBrowserScript } from '../browser-script';
import { shippedTemplates } from '../cases';
import { median, type BenchRow } from '../table';
import type { MigrationBenchOptions, MigrationBenchSamples, MigrationBenchWindow, V1Record } from './migration-protocol';

const origin = 'http://127.0.0.1';

/** 1,250 cases with 5 notes and 2 checklists each: 10,000 records, with the index fields version 1 kept in the clear. */
async function v1Records(): Promise<V1Record[]> {
  const { cases, notes, checklists } = generateSyntheticCases(1_250, 11, await shippedTemplates(), { notesPerCase: 5, checklistsPerCase: 2 });
  return [
    ...cases.map((data): V1Record => ({
      table: 'cases',
      id: data.id,
      kind: 'case',
      updatedAt: Date.parse(data.updatedAt),
      index: { status: data.status, createdAt: Date.parse(data.createdAt) },
      data,
    })),
    ...notes.map((data): V1Record => ({
      table: 'notes',
      id: data.id,
      kind: 'note',
      updatedAt: Date.parse(data.updatedAt),
      index: { caseId: data.caseId, createdAt: Date.parse(data.createdAt) },
      data,
    })),
    ...checklists.map((data): V1Record => ({
      table: 'checklists',
      id: data.instance.id,
      kind: 'checklist',
      updatedAt: Date.parse(data.instance.startedAt),
      index: { caseId: data.caseId, templateId: data.instance.templateId, status: data.status },
      data,
    })),
  ];
}

async function sampleInChromium(options: MigrationBenchOptions): Promise<MigrationBenchSamples> {
  const outDir = await mkdtemp(join(tmpdir(), 'migration-bench-'));
  try {
    const script = await buildBrowserScript(resolve(import.meta.dirname, 'migration-page.ts'), outDir, 'migrationBench');
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.route(`${origin}/`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>' }));
      await page.route(`${origin}/bench.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
      await page.goto(`${origin}/`);
      return await page.evaluate((opts) => (window as unknown as MigrationBenchWindow).runMigrationBench(opts), options);
    } finally {
      await browser.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Medians over `repetitions` runs after one warm-up. */
export async function benchMigration(repetitions = 3): Promise<BenchRow[]> {
  const records = await v1Records();
  const samples = await sampleInChromium({ records, repetitions });
  const migrate = median(samples.migrate);
  const round = (value: number) => Number(value.toFixed(1));
  return [
    { name: `records: open a v1 database, migrating ${records.length / 1000}k records to v2, median`, value: round(migrate), unit: 'ms' },
    { name: 'records: migration throughput', value: Math.round(records.length / (migrate / 1000)), unit: 'records/s' },
    { name: 'records: open the same database once migrated, median', value: round(median(samples.reopen)), unit: 'ms' },
  ];
}
