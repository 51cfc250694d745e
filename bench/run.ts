import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { benchAttachments } from './attachments';
import { measureBackup } from './backup';
import { benchCases } from './cases';
import { benchDirectory } from './directory';
import { benchFollowUps } from './followups';
import { benchAgendaPage } from './followups/page';
import { fuzzRows } from './fuzz';
import { loadLine, loadWarning, othersLine, othersShare, sampleCpu, watchOwnCpu } from './load';
import { measurePdf } from './pdf';
import { benchRecords } from './records';
import { benchMigration } from './records/migration';
import { benchKeyChange } from './records/key-change';
import { benchShell } from './shell';
import { formatTable, type BenchRow } from './table';
import { benchTestTimes } from './test-times';
import { benchVault } from './vault';

// `npm run bench` builds first, then measures; each figure is printed with what we aim at.
// The machines are shared and noisy: rows that have a baseline measure it in the same run.
const outFolder = join(resolve(import.meta.dirname, '..'), 'out');

const sections: Array<[string, () => Promise<BenchRow[]>]> = [
  ['shell', () => benchShell(outFolder)],
  ['vault', () => benchVault(outFolder)],
  ['encrypted records', () => benchRecords()],
  ['v1 migration', () => benchMigration()],
  ['key change', () => benchKeyChange()],
  ['cases', () => benchCases(outFolder)],
  ['follow-ups', () => benchFollowUps()],
  ['agenda page', () => benchAgendaPage(outFolder)],
  ['directory', () => benchDirectory()],
  ['pdf', () => measurePdf()],
  ['backup', () => measureBackup()],
  ['attachments', () => benchAttachments()],
  ['test layers', async () => benchTestTimes()],
  ['fuzz', () => fuzzRows(outFolder)],
];

// `tsx bench/run.ts directory cases` measures only the sections named (after a build of its own).
const wanted = process.argv.slice(2);
const rows: BenchRow[] = [];
const failed: string[] = [];
// The load is sampled around every section: the table is only as good as the quietest machine it had.
const startLoad = loadavg();
const oneMinuteLoads = [startLoad[0]!];
// And, where /proc can be read, the CPU that other processes took during each section, the bench's own excepted.
const othersShares: number[] = [];
const ownCpu = watchOwnCpu();
for (const [name, run] of sections.filter(([name]) => wanted.length === 0 || wanted.some((word) => name.includes(word)))) {
  process.stderr.write(`measuring ${name}…\n`);
  const before = sampleCpu(ownCpu);
  // A section that fails is reported and the others still measured: a run takes minutes, and the rows of
  // the sections that worked are worth keeping.
  try {
    rows.push(...(await run()));
  } catch (error) {
    failed.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  oneMinuteLoads.push(loadavg()[0]!);
  const after = sampleCpu(ownCpu);
  if (before && after) othersShares.push(othersShare(before, after));
}

ownCpu?.stop();
console.log(formatTable(rows));
console.log(loadLine('at the start', startLoad));
console.log(loadLine('at the end'));
if (othersShares.length > 0) console.log(othersLine(othersShares));
const warning = loadWarning(oneMinuteLoads, othersShares);
if (warning !== undefined) console.log(warning);
for (const failure of failed) console.error(`FAILED ${failure}`);
if (failed.length > 0) process.exitCode = 1;
