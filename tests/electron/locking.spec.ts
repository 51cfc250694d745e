import { spawn } from 'node:child_process';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { createVault, unlock } from '../e2e/vault-steps';
import { appArgs, appWindowState, launch, newDataFolder, pageAfterLock, plan } from './launch';

// Locking that only main can do (src/main/services/session/locking.ts, src/main/app-window.ts): each
// lock ends the page's renderer process and puts a new one, at the lock screen, in its place.
test.describe('locking enforced by main, in the real app', () => {
  test.skip(!plan.binary, plan.skip ?? '');

  let app: ElectronApplication;
  let userData: string;
  let page: Page;
  test.beforeEach(async () => {
    userData = await newDataFolder();
    app = await launch(userData);
    page = await app.firstWindow();
    await createVault(page);
  });
  test.afterEach(() => app.close());

  async function expectLockedInNewProcess(next: Page, before: Awaited<ReturnType<typeof appWindowState>>) {
    await expect(next.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
    const after = await appWindowState(app);
    expect(after.windows).toBe(1);
    expect(after.pid).not.toBe(before.pid);
    expect(after.bounds).toEqual(before.bounds);
    expect(await next.evaluate(() => window.waypoint.vault.status())).toMatchObject({ ok: true, value: { unlocked: false } });
  }

  test('the Lock button: a new renderer process (another OS pid) in the same place, at the lock screen', async () => {
    const before = await appWindowState(app);
    const next = await pageAfterLock(app, () => page.getByRole('button', { name: 'Lock' }).click());
    await expectLockedInNewProcess(next, before);
    await unlock(next);
  });

  for (const event of ['suspend', 'lock-screen'] as const) {
    test(`the system's ${event} locks, and the page is replaced`, async () => {
      const before = await appWindowState(app);
      const next = await pageAfterLock(app, () => app.evaluate(({ powerMonitor }, name) => powerMonitor.emit(name), event));
      await expectLockedInNewProcess(next, before);
    });
  }

  test('main locks after the auto-lock minutes of system idle time, whatever the page does', async () => {
    await page.evaluate(() => window.waypoint.settings.set({ autoLockMinutes: 1 }));
    const before = await appWindowState(app);
    // The system reports two hours without input; main checks at least every 15 seconds. The page's own
    // timer would wait a full minute of no input in the page, longer than this test waits.
    const next = await pageAfterLock(app, () =>
      app.evaluate(({ powerMonitor }) => {
        powerMonitor.getSystemIdleTime = () => 7200;
      }),
    );
    await expectLockedInNewProcess(next, before);
  });

  test('Quick exit hides the window at once, and the new page stays hidden; a second start brings it back', async () => {
    const before = await appWindowState(app);
    const next = await pageAfterLock(app, () => page.getByRole('button', { name: 'Quick exit' }).click());
    await expect.poll(async () => (await appWindowState(app)).pid).not.toBe(before.pid);
    await expect.poll(async () => ((s) => s.minimized || !s.visible)(await appWindowState(app))).toBe(true);

    // A second start on the same data folder hands over to this one and quits.
    const second = spawn(plan.binary!, appArgs(userData), { stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(exitCode).toBe(0);
    await expect.poll(async () => ((s) => !s.minimized && s.visible)(await appWindowState(app))).toBe(true);
    expect(await appWindowState(app)).toMatchObject({ windows: 1 });
    await expect(next.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
  });

  test('a renderer that crashes is replaced, locked', async () => {
    const before = await appWindowState(app);
    const next = await pageAfterLock(app, () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer()));
    await expectLockedInNewProcess(next, before);
  });
});
