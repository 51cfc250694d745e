import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The installed Electron binary, found without triggering its download: the electron package writes
 * path.txt only once the binary is in place under dist/. Null where it could not be downloaded.
 */
export function electronBinary(root = resolve(import.meta.dirname, '../..')): string | null {
  const packageFolder = join(root, 'node_modules', 'electron');
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Set to 1 by the push CI (.github/workflows/ci.yml), where the Electron tests are the only place the
 * real app runs: there a missing binary fails them. Everywhere else they skip and say why.
 */
export const REQUIRE_ELECTRON_ENV = 'WAYPOINT_REQUIRE_ELECTRON';

export const NO_BINARY_REASON = 'skipped: no Electron binary (the electron package could not download it on this machine)';

/** What the Electron tests do: run against `binary`, or skip with `skip` printed; throws where the binary is required. */
export function electronTestPlan(binary: string | null, env: NodeJS.ProcessEnv = process.env): { binary: string; skip: null } | { binary: null; skip: string } {
  if (binary) return { binary, skip: null };
  if (env[REQUIRE_ELECTRON_ENV] === '1') {
    throw new Error(`No Electron binary, and ${REQUIRE_ELECTRON_ENV}=1 says the Electron tests must run here: run \`npm ci\` where Electron's download is reachable.`);
  }
  return { binary: null, skip: NO_BINARY_REASON };
}
