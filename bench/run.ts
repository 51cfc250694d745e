import { join, resolve } from 'node:path';
import { benchShell } from './shell';
import { formatTable, type BenchRow } from './table';
import { benchVault } from './vault';

// `npm run bench` builds first, then measures; each figure is printed with what we aim at.
const outFolder = join(resolve(import.meta.dirname, '..'), 'out');

const rows: BenchRow[] = [...(await benchShell(outFolder)), ...(await benchVault(outFolder))];

console.log(formatTable(rows));
