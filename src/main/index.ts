import { join } from 'node:path';
import { app, ipcMain, session, type BrowserWindow } from 'electron';
import { createAppDispatch } from './ipc';
import { handle, isTrustedSender } from './ipc/handle';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './protocol';
import { lockDownSession } from './security/session';
import { createSecureWindow } from './window';

// In `electron-vite dev` the renderer comes from Vite's dev server instead of app://.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const appOrigins = [APP_ORIGIN, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    lockDownSession(session.defaultSession, appOrigins);
    serveAppProtocol(join(import.meta.dirname, '../renderer'));
    const dispatch = createAppDispatch({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      dataFolder: app.getPath('userData'),
      runtime: 'electron',
    });
    handle(ipcMain, dispatch, isTrustedSender(appOrigins));
    mainWindow = createSecureWindow(join(import.meta.dirname, '../preload/index.cjs'), appUrl, !app.isPackaged);
    mainWindow.on('closed', () => (mainWindow = null));
  });

  // One window, one process: closing it ends the app on every platform, so nothing stays unlocked.
  app.on('window-all-closed', () => app.quit());
}
