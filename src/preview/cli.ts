import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PREVIEW_PORT, startPreviewServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['WAYPOINT_PREVIEW_PORT'] ?? String(DEFAULT_PREVIEW_PORT) },
    data: { type: 'string', default: process.env['WAYPOINT_PREVIEW_DATA'] ?? join(homedir(), '.waypoint-preview') },
  },
});

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const server = await startPreviewServer({
  outFolder: join(root, 'out'),
  dataFolder: resolve(values.data),
  port: Number(values.port),
  version,
});
// The token is in the fragment only: open this very address (a bare ${server.url} gets no answers).
console.log(`Waypoint browser preview, for development and test data only: ${server.openUrl}`);
console.log(`Data folder: ${resolve(values.data)}  (Ctrl+C to stop)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
