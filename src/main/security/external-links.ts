/**
 * Links that may leave the app for the system's own handlers: web pages over https and the
 * contact schemes of the directory. Anything else (file:, javascript:, custom schemes that
 * launch programs, plain http, credentials in the URL, local addresses) stays blocked.
 */
const allowedProtocols = new Set(['https:', 'mailto:', 'tel:', 'sms:']);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!allowedProtocols.has(url.protocol)) return false;
  if (url.protocol !== 'https:') return /^[^\s<>"]{1,200}$/.test(url.pathname);
  if (url.username || url.password) return false;
  const host = url.hostname;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  // IP literals are never official links and often point inside the caseworker's network.
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return false;
  return host.includes('.');
}
