import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatTable } from '../bench/table';
import { timeRows, timesFile, type TestTimes } from '../bench/test-times';

// `npm test`: every layer in order, stopping at the first that fails, then the wall time of each.
// The times are also kept in test-results/, where `npm run bench` reads them.

/** The npm scripts `npm test` runs, cheapest first, so a lint error fails in seconds. */
const layers = ['lint', 'typecheck', 'test:unit', 'build', 'test:e2e', 'test:electron'];

const times: TestTimes = { finishedAt: '', layers: [] };
let status = 0;
for (const name of layers) {
  const start = performance.now();
  // npm is a .cmd file on Windows, which only a shell starts.
  const result = spawnSync('npm', ['run', name], { stdio: 'inherit', shell: process.platform === 'win32' });
  status = result.status ?? 1;
  times.layers.push({ name, seconds: Math.round(performance.now() - start) / 1000, passed: status === 0 });
  if (status !== 0) break;
}
times.finishedAt = new Date().toISOString();
mkdirSync(dirname(timesFile), { recursive: true });
writeFileSync(timesFile, JSON.stringify(times, null, 2) + '\n');
console.log(`\nWall time of each test layer:\n${formatTable(timeRows(times))}`);
process.exitCode = status;
