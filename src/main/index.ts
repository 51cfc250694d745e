import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, ipcMain, powerMonitor, session } from 'electron';
import { createAppWindow } from './app-window';
import { clearBrowserData } from './browser-data';
import { createAppDispatch } from './ipc';
import { handle, isTrustedSender } from './ipc/handle';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './protocol';
import { refuseDebugSwitches } from './security/debug-switches';
import { lockDownSession } from './security/session';
import { readBuildDate } from './services/about';
import { chooseDataFolder, executableFolder } from './services/data-folder';
import { removeAutofillStoreWithoutVault } from './services/erase';
import { enforceLocking } from './services/session';
import { savedLanguage } from './services/settings';
import { createSecureWindow, guardEveryWebContents } from './window';
import { createElectronPdfPrinter } from './pdf';

// In `electron-vite dev` the renderer comes from Vite's dev server instead of app://.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const appOrigins = [APP_ORIGIN, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];

// Before anything uses userData (the single-instance lock lives there): profile, portable or WAYPOINT_DATA_DIR.
const dataFolder = chooseDataFolder({
  argv: process.argv,
  env: process.env,
  exeDir: executableFolder(process.execPath, process.env, process.platform),
  defaultUserData: app.getPath('userData'),
  exists: existsSync,
});

// Before any window: a debugging switch would let another program read an unlocked session.
const refusal = refuseDebugSwitches({
  argv: process.argv,
  hasSwitch: (name) => app.commandLine.hasSwitch(name),
  packaged: app.isPackaged,
  appPath: app.getAppPath(),
  language: savedLanguage(dataFolder.folder),
});
if (refusal) {
  dialog.showErrorBox('Waypoint', refusal);
  process.exit(1);
}

try {
  mkdirSync(dataFolder.folder, { recursive: true });
  app.setPath('userData', dataFolder.folder);
  app.setPath('sessionData', dataFolder.folder);
} catch (error) {
  // Never fall back to the profile silently: portable data must not land on this computer.
  dialog.showErrorBox('Waypoint', `Waypoint cannot use its data folder ${dataFolder.folder}: ${String(error)}`);
  process.exit(1);
}

// Date fields show day, month and year in the order of the interface language (from the next start
// after it changes).
app.commandLine.appendSwitch('lang', savedLanguage(dataFolder.folder));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Only the instance that owns the data folder, and before the profile opens at ready.
  removeAutofillStoreWithoutVault(dataFolder.folder);
  guardEveryWebContents(app, appUrl);
  const preload = join(import.meta.dirname, '../preload/index.cjs');
  // Every lock replaces the window (services/session/locking.ts); `locking` is set before the first one opens.
  let locking: ReturnType<typeof enforceLocking> | null = null;
  const appWindow = createAppWindow(
    (placement) => createSecureWindow(preload, appUrl, !app.isPackaged, placement),
    (window) => locking?.watchPage(window.webContents, () => appWindow.current() === window),
  );

  app.on('second-instance', () => {
    appWindow.bringToFront();
    // macOS gives the focus to the app that was started (the second one, which quits): take it back.
    if (process.platform === 'darwin') app.focus({ steal: true });
  });

  void app
    .whenReady()
    .then(async () => {
      serveAppProtocol(join(import.meta.dirname, '../renderer'));
      const { dispatch, vaultSession, settings, finishInterruptedErase } = createAppDispatch(
        {
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          dataFolder: app.getPath('userData'),
          runtime: 'electron',
          buildDate: readBuildDate(app.getAppPath()),
          dataFolderMode: dataFolder.mode,
        },
        {
          quickExit: () => appWindow.hideNow(),
          clearBrowserData: () => clearBrowserData(session.defaultSession),
          eraseNeedsPassphrase: false, // only the app's own window can ask (ipc/handle.ts)
          async chooseSavePath(suggestedName, kind) {
            const options = {
              defaultPath: join(app.getPath('documents'), suggestedName),
              filters: kind === 'file' ? [] : [{ name: kind.toUpperCase(), extensions: [kind === 'backup' ? 'wpbackup' : kind] }],
            };
            const window = appWindow.current();
            const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
            return result.canceled || !result.filePath ? null : result.filePath;
          },
          printPdf: createElectronPdfPrinter(),
        },
      );
      // Before any page loads. The page reads the settings first thing, so main holds them by the time it asks.
      lockDownSession(session.defaultSession, appOrigins, () => settings.current()?.systemNotifications === true);
      // An erase that a crash or power cut interrupted is finished before anything reads the data folder.
      await finishInterruptedErase();
      handle(ipcMain, dispatch, isTrustedSender(appOrigins));
      // Main locks on sleep, screen lock, system idle and a failed page, and replaces the page after every lock.
      locking = enforceLocking({
        session: vaultSession,
        power: powerMonitor,
        idleSeconds: () => powerMonitor.getSystemIdleTime(),
        autoLockMinutes: async () => (await settings.get()).autoLockMinutes,
        replacePage: () => appWindow.replace(),
        timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
        defer: (callback) => setImmediate(callback),
      });
      appWindow.open();
    })
    .catch((error: unknown) => {
      // Never run on over an erase that could not finish.
      dialog.showErrorBox('Waypoint', `Waypoint could not start: ${String(error)}`);
      app.quit();
    });

  // One window, one process: closing it ends the app on every platform, so nothing stays unlocked.
  // A lock replaces the window, and for that moment none is open.
  app.on('window-all-closed', () => {
    if (!appWindow.replacing()) app.quit();
  });
}
