/**
 * Links built from directory data, which may come from anyone's import file. Each value is checked, and the
 * link is built here from the checked value alone, so a value cannot bring a query (`mailto:a@b.org?attach=...`,
 * `?body=`), a second recipient, another scheme or a local address along with it. The renderer builds every
 * e-mail, phone and web link with these functions, and main checks every link it hands to the system with the
 * same ones (src/main/security/external-links.ts).
 */

// One address, nothing else: letters and digits in any script, and only . _ + ' - besides them before the @
// (no ? & = % / # or comma, which a mailto: link would read as more than an address); a domain of labels.
export const emailPattern = /^[\p{L}\p{N}._+'-]{1,64}@(?=.{4,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

/** True for a single e-mail address with nothing around it. */
export function isEmailAddress(value: string): boolean {
  return emailPattern.test(value);
}

/** A mailto: link for `email`, or null when it is not a single address. */
export function mailtoHref(email: string): string | null {
  return isEmailAddress(email) ? `mailto:${email}` : null;
}

/** What a tel: or sms: link needs of a number as written ("08000 121 700" -> "08000121700"): digits, * and #, one leading +. */
export function dialable(number: string): string {
  return number.replace(/[^\d+*#]/g, '').replace(/(?!^)\+/g, '');
}

/** A tel: link (sms: for text lines) for a number as written, or null when it has no digit or too many to be a number. */
export function phoneHref(number: string, type: string): string | null {
  const digits = dialable(number);
  if (!/\d/.test(digits) || digits.length > 32) return null;
  return `${type === 'text' ? 'sms' : 'tel'}:${digits.replaceAll('#', '%23')}`;
}

// https://, then a host (and port) with no user name or password (no @) and no backslash, then an optional path.
const webLinkPattern = /^https:\/\/([^/?#\\\s@]+)(?:[/?#]\S*)?$/i;

/**
 * True for a web page that may open in the system browser: https, no user name or password in it, and a host
 * name on the internet (not localhost, a .local name, an IP literal or a bare intranet name).
 */
export function isWebLink(raw: string): boolean {
  const authority = webLinkPattern.exec(raw)?.[1];
  if (authority === undefined) return false;
  const host = authority.replace(/:\d{1,5}$/, '').toLowerCase();
  if (!/^[\p{L}\p{N}.-]+$/u.test(host) || !host.includes('.')) return false;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.')) return false;
  // IP literals are never official links and often point inside the caseworker's network.
  return !/^[\d.]+$/.test(host);
}
