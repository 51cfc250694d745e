/**
 * True when `url` belongs to one of the app's own origins. Compares scheme and host by hand:
 * for a custom scheme such as app://waypoint, `new URL(...).origin` is the string "null".
 */
export function isAppOrigin(url: string, appOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return appOrigins.some((origin) => {
    const allowed = new URL(origin);
    return parsed.protocol === allowed.protocol && parsed.host === allowed.host;
  });
}
