import { isAppOrigin } from './origins';
import type { Session } from 'electron';

/**
 * Denies every permission but clipboard writes (camera, microphone, geolocation, notifications...) and cancels every
 * request that does not go to the app's own origins: the app makes no network request of its own.
 */
export function lockDownSession(session: Session, allowedOrigins: readonly string[]): void {
  // Writing to the clipboard (the copy buttons) is the one permission the app uses.
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppRequest(details.url, allowedOrigins) });
  });
}

export function isAppRequest(url: string, allowedOrigins: readonly string[]): boolean {
  return url.startsWith('devtools://') || url.startsWith('data:') || isAppOrigin(url, allowedOrigins);
}
