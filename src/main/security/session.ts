import { isAppOrigin } from './origins';
import type { Session } from 'electron';

/**
 * The permissions the page gets: writing to the clipboard (the copy buttons), and notifications only while
 * the caseworker has turned system notifications on in Settings. Nothing else (camera, microphone,
 * geolocation...).
 */
export function permissionAllowed(permission: string, notificationsOn: boolean): boolean {
  return permission === 'clipboard-sanitized-write' || (permission === 'notifications' && notificationsOn);
}

/**
 * Denies every permission but those above and cancels every request that does not go to the app's own
 * origins: the app makes no network request of its own. `notificationsOn` reads the setting as main holds it.
 */
export function lockDownSession(session: Session, allowedOrigins: readonly string[], notificationsOn: () => boolean = () => false): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission, notificationsOn())));
  session.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission, notificationsOn()));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppRequest(details.url, allowedOrigins) });
  });
}

export function isAppRequest(url: string, allowedOrigins: readonly string[]): boolean {
  return url.startsWith('devtools://') || url.startsWith('data:') || isAppOrigin(url, allowedOrigins);
}
