/**
 * `npx tsx bench/attachments/profile.ts [MB]`: records a Chrome CPU profile (as ../records/profile.ts does) of
 * attaching and opening a file of 20 MB by default, after one unprofiled warm-up run. Writes each phase's
 * profile to out/profiles/ and prints where the main thread's time went: the functions with the most self
 * time, and the share it spent idle, waiting for IndexedDB and WebCrypto, which run off the main thread.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadLine } from '../load';
import { profileReport, type CpuProfile } from '../records/cpu-profile';
import { withBenchPage } from '../records';
import type { AttachmentsBenchWindow } from './page';

const outFolder = resolve(import.meta.dirname, '../../out/profiles');
const sizeMb = Number(process.argv[2] ?? 20);

await mkdir(outFolder, { recursive: true });
console.log(loadLine('at the start'));
await withBenchPage(
  '../attachments/page.ts',
  async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    let profiling = false;
    const profiles: Array<{ phase: string; profile: CpuProfile }> = [];
    await page.exposeFunction('benchPhase', async (phase: string) => {
      if (!profiling) return;
      const [name, edge] = phase.split(' ');
      if (edge === 'start') await cdp.send('Profiler.start');
      else profiles.push({ phase: name!, profile: (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile });
    });
    for (const run of ['warm-up', 'profiled']) {
      profiling = run === 'profiled';
      const times = await page.evaluate((mb) => {
        const w = window as unknown as AttachmentsBenchWindow & { benchPhase(phase: string): Promise<void> };
        return w.attachOnce(mb, (phase) => w.benchPhase(phase));
      }, sizeMb);
      if (profiling) console.log(`\nattach ${times.attach.toFixed(0)} ms, open ${times.open.toFixed(0)} ms (timed in the page, under the profiler)`);
    }
    for (const { phase, profile } of profiles) {
      const file = join(outFolder, `attachments-${phase}-${sizeMb}mb.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      console.log(`\n${profileReport(phase, profile)}`);
      console.log(`  written to ${file}`);
    }
  },
  { minify: false },
);
console.log(loadLine('at the end'));
