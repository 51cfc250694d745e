import { isEmailAddress, isWebLink, phoneHref } from '../../shared/contact-links';

/**
 * Links that may leave the app for the system's own handlers: web pages over https and the
 * contact schemes of the directory. Anything else (file:, javascript:, custom schemes that
 * launch programs, plain http, credentials in the URL, local addresses) stays blocked, and a
 * contact link must be exactly one address or number: no query (`mailto:x@y.org?attach=...`),
 * no fragment, no second recipient. The checks are the ones the renderer builds its links with.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // The URL as the parser reads it, so a link cannot look one way to the check and another to the browser.
  if (url.protocol === 'https:') return isWebLink(url.href);
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) return false;
  let value: string;
  try {
    value = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return isEmailAddress(value);
  if (url.protocol === 'tel:' || url.protocol === 'sms:') return phoneHref(value, 'voice') === `tel:${value.replaceAll('#', '%23')}`;
  return false;
}
