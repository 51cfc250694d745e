import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary, electronTestPlan, NO_BINARY_REASON, REQUIRE_ELECTRON_ENV } from '../../support/electron-binary';

let root = '';
afterEach(() => rm(root, { recursive: true, force: true }));

async function project(withBinary: boolean): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'waypoint-electron-binary-'));
  const folder = join(root, 'node_modules', 'electron');
  await mkdir(join(folder, 'dist'), { recursive: true });
  await writeFile(join(folder, 'path.txt'), 'electron');
  if (withBinary) await writeFile(join(folder, 'dist', 'electron'), '');
  return root;
}

describe('the Electron tests without a binary', () => {
  it('skip with the printed reason here (.ci/run sets nothing)', async () => {
    const binary = electronBinary(await project(false));
    expect(binary).toBeNull();
    expect(electronTestPlan(binary, {})).toEqual({ binary: null, skip: NO_BINARY_REASON });
    expect(electronTestPlan(binary, { [REQUIRE_ELECTRON_ENV]: '0' }).skip).toBe(NO_BINARY_REASON);
  });

  it('fail in the push CI, which sets WAYPOINT_REQUIRE_ELECTRON=1', async () => {
    const binary = electronBinary(await project(false));
    expect(() => electronTestPlan(binary, { [REQUIRE_ELECTRON_ENV]: '1' })).toThrow(/No Electron binary/);
  });

  it('run wherever the binary is there, required or not', async () => {
    const binary = electronBinary(await project(true));
    expect(binary).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    expect(electronTestPlan(binary, { [REQUIRE_ELECTRON_ENV]: '1' })).toEqual({ binary, skip: null });
    expect(electronTestPlan(binary, {})).toEqual({ binary, skip: null });
  });
});

describe('who requires the binary', () => {
  const repo = resolve(import.meta.dirname, '../../..');

  it('the push CI does, on every system, for push and pull request', async () => {
    const workflow = await readFile(join(repo, '.github/workflows/ci.yml'), 'utf8');
    expect(workflow).toContain(`${REQUIRE_ELECTRON_ENV}: '1'`);
    expect(workflow).toMatch(/on:\n\s+push:\n\s+pull_request:/);
    expect(workflow).toContain('os: [ubuntu-latest, windows-latest, macos-latest]');
    expect(workflow).toContain('npm run test:electron');
  });

  it('.ci/run, which runs on machines without it, does not', async () => {
    expect(await readFile(join(repo, '.ci/run'), 'utf8')).not.toContain(REQUIRE_ELECTRON_ENV);
  });
});
