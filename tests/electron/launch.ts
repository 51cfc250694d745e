import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, electronTestPlan } from '../support/electron-binary';

/** Run, skip with the printed reason, or (in the push CI) fail at load: tests/support/electron-binary.ts. */
export const plan = electronTestPlan(electronBinary());
if (plan.skip) console.log(`Electron tests ${plan.skip}`);

const mainScript = resolve(import.meta.dirname, '../../out/main/index.js');

/** The command line of the built app on its own data folder (a second start with the same one is a second instance). */
export function appArgs(userData: string): string[] {
  return [mainScript, `--user-data-dir=${userData}`];
}

export async function newDataFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'waypoint-electron-'));
}

export function launch(userData: string): Promise<ElectronApplication> {
  return electron.launch({ executablePath: plan.binary!, args: appArgs(userData) });
}

/** The app's window as main sees it: its renderer's OS process id, where it is, and how it shows. */
export function appWindowState(app: ElectronApplication) {
  return app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows().filter((window) => !window.isDestroyed());
    const window = windows[0]!;
    return {
      windows: windows.length,
      pid: window.webContents.getOSProcessId(),
      bounds: window.getNormalBounds(),
      minimized: window.isMinimized(),
      visible: window.isVisible(),
    };
  });
}

/** Runs `lock` and returns the page of the window that replaces the locked one. */
export async function pageAfterLock(app: ElectronApplication, lock: () => Promise<unknown>): Promise<Page> {
  const next = app.waitForEvent('window', { timeout: 30_000 });
  await lock();
  const page = await next;
  await page.waitForLoadState('domcontentloaded');
  return page;
}
