import { BrowserWindow, shell, type App, type BrowserWindowConstructorOptions, type Rectangle, type WebContents, type WebPreferences } from 'electron';
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

/** Where a window that replaces another goes, and how it shows (see app-window.ts). */
export interface Placement {
  bounds: Rectangle;
  state: 'normal' | 'maximized' | 'fullscreen' | 'minimized';
  /** Whether it takes the focus: only if the window it replaces had it. */
  focus: boolean;
}

/** The only options any Waypoint window is created with; a unit test pins every security flag. */
export function secureWindowOptions(preloadPath: string, devTools: boolean, bounds?: Rectangle): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Waypoint',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: { ...hardenedWebPreferences, preload: preloadPath, devTools },
  };
}

/**
 * Keeps a page where it is: no navigation but to the app page, no redirects, no pop-ups, no
 * webviews; allowed links go to the system browser. Installed on every web contents by
 * `guardEveryWebContents`, not window by window.
 */
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

/**
 * One guard for every web contents the app will ever create (the app window, the print window, and
 * any window added later), installed before the first of them: a new window cannot forget it.
 */
export function guardEveryWebContents(app: Pick<App, 'on'>, appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl));
}

/** Shows a new window as the one it replaces was shown: a window hidden by Quick exit stays minimised. */
export function showPlaced(window: Pick<BrowserWindow, 'show' | 'showInactive' | 'minimize' | 'maximize' | 'setFullScreen'>, placement: Placement | null): void {
  switch (placement?.state ?? 'normal') {
    case 'minimized':
      window.minimize(); // a window not yet shown appears minimised, without showing first
      return;
    case 'maximized':
      window.maximize();
      break;
    case 'fullscreen':
      window.setFullScreen(true);
      break;
    case 'normal':
      break;
  }
  if (placement && !placement.focus) window.showInactive();
  else window.show();
}

export function createSecureWindow(preloadPath: string, appUrl: string, devTools: boolean, placement: Placement | null = null): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(preloadPath, devTools, placement?.bounds));
  window.once('ready-to-show', () => showPlaced(window, placement));
  void window.loadURL(appUrl);
  return window;
}
