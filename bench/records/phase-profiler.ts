import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { profileReport, type CpuProfile } from './cpu-profile';

/** Where the profiles go (open them in Chrome DevTools' Performance panel; they are not committed). */
export const profilesFolder = resolve(import.meta.dirname, '../../out/profiles');

/**
 * Records a Chrome CPU profile (the DevTools protocol's Profiler) of each phase the bench page reports through
 * `window.benchPhase('<phase> start')` and `('<phase> end')`, while `recording` is on. `report` writes the
 * profiles taken since the last report to `profilesFolder` and prints where the main thread's time went.
 */
export async function phaseProfiler(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await mkdir(profilesFolder, { recursive: true });
  const taken: Array<{ phase: string; profile: CpuProfile }> = [];
  const profiler = {
    recording: false,
    async report(fileName: (phase: string) => string, title: (phase: string) => string = (phase) => phase): Promise<void> {
      for (const { phase, profile } of taken.splice(0)) {
        const file = join(profilesFolder, fileName(phase));
        await writeFile(file, JSON.stringify(profile));
        console.log(`\n${profileReport(title(phase), profile)}`);
        console.log(`  written to ${file}`);
      }
    },
  };
  await page.exposeFunction('benchPhase', async (phase: string) => {
    if (!profiler.recording) return;
    const [name, edge] = phase.split(' ');
    if (edge === 'start') await cdp.send('Profiler.start');
    else taken.push({ phase: name!, profile: (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile });
  });
  return profiler;
}
