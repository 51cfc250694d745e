import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createVault } from '../../src/main/services/vault';
import { startPreviewServer } from '../../src/preview/server';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { median, type BenchRow } from '../table';
import { benchKdf } from './kdf';

const PASSPHRASE = 'bench lantern orchard seventeen';

/** The KDF alone: `vault.unlock` with the parameters calibrated on this machine at creation. */
async function kdfUnlockMs(runs = 5): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-bench-vault-'));
  try {
    await createVault({ folder }).create(PASSPHRASE);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      (await createVault({ folder }).unlock(PASSPHRASE)).fill(0);
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The rest of the unlock in the browser preview: from the key's arrival in the page (after the KDF)
 * to the unlocked shell on screen, read from the page's own performance marks.
 */
async function afterKdfMs(outFolder: string, runs = 5): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'waypoint-bench-unlock-'));
  const server = await startPreviewServer({ outFolder, dataFolder: join(work, 'data'), port: 0, version: 'bench' });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: chromiumExecutable(), args: chromiumArgs });
  const page = context.pages()[0] ?? (await context.newPage());
  const times: number[] = [];
  try {
    await page.goto(server.openUrl);
    await page.getByLabel('New passphrase').fill(PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create' }).click();
    const key = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
    await page.getByLabel('Type the last group of the key to show you have kept it').fill(key.split('-').at(-1)!);
    await page.getByLabel('I have stored the recovery key safely').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('navigation').waitFor();
    for (let run = 0; run < runs; run++) {
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByLabel('Passphrase').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('navigation').waitFor({ timeout: 30_000 });
      times.push(await page.evaluate(() => performance.measure('unlock', 'waypoint:key-received', 'waypoint:shell-shown').duration));
    }
  } finally {
    await context.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  return median(times);
}

export async function benchVault(outFolder: string): Promise<BenchRow[]> {
  return [
    { name: 'unlock: KDF (scrypt, calibrated here)', value: await kdfUnlockMs(), unit: 'ms', target: '500-1000' },
    { name: 'unlock: after the KDF to the shell on screen', value: await afterKdfMs(outFolder), unit: 'ms' },
    ...(await benchKdf()),
  ];
}
