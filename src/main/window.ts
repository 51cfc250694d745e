import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebContents, type WebPreferences } from 'electron';
import { isAllowedExternalUrl } from './security/external-links';

/** Isolation on, every integration off: shared by the app window and the hidden print window. */
export const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false, // the spellchecker may download dictionaries and sees every word typed
  safeDialogs: true,
} as const satisfies WebPreferences;

/** The only options any Waypoint window is created with; a unit test pins every security flag. */
export function secureWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Waypoint',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: { ...hardenedWebPreferences, preload: preloadPath, devTools },
  };
}

/** Keeps a page where it is: no navigation, no pop-ups, no webviews; allowed links go to the system browser. */
export function guardWebContents(contents: WebContents, appUrl: string, openExternal = shell.openExternal): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

export function createSecureWindow(preloadPath: string, appUrl: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(preloadPath, devTools));
  guardWebContents(window.webContents, appUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}
